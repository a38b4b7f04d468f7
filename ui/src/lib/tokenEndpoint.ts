// What the token endpoint check holds between runs and tab switches (the
// App keeps it, so nothing typed is lost), and the cookies it sends.
import type { TokenEndpointReport } from '../ipc';

export interface TokenEndpointInput {
  /** The customer's endpoint, as the page's SDK calls it. */
  url: string;
  /** The page's dashboard id. */
  entity: string;
  /** One NAME=VALUE per line: the session cookies a signed-in browser sends. */
  cookies: string;
  /** The last report. */
  report: TokenEndpointReport | null;
}

export const emptyTokenEndpointInput = (): TokenEndpointInput => ({ url: '', entity: '', cookies: '', report: null });

/** The cookie lines as pairs, or the first line that is not NAME=VALUE (its name only: values are secrets). */
export function cookiePairs(text: string): [string, string][] | string {
  const pairs: [string, string][] = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const at = line.indexOf('=');
    if (at <= 0) return `"${line.split('=')[0].slice(0, 40)}" is not NAME=VALUE: write one cookie per line, as sid=abc123.`;
    pairs.push([line.slice(0, at).trim(), line.slice(at + 1)]);
  }
  return pairs;
}
