// The embed doctor through the real app: the Embed doctor tab checks a
// parent page and an embed URL without spending it; the blank-frame cases
// are listed with the doctor finding each must produce; reproducing one
// switches it on in the app's local host and loads the form from another
// site, the last load says it was accepted *and* refused by the frame, and
// its "Run the embed doctor" opens the tab already filled in and run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';

let driver;
let session;
let origin;

before(async () => {
  let base;
  ({ driver, base } = await h.startDriver(4454));
  session = await h.openApp(base);
  origin = await session.text('[data-testid=host-origin]');
});

after(() => h.stopDriver(session, driver));

const tab = (id) => session.click(`[data-testid=tab-${id}]`);
const checks = () => session.run("return [...document.querySelectorAll('[data-testid=doctor-check]')].map((r) => [r.dataset.check, r.dataset.status])");

test('the doctor tab checks the preview page and the signed URL, and the URL stays unspent', async () => {
  const url = await h.signedUrl(session);
  await tab('doctor');
  await session.click('[data-testid=doctor-use-signed]');
  // The local host's preview page, from the other site (localhost).
  await session.click('[data-testid=doctor-use-preview]');
  const parent = await session.run("return document.querySelector('[data-testid=doctor-parent]').value");
  assert.equal(parent, `${origin.replace('127.0.0.1', 'localhost')}/__sandbox/parent?src=${encodeURIComponent(url.split('?')[0])}`);
  await session.click('[data-testid=doctor-run]');
  await session.find('[data-testid=doctor-report]', 20000);
  const found = Object.fromEntries(await checks());
  assert.equal(found.reach, 'pass');
  assert.equal(found['x-frame-options'], 'pass');
  assert.equal(found['frame-ancestors'], 'pass');
  assert.equal(found['parent-csp'], 'pass');
  // The Sigma mock sets no cookie (it needs none): nothing to flag.
  assert.equal(found.cookies, 'pass');
  assert.ok(!Object.values(found).includes('fail'), JSON.stringify(found));
  assert.match(await session.text('[data-testid=doctor-summary]'), /the doctor never loads a signed URL/);
  // Its probe shows in the request log as the doctor's, not as a failed load.
  await tab('compose');
  await session.until(() => session.text('[data-testid=probe-entry]'), (t) => /unsigned probe by the embed doctor/.test(t), 'the probe in the log');
  // Its nonce was never spent: the local host still accepts it, once.
  const response = await fetch(url, { redirect: 'manual' });
  assert.equal(response.headers.get('x-embed-sandbox-verdict'), 'accepted');
  // What was typed, and the report, survive a tab switch.
  await tab('doctor');
  assert.match(await session.run("return document.querySelector('[data-testid=doctor-parent]').value"), /__sandbox\/parent/);
  await session.find('[data-testid=doctor-report]');
  await h.screenshot(session, 'app-doctor.png');
});

test('a blank-frame case is reproduced in the preview, shown as refused, and the doctor names its header', async () => {
  await tab('scenarios');
  await session.until(() => session.run("return [...document.querySelectorAll('[data-testid=blank-row]')].map((r) => r.dataset.case + ':' + r.dataset.matches)"),
    (rows) => rows.length === 3, 'the three Sigma blank-frame cases', 20000)
    .then((rows) => assert.deepEqual(rows, ['frame-options-deny:true', 'frame-options-sameorigin:true', 'frame-ancestors-list:true']));
  await session.run("document.querySelector('[data-testid=blank-row][data-case=frame-options-sameorigin] [data-testid=blank-reproduce]').click()");
  await session.until(() => session.text('[data-testid=blank-active]'), (t) => /frame-options=sameorigin/.test(t), 'the switched-on notice');
  await h.screenshot(session, 'app-blank-frames.png');
  await tab('compose');
  assert.match(await session.text('[data-testid=framing-on]'), /frame-options=sameorigin/);
  await session.until(() => session.text('[data-testid=load-pill]'), (t) => t === 'Accepted 200, frame refused', 'the refused frame', 20000);
  assert.match(await session.text('[data-testid=load-spent]'), /its values are fine, but its frame would be refused/);
  assert.match(await session.text('[data-testid=load-headline]'), /sameorigin/i);
  // The preview really is blank: WebKit refused the frame from localhost.
  const shown = await h.inPreview(session, async () => undefined, async () => {
    assert.match(await session.run('return location.href'), /^http:\/\/localhost:\d+\/__sandbox\/parent/);
    return h.textInFrame(session, '[data-testid=embed-frame]', 'body').catch(() => '');
  });
  assert.doesNotMatch(shown, /Sales|workbook/i, 'the refused frame showed the embed');
  await session.click('[data-testid=load-doctor]');
  await session.find('[data-testid=doctor-report]', 20000);
  const found = Object.fromEntries(await checks());
  assert.equal(found['x-frame-options'], 'fail', JSON.stringify(found));
  assert.match(await session.run("return document.querySelector('[data-testid=doctor-parent]').value"), /^http:\/\/localhost:\d+\/__sandbox\/parent\?src=/);
  assert.doesNotMatch(await session.run("return document.querySelector('[data-testid=doctor-parent]').value"), /nonce|signature/);
  // Reset from the gallery: the notice goes, and a fresh load is good again.
  await tab('scenarios');
  await session.click('[data-testid=blank-reset]');
  await session.until(() => session.run("return document.querySelector('[data-testid=blank-active]')"), (x) => x === null, 'the notice gone');
  await tab('compose');
  assert.equal(await session.run("return document.querySelector('[data-testid=framing-on]')"), null);
  await session.click('[data-testid=load]');
  await session.until(() => session.text('[data-testid=load-pill]'), (t) => t === 'Accepted 200', 'a good load after the reset', 20000);
});

