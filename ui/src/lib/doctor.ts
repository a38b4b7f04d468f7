// What the embed doctor tab holds between runs and tab switches (the App
// keeps it, so nothing typed is lost), and the IPC parent it becomes.
import type { DoctorReport, Parent } from '../ipc';

export interface DoctorInput {
  /** Fetch the parent page over HTTP, or read saved HTML. */
  mode: 'url' | 'html';
  parentUrl: string;
  /** The saved page's text and file name (or "pasted"). */
  html: string;
  file: string;
  /** Where the saved page is served from. */
  origin: string;
  embed: string;
  /** The last report (it names the parent and probe it was made from). */
  report: DoctorReport | null;
}

export const emptyDoctorInput = (): DoctorInput => ({ mode: 'url', parentUrl: '', html: '', file: '', origin: '', embed: '', report: null });

/** The most the doctor reads of a saved page (the backend's limit too). */
export const PAGE_LIMIT = 5 * 1024 * 1024;

/** The parent as the backend takes it, or what is missing. */
export function parentOf(input: DoctorInput): Parent | string {
  if (input.mode === 'url') {
    const url = input.parentUrl.trim();
    return url ? { kind: 'url', value: url } : 'Give the parent page\'s URL (your app\'s page with the iframe, e.g. http://localhost:3000/).';
  }
  if (!input.html.trim()) return 'Choose the saved HTML file, or paste the page\'s HTML.';
  const origin = input.origin.trim();
  return { kind: 'html', value: { file: input.file || 'pasted HTML', html: input.html, origin: origin === '' ? null : origin } };
}
