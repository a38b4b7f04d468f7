// What every end-to-end test file shares: tauri-driver, a session on the
// real app, screenshots, the keychain as secret-tool sees it, and a walk
// over the files the app wrote.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Session } from './webdriver.mjs';

export const run = promisify(execFile);
export const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const app = process.env.EMBED_SANDBOX_APP || path.join(root, 'target/debug/embed-sandbox-app');
export const cli = path.join(root, 'target/debug/embed-sandbox');
const driverBin = process.env.TAURI_DRIVER || path.join(process.env.HOME, '.cargo/bin/tauri-driver');

/** Starts tauri-driver on `port` (with `env`) and waits until it answers.
 * Its stderr (and so the app's, which inherits it) is a pipe this process
 * reads and forwards, never the test runner's own: an app that outlives its
 * session must not hold the runner's output open (node --test then waits for
 * it forever, after every test has finished). */
export async function startDriver(port = 4444, env = process.env) {
  const native = String(port + 1);
  const driver = spawn(driverBin, ['--port', String(port), '--native-port', native], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  driver.stderr.on('data', (chunk) => process.stderr.write(chunk));
  // Stop reading once the driver is gone, so this process can exit.
  driver.on('exit', () => driver.stderr.destroy());
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { await fetch(base + '/status'); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  return { driver, base };
}

/** A session on the app, once its first URL is signed. */
export async function openApp(base) {
  const session = await Session.start(base, app);
  await session.find('[data-testid=signed-url]', 30000);
  return session;
}

const shots = process.env.SCREENSHOT_DIR || path.join(root, 'target/screenshots');
/** Saves a screenshot for the README. Screenshots document, they assert
 * nothing: one that WebKitWebDriver does not deliver within 30 s (seen once
 * on a loaded 2-core machine, where it hung for 5 minutes) is skipped with a
 * warning instead of failing the test around it. */
export async function screenshot(session, name) {
  mkdirSync(shots, { recursive: true });
  let timer;
  const late = new Promise((resolve) => { timer = setTimeout(() => resolve(null), 30000); });
  const data = await Promise.race([session.cmd('GET', '/screenshot').catch(() => null), late]);
  clearTimeout(timer);
  if (data === null) { console.warn(`warning: screenshot ${name} skipped (WebKitWebDriver did not deliver it within 30 s)`); return; }
  writeFileSync(path.join(shots, name), Buffer.from(data, 'base64'));
}

export const profileId = (session) => session.run("return document.querySelector('[data-testid=profile-switcher]').value");
export const signedUrl = (session) => session.text('[data-testid=signed-url]');

export async function keychainSecret(id) {
  const { stdout } = await run('secret-tool', ['lookup', 'service', 'embed-sandbox', 'username', id]);
  return stdout.trim();
}

export function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Picks the profile named `name` in the switcher. */
export async function selectProfile(session, name) {
  await session.run(`const s = document.querySelector('[data-testid=profile-switcher]');
    const o = [...s.options].find((o) => o.textContent.startsWith(arguments[0]));
    s.value = o.value; s.dispatchEvent(new Event('change'));`, name);
}

/** Sets a text field's value as a paste would. */
export async function paste(session, css, text) {
  await session.run("const i = document.querySelector(arguments[0]); i.value = arguments[1]; i.dispatchEvent(new Event('input'));", css, text);
}

/** Runs `inside` in the preview window (opened by `open`), then comes back. */
export async function inPreview(session, open, inside) {
  const main = await session.cmd('GET', '/window');
  await open();
  try {
    const handles = await session.until(() => session.cmd('GET', '/window/handles'), (h) => h.length === 2, 'the preview window');
    await session.cmd('POST', '/window', { handle: handles.find((h) => h !== main) });
    return await inside();
  } finally {
    await session.cmd('POST', '/window', { handle: main });
  }
}

/** Reads `css` inside the iframe `frameCss` of the current window. */
export async function textInFrame(session, frameCss, css) {
  const frame = await session.find(frameCss);
  await session.cmd('POST', '/frame', { id: { 'element-6066-11e4-a52e-4f735466cecf': frame } });
  try { return await session.text(css); } finally { await session.cmd('POST', '/frame/parent', {}); }
}

/** Ends `session` and stops `driver`, and any app it left running (the
 * files run one at a time, so every app of this build is this file's). */
export async function stopDriver(session, driver) {
  await session?.end().catch(() => undefined);
  driver?.kill();
  await run('pkill', ['-f', '--', app]).catch(() => undefined);
}