// A customer's Bold BI authorization server, as Bold BI's Node sample
// writes one: it needs the session cookie, signs only its page's dashboard.
async function authorizationServer(secret, session_) {
  const http = await import('node:http');
  const crypto = await import('node:crypto');
  const { once } = await import('node:events');
  const get = (url) => new Promise((resolve, reject) => {
    http.get(url, (res) => { let b = ''; res.on('data', (c) => { b += c; }); res.on('end', () => resolve(b)); }).on('error', reject);
  });
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', async () => {
      const reply = (status, text) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(text); };
      if (!(req.headers.cookie || '').includes(`sid=${session_}`)) return reply(401, '{"error":"sign in"}');
      const { embedQuerString, dashboardServerApiUrl } = JSON.parse(body);
      if (new URLSearchParams(embedQuerString).get('embed_dashboard_id') !== 'd-42') return reply(403, '{"error":"not yours"}');
      const query = embedQuerString + '&embed_user_email=bo@example.com&embed_server_timestamp=' + Math.floor(Date.now() / 1000);
      const signature = crypto.createHmac('sha256', secret).update(query).digest('base64');
      reply(200, await get(dashboardServerApiUrl + '/embed/authorize?' + query + '&embed_signature=' + encodeURIComponent(signature)));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${server.address().port}/authorize` };
}

test("the doctor tab checks a Bold BI token endpoint with the profile's secret, never showing the cookie", async () => {
  await tab('compose');
  await h.selectProfile(session, 'Local demo · Bold BI');
  await session.until(() => session.text('h2'), (t) => t.startsWith('Local demo · Bold BI'), 'the Bold BI profile');
  const secret = await h.keychainSecret(await h.profileId(session));
  const cookie = 'e2e-session-' + Math.random().toString(16).slice(2);
  const { server, url } = await authorizationServer(secret, cookie);
  try {
    await tab('doctor');
    await h.paste(session, '[data-testid=token-url]', url);
    await h.paste(session, '[data-testid=token-entity]', 'd-42');
    await h.paste(session, '[data-testid=token-cookies]', `sid=${cookie}`);
    await session.click('[data-testid=token-run]');
    const outcome = await session.until(() => session.run("return document.querySelector('[data-testid=token-report]') ? 'report' : (document.querySelector('[data-testid=token-error]')?.textContent ?? '')"),
      (t) => t !== '', 'the report or an error', 30000);
    assert.equal(outcome, 'report');
    const found = Object.fromEntries(await session.run("return [...document.querySelectorAll('[data-testid=token-check]')].map((r) => [r.dataset.check, r.dataset.status])"));
    for (const id of ['session-required', 'calls-authorize', 'signature', 'user-added', 'answer', 'entity-checked']) {
      assert.equal(found[id], 'pass', `${id}: ${JSON.stringify(found)}`);
    }
    const report = await session.text('[data-testid=token-report]');
    assert.ok(!report.includes(cookie), 'the session cookie is in the report');
  } finally {
    server.close();
  }
});
