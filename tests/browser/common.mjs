// What the browser tests share: the CLI binary, `embed-sandbox serve` started
// on port 0 (its first line gives the address), and Debian's headless
// Chromium with the flags this closed-network machine needs.
import { execFile, spawn } from 'node:child_process';
import http from 'node:http';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const run = promisify(execFile);
export const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const bin = process.env.EMBED_SANDBOX_BIN || path.join(root, 'target/debug/embed-sandbox');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';

/** Starts `embed-sandbox serve` with `args` and `env`; resolves to the child and its origin. */
export async function serve(args, env) {
  const child = spawn(bin, ['serve', ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(createInterface({ input: child.stdout }), 'line');
  return { child, host: line.replace('listening on ', '') };
}

/** Runs headless Chromium with `args` (a fresh profile, `budget` ms of virtual time); its stdout. */
export async function chrome(budget, ...args) {
  return chromeWithPrefs(budget, null, ...args);
}

/** The same, the fresh profile starting with `prefs` (Chromium's Preferences file), if any. */
export async function chromeWithPrefs(budget, prefs, ...args) {
  const profile = mkdtempSync(path.join(tmpdir(), 'chromium-'));
  if (prefs) {
    mkdirSync(path.join(profile, 'Default'));
    writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify(prefs));
  }
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', `--user-data-dir=${profile}`, `--virtual-time-budget=${budget}`];
  const { stdout } = await run(chromium, [...flags, ...args], { maxBuffer: 16 * 1024 * 1024, timeout: 60_000 });
  return stdout;
}

/** GET `url` from Node (as a customer's server calls the vendor); resolves to its status and body. */
export function httpGet(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    }).on('error', reject);
  });
}
