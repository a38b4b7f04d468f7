// The embed doctor against a real browser: for each framing failure the
// local host emulates, `embed-sandbox doctor` is run on a freshly signed URL
// first, then headless Chromium loads a customer's page framing that very
// URL. The frame really is refused exactly when the doctor says fail, and
// the session cookie really is lost exactly when the doctor says so; every
// URL still loads after the doctor has seen it (its nonce unspent).
import { once } from 'node:events';
import http from 'node:http';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { bin, chromeWithPrefs, run, serve } from './common.mjs';

const env = { ...process.env, DOCTOR_SECRET: 'doctor-secret-' + Math.random().toString(16).slice(2) };
const cleanups = [];
after(() => cleanups.forEach((c) => c()));

// A customer's page on its own server: frames `src` and writes which
// messages came back from the frame (the mock embeds post their loaded events).
async function customer(src, hostname = '127.0.0.1') {
  const page = `<!doctype html><title>customer</title><pre id="out">pending</pre><iframe id="f" allowfullscreen></iframe><script>
const seen = [];
const frame = document.getElementById('f');
window.addEventListener('message', (e) => { if (e.source === frame.contentWindow) seen.push(typeof e.data === 'string' ? e.data : e.data.type); });
frame.src = ${JSON.stringify(src)};
setTimeout(() => { document.getElementById('out').textContent = seen.join(' '); }, 3000);
</script>`;
  const server = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(page); });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(() => server.close());
  return `http://${hostname}:${server.address().port}/`;
}

async function host(framing) {
  const { child, host: origin } = await serve(['--client-id', 'doctor-client', '--secret-env', 'DOCTOR_SECRET', '--secret', 'looker=DOCTOR_SECRET',
    ...framing.flatMap((f) => ['--framing', f])], env);
  cleanups.push(() => child.kill('SIGTERM'));
  return origin;
}

async function doctor(parent, embed) {
  const result = await run(bin, ['doctor', '--parent', parent, '--embed', embed, '--json']).catch((e) => e);
  const report = JSON.parse(result.stdout);
  const check = (id) => report.checks.find((c) => c.id === id);
  return { code: result.code ?? 0, status: (id) => check(id)?.status, explanation: (id) => check(id)?.explanation ?? '' };
}

// Third-party cookies allowed, as in a Chrome whose user did not block them
// (a fresh headless Chromium profile here blocks them).
const ALLOW_THIRD_PARTY_COOKIES = { profile: { cookie_controls_mode: 0, block_third_party_cookies: false } };

async function messagesIn(page, prefs = null) {
  const dom = await chromeWithPrefs(6000, prefs, '--dump-dom', page);
  const out = /<pre id="out">([^<]*)<\/pre>/.exec(dom);
  assert.ok(out && out[1] !== 'pending', `the customer page did not finish: ${dom.slice(0, 300)}`);
  return out[1];
}

const signSigma = async (origin) => (await run(bin, ['sign', 'sigma', '--embed-path', `${origin}/embed/1-doctor`, '--client-id', 'doctor-client',
  '--email', 'ann@example.com', '--external-user-id', 'ann-1', '--team', 'Sales_Managers', '--account-type', 'Build',
  '--session-length', '600', '--secret-env', 'DOCTOR_SECRET'], { env })).stdout.trim();

for (const [framing, failing] of [
  [[], null],
  [['frame-options=deny'], 'x-frame-options'],
  [['frame-options=sameorigin'], 'x-frame-options'],
  [["frame-ancestors='self' https://app.example.com"], 'frame-ancestors'],
]) {
  test(`framing ${framing.join(' ') || '(none)'}: the doctor's verdict is the browser's`, async () => {
    const origin = await host(framing);
    const url = await signSigma(origin);
    const parent = await customer(url);
    const verdict = await doctor(parent, url);
    const loaded = (await messagesIn(parent)).includes('workbook:loaded');
    for (const id of ['x-frame-options', 'frame-ancestors']) {
      assert.equal(verdict.status(id) === 'fail', id === failing, `${id}: ${verdict.status(id)}`);
    }
    assert.equal(loaded, failing === null, failing ? 'the browser framed what the doctor called refused' : 'the frame did not load (was the URL spent by the doctor?)');
    assert.equal(verdict.code, failing ? 1 : 0);
  });
}

const signLooker = async (embedOrigin) => (await run(bin, ['sign', 'looker', '--host', embedOrigin, '--embed-url', '/embed/dashboards/1',
  '--external-user-id', 'lo-1', '--permission', 'access_data', '--permission', 'see_user_dashboards', '--model', 'thelook',
  '--session-length', '600', '--secret-env', 'DOCTOR_SECRET'], { env })).stdout.trim();

test('a Lax session cookie: lost in a cross-site frame exactly when the doctor says fail', async () => {
  const origin = await host(['session-cookie=lax']);
  const port = new URL(origin).port;
  for (const [embedHost, failing] of [['127.0.0.1', false], ['localhost', true]]) {
    // The parent is on 127.0.0.1: an embed on 127.0.0.1 (another port) is
    // same-site, one on localhost is another site.
    const url = await signLooker(`http://${embedHost}:${port}`);
    const parent = await customer(url);
    const verdict = await doctor(parent, url);
    const seen = await messagesIn(parent);
    assert.equal(verdict.status('cookie:sandbox_session'), failing ? 'fail' : 'pass', embedHost);
    assert.equal(seen.includes('dashboard:loaded'), !failing, `${embedHost}: ${seen || 'no message'}`);
  }
});

// Cross-site every time (parent on 127.0.0.1, embed on localhost), in a
// Chromium that allows third-party cookies and in one that blocks them (a
// fresh headless profile's default here). No SameSite is Lax to Chrome:
// lost in both, a fail. SameSite=None; Secure is kept only while
// third-party cookies are allowed: a warning that says so. Partitioned, it
// is kept in both: a pass.
for (const [mode, expected, keptWhenAllowed, keptWhenBlocked] of [
  ['unset', 'fail', false, false],
  ['none-secure', 'warn', true, false],
  ['none-secure-partitioned', 'pass', true, true],
]) {
  test(`session-cookie=${mode} in a cross-site frame: the doctor says ${expected}, and Chromium agrees`, async () => {
    const origin = await host([`session-cookie=${mode}`]);
    const embedOrigin = `http://localhost:${new URL(origin).port}`;
    const url = await signLooker(embedOrigin);
    const verdict = await doctor(await customer(url), url);
    assert.equal(verdict.status('cookie:sandbox_session'), expected);
    if (expected === 'warn') assert.match(verdict.explanation('cookie:sandbox_session'), /lost in Incognito or when the user blocks them/);
    for (const [prefs, kept] of [[ALLOW_THIRD_PARTY_COOKIES, keptWhenAllowed], [null, keptWhenBlocked]]) {
      // A fresh URL each time: a Looker login is single-use.
      const seen = await messagesIn(await customer(await signLooker(embedOrigin)), prefs);
      assert.equal(seen.includes('dashboard:loaded'), kept, `${mode}, third-party cookies ${prefs ? 'allowed' : 'blocked'}: ${seen || 'no message'}`);
    }
  });
}
