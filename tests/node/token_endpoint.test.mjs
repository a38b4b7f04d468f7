// `embed-sandbox token-endpoint` against customers' authorization servers
// written here in Node, as Bold BI's Node sample writes one (crypto's
// HMAC-SHA256, Base64; the SDK's query plus the user and a server
// timestamp, sent to <dashboardServerApiUrl>/embed/authorize): a good one,
// one that needs no session cookie, one that signs any dashboard the
// browser names, one with the ToLower() trap, and one that answers text.
import { once } from 'node:events';
import crypto from 'node:crypto';
import http from 'node:http';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { bin, httpGet as get, run } from '../browser/common.mjs';

const secret = 'token-endpoint-secret-' + Math.random().toString(16).slice(2);
const session = 'session-value-' + Math.random().toString(16).slice(2);
const env = { ...process.env, TE_SECRET: secret };
const cleanups = [];
after(() => cleanups.forEach((c) => c()));

/** An authorization server with the given faults; resolves to its URL. */
async function endpoint({ needsCookie = true, checksDashboard = true, lowercase = false, text = false } = {}) {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', async () => {
      const reply = (status, value) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(value)); };
      if (needsCookie && !(req.headers.cookie || '').includes(`sid=${session}`)) return reply(401, { error: 'sign in first' });
      const { embedQuerString, dashboardServerApiUrl } = JSON.parse(body);
      const dashboard = new URLSearchParams(embedQuerString).get('embed_dashboard_id');
      if (checksDashboard && dashboard !== 'd-42') return reply(403, { error: 'not your dashboard' });
      const query = embedQuerString + '&embed_user_email=Bo.Chen@Example.com&embed_server_timestamp=' + Math.floor(Date.now() / 1000);
      // The trap: the string signed lower-cased, the one sent as it is.
      const signed = lowercase ? query.toLowerCase() : query;
      const signature = crypto.createHmac('sha256', secret).update(signed).digest('base64');
      const answer = await get(dashboardServerApiUrl + '/embed/authorize?' + query + '&embed_signature=' + encodeURIComponent(signature));
      if (text) { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('OK'); return; }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answer.body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(() => server.close());
  return `http://127.0.0.1:${server.address().port}/authorize`;
}

async function check(url, cookies = [`sid=${session}`]) {
  const args = ['token-endpoint', url, '--scheme', 'boldbi', '--entity', 'd-42', ...cookies.flatMap((c) => ['--cookie', c]), '--secret-env', 'TE_SECRET', '--json'];
  const result = await run(bin, args, { env }).catch((e) => e);
  assert.ok(!result.stdout.includes(session) && !(result.stderr || '').includes(session), 'the session cookie was printed');
  const report = JSON.parse(result.stdout);
  return { code: result.code ?? 0, status: (id) => report.checks.find((c) => c.id === id)?.status, report };
}

test('a good authorization server passes every check', async () => {
  const r = await check(await endpoint());
  assert.equal(r.code, 0, JSON.stringify(r.report, null, 1));
  for (const id of ['session-required', 'calls-authorize', 'signature', 'user-added', 'query-kept', 'answer', 'entity-checked']) {
    assert.equal(r.status(id), 'pass', id);
  }
});

test('one that signs without a session fails session-required', async () => {
  const r = await check(await endpoint({ needsCookie: false }));
  assert.equal(r.code, 1);
  assert.equal(r.status('session-required'), 'fail');
});

test('one that signs any dashboard the browser names fails entity-checked', async () => {
  const r = await check(await endpoint({ checksDashboard: false }));
  assert.equal(r.code, 1);
  assert.equal(r.status('entity-checked'), 'fail');
  assert.equal(r.status('session-required'), 'pass');
});

test("the ToLower() trap fails the signature; a text answer fails the answer", async () => {
  const lower = await check(await endpoint({ lowercase: true }));
  assert.equal(lower.status('signature'), 'fail');
  const text = await check(await endpoint({ text: true }));
  assert.equal(text.status('answer'), 'fail');
});

test('without a cookie it says it cannot tell; an unreachable endpoint exits 2', async () => {
  const r = await check(await endpoint({ needsCookie: false }), []);
  assert.equal(r.status('session-required'), 'warn');
  const closed = http.createServer();
  closed.listen(0, '127.0.0.1');
  await once(closed, 'listening');
  const port = closed.address().port;
  closed.close();
  const result = await run(bin, ['token-endpoint', `http://127.0.0.1:${port}/authorize`, '--scheme', 'boldbi', '--entity', 'd-42', '--secret-env', 'TE_SECRET'], { env }).catch((e) => e);
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /could not load http:\/\/127\.0\.0\.1/);
});
