// The real app through its real WebKit webview: tauri-driver in front of
// WebKitWebDriver, under Xvfb, in a D-Bus session with an unlocked
// gnome-keyring (tests/e2e/run.sh sets that up).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';

const { cli, filesUnder, keychainSecret } = h;
let driver;
let base;
let session;

async function startSession() {
  session = await h.openApp(base);
}

before(async () => {
  ({ driver, base } = await h.startDriver(4444));
  await startSession();
});

after(() => h.stopDriver(session, driver));

const screenshot = (name) => h.screenshot(session, name);
const profileId = () => h.profileId(session);
const signedUrl = () => h.signedUrl(session);

test('the first screen shows a URL signed for the local host demo', async () => {
  const origin = await session.text('[data-testid=host-origin]');
  assert.match(origin, /^http:\/\/127\.0\.0\.1:\d+$/);
  const url = await signedUrl();
  assert.ok(url.startsWith(`${origin}/embed/1-local-demo?:nonce=`), url);
  // A local check, worded as one: never as the vendor's verdict.
  assert.match(await session.text('[data-testid=verdict]'), /^Local check: the signature is valid with this profile's secret/);
  await screenshot('app-main.png');
});

test('the secret is in the keychain and nowhere on disk or in IPC responses', async () => {
  const id = await profileId();
  const secret = await keychainSecret(id);
  assert.ok(secret.length >= 32, 'secret-tool finds the demo secret');
  for (const file of filesUnder(process.env.XDG_DATA_HOME)) {
    if (file.includes('keyrings')) continue; // the keychain's own (encrypted) store
    assert.ok(!readFileSync(file).includes(secret), `the secret is in ${file}`);
  }
  const responses = await session.runAsync(
    "const done = arguments[arguments.length - 1]; const ipc = window.__TAURI_INTERNALS__;" +
    "Promise.all([ipc.invoke('list_profiles'), ipc.invoke('app_info')]).then((r) => done(JSON.stringify(r)), (e) => done('ERR ' + String(e)));");
  assert.ok(!responses.startsWith('ERR'), responses);
  assert.ok(!responses.includes(secret), 'an IPC response carries the secret');
});

test('the URL shown equals embed-sandbox sign for the same inputs', async () => {
  await session.click('[data-testid=nonce-and-time]');
  await session.type('#nonce', 'e2e-fixed-nonce');
  const url = await session.until(signedUrl, (u) => u.includes(':nonce=e2e-fixed-nonce&'), 'the URL with the fixed nonce');
  const time = /:time=(\d+)/.exec(url)[1];
  const secret = await keychainSecret(await profileId());
  const base = url.split('?')[0];
  const child = execFile(cli, ['sign', 'sigma', '--embed-path', base, '--client-id', 'local-demo-sigma', '--email', 'ann@example.com',
    '--external-user-id', 'ann-1', '--team', 'Sales_Managers', '--account-type', 'Creator', '--session-length', '600',
    '--time', time, '--nonce', 'e2e-fixed-nonce', '--ua', 'Region=West', '--param', ':theme=Light', '--secret-stdin']);
  child.stdin.end(secret + '\n');
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  await new Promise((resolve) => child.on('close', resolve));
  assert.equal(out.trim(), url);
  await session.clear('#nonce');
});

test('load shows the mock workbook with the signed-in email, in a window with no IPC', async () => {
  const main = await session.cmd('GET', '/window');
  await session.click('[data-testid=load]');
  try {
    await inPreview(main);
  } finally {
    await session.cmd('POST', '/window', { handle: main });
  }
  // The main window shows the host's verdict on that URL and the embed's events.
  await session.until(() => session.text('[data-testid=load-pill]'), (t) => t === 'Accepted 200', 'the host verdict');
  await session.until(() => session.text('[data-testid=event-log]'), (t) => t.includes('workbook:loaded'), 'the embed events');
  await screenshot('app-main-after-load.png');
});

async function inPreview(main) {
  const handles = await session.until(() => session.cmd('GET', '/window/handles'), (h) => h.length === 2, 'the preview window');
  const preview = handles.find((h) => h !== main);
  await session.cmd('POST', '/window', { handle: preview });
  const frame = await session.find('[data-testid=embed-frame]');
  await session.until(() => session.text('[data-testid=status]'), (s) => s === 'embed loaded', 'the embed to load');
  await session.cmd('POST', '/frame', { id: { 'element-6066-11e4-a52e-4f735466cecf': frame } });
  assert.equal(await session.text('[data-testid=signed-in-email]'), 'ann@example.com');
  await session.cmd('POST', '/frame/parent', {});
  await screenshot('app-preview.png');

  // The probe page tries every route into the app's IPC from the preview.
  const origin = (await session.cmd('GET', '/url')).split('/__sandbox')[0];
  await session.cmd('POST', '/url', { url: `${origin}/__sandbox/probe` });
  await session.until(() => session.run('return document.body.dataset.done'), (d) => d === 'true', 'the probe');
  const results = await session.text('[data-testid=results]');
  assert.match(results, /__TAURI_INTERNALS__\.invoke/);
  assert.ok(!results.includes('ANSWERED'), results);
}

async function newProfile(name, scheme, embedPath, clientId) {
  await session.click('[data-testid=new-profile]');
  await session.type('[data-testid=pe-name]', name);
  await session.run(`const s = document.querySelector('[data-testid=pe-scheme]'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));`, scheme);
  await session.type('[data-testid=pe-path]', embedPath);
  if (clientId) await session.type('[data-testid=pe-client]', clientId);
  await session.click('[data-testid=pe-save]');
}

test('a new profile keeps its secret in the keychain only, and signs', async () => {
  const origin = await session.text('[data-testid=host-origin]');
  await newProfile('Staging (e2e)', 'sigma-classic', `${origin}/embed/7-staging`, 'staging-client');
  await session.until(() => session.text('h2'), (t) => t === 'Staging (e2e)', 'the new profile to be selected');
  const id = await profileId();
  const secret = 'e2e-' + Math.random().toString(16).slice(2) + '-secret-of-staging';
  await session.type('[data-testid=secret-input]', ' ' + secret + ' ');
  await session.click('[data-testid=save-secret]');
  assert.match(await session.until(() => session.text('[data-testid=secret-message]'), (t) => t.length > 0, 'the save message'), /whitespace/);
  assert.equal(await keychainSecret(id), secret);
  assert.match(await session.until(signedUrl, (u) => u.startsWith(`${origin}/embed/7-staging?`), 'a signed URL'), /:client_id=staging-client&/);
  for (const file of filesUnder(process.env.XDG_DATA_HOME)) {
    if (file.includes('keyrings')) continue;
    assert.ok(!readFileSync(file).includes(secret), `the secret is in ${file}`);
  }
  const responses = await session.runAsync(
    "const done = arguments[arguments.length - 1]; const ipc = window.__TAURI_INTERNALS__;" +
    "Promise.all([ipc.invoke('list_profiles'), ipc.invoke('preview_activity', { afterRequest: 0, afterEvent: 0 })]).then((r) => done(JSON.stringify(r)), (e) => done('ERR ' + JSON.stringify(e)));");
  assert.ok(!responses.startsWith('ERR') && !responses.includes(secret), responses.slice(0, 200));
});

test('bad input gets a clear message and loses nothing', async () => {
  // An unparsable embed path: the editor stays open with what was typed.
  await newProfile('Broken path', 'sigma-classic', 'app.sigmacomputing.com/embed x', 'c1');
  assert.match(await session.text('[data-testid=pe-error]'), /embed path/i);
  assert.equal(await session.run("return document.querySelector('[data-testid=pe-path]').value"), 'app.sigmacomputing.com/embed x');
  // A name clash.
  await session.clear('[data-testid=pe-path]');
  await session.type('[data-testid=pe-path]', 'https://app.sigmacomputing.com/embed/1-x');
  await session.clear('[data-testid=pe-name]');
  await session.type('[data-testid=pe-name]', 'Staging (e2e)');
  await session.click('[data-testid=pe-save]');
  await session.until(() => session.text('[data-testid=pe-error]'), (t) => /already exists/.test(t), 'the name clash');
  assert.equal(await session.run("return document.querySelector('[data-testid=pe-name]').value"), 'Staging (e2e)');
  // An enormous pasted value, in the profile name and in the form.
  const huge = 'x'.repeat(200_000);
  await session.run("const i = document.querySelector('[data-testid=pe-name]'); i.value = arguments[0]; i.dispatchEvent(new Event('input'));", huge);
  await session.click('[data-testid=pe-save]');
  await session.until(() => session.text('[data-testid=pe-error]'), (t) => /characters long/.test(t), 'the length refusal');
  await session.click('[data-testid=pe-cancel]');
  await session.run("const i = document.querySelector('[data-testid=email]'); i.value = arguments[0] + '@example.com'; i.dispatchEvent(new Event('input'));", huge);
  const message = await session.until(() => session.text('[data-testid=error]'), (t) => t.length > 0, 'the size error');
  assert.match(message, /too long|bytes/i);
  assert.equal((await session.run("return document.querySelector('[data-testid=email]').value")).length, huge.length + 12);
  await session.run("const i = document.querySelector('[data-testid=email]'); i.value = 'ann@example.com'; i.dispatchEvent(new Event('input'));");
  await session.until(signedUrl, (u) => u.includes(':email=ann%40example.com') || u.includes(':email=ann@example.com'), 'signing to recover');
});

test('after a restart the profile is still there and its secret still signs', async () => {
  const id = await profileId();
  await session.end();
  await startSession();
  assert.equal(await profileId(), id);
  assert.match(await signedUrl(), /:signature=[0-9a-f]{64}$/);
  assert.match(await session.text('[data-testid=verdict]'), /^Local check: the signature is valid/);
});
