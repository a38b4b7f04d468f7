// The mock pages drawn by a real browser: Debian's headless Chromium loads
// the local host's parent page around a freshly signed embed URL, runs both
// pages' scripts, and the parent shows the embed's posted events.
import { statSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { bin, chrome as chromeWith, root, run, serve } from './common.mjs';

const chrome = (...args) => chromeWith(5000, ...args);
const shots = process.env.SCREENSHOT_DIR || path.join(root, 'target/screenshots');
const token = 'render-token-' + Math.random().toString(16).slice(2);
const env = { ...process.env, RENDER_SECRET: 'render-secret-' + Math.random().toString(16).slice(2), EMBED_SANDBOX_HOST_TOKEN: token };
let host;
let child;

before(async () => {
  ({ child, host } = await serve(['--client-id', 'render-client', '--secret-env', 'RENDER_SECRET'], env));
});

after(() => child?.kill('SIGTERM'));

async function sign(...extra) {
  const { stdout } = await run(bin, ['sign', 'sigma', '--embed-path', `${host}/embed/1-render`, '--client-id', 'render-client',
    '--email', 'ann@example.com', '--external-user-id', 'ann-1', '--team', 'Sales_Managers', '--account-type', 'Creator',
    '--session-length', '600', '--ua', 'Region=West', '--secret-env', 'RENDER_SECRET', ...extra], { env });
  return stdout.trim();
}

test('the parent page shows that the embed loaded and lists its events', async () => {
  const url = await sign('--param', ':theme=Dark');
  // The app opens the parent page with the host's tools token in the fragment.
  const dom = await chrome('--dump-dom', `${host}/__sandbox/parent?src=${encodeURIComponent(url)}#token=${token}`);
  assert.match(dom, /<span id="status" data-testid="status" class="ok">embed loaded<\/span>/);
  assert.match(dom, /workbook:loaded/);
  // The parent relays each message to the host, where the app reads it.
  const events = await (await fetch(`${host}/__sandbox/events`, { headers: { 'x-embed-sandbox-token': token } })).json();
  assert.ok(events.some((e) => JSON.parse(e.data).type === 'workbook:loaded'), JSON.stringify(events));
});

test('a refused embed reports its error to the parent', async () => {
  const url = (await sign()).replace('Creator', 'Viewer');
  const dom = await chrome('--dump-dom', `${host}/__sandbox/parent?src=${encodeURIComponent(url)}`);
  assert.match(dom, /embed error: You don't have permission to access this page\. Invalid embed signature\./);
  assert.match(dom, /workbook:error/);
});

test('the mock workbook draws (screenshot)', async () => {
  const file = path.join(shots, 'workbook.png');
  await run('mkdir', ['-p', shots]);
  await chrome(`--screenshot=${file}`, '--window-size=1200,800', await sign('--param', ':show_footer=true'));
  assert.ok(statSync(file).size > 20_000, 'the screenshot is not blank');
});
