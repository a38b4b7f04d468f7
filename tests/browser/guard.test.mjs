// The local host answers only its own pages, checked in a real browser:
// a page served from another origin (another port on 127.0.0.1) tries to
// move the host's clock, read its log, inject an embed event directly, and
// inject one through the host's own parent page (framed, and opened as a
// window, around a frame of its own). Then a DNS-rebinding name mapped to
// 127.0.0.1 asks the host for its index with the right token. Nothing may
// work; the host is asked afterwards, with its token, what changed.
import { once } from 'node:events';
import http from 'node:http';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { bin, chrome as chromeWith, run, serve } from './common.mjs';

const chrome = (...args) => chromeWith(6000, ...args);
const token = 'guard-token-' + Math.random().toString(16).slice(2);
const env = { ...process.env, GUARD_SECRET: 'guard-secret-' + Math.random().toString(16).slice(2), EMBED_SANDBOX_HOST_TOKEN: token };
let host;
let child;
let attacker;
let attackerOrigin;

function attackPage() {
  const parent = (src) => `${host}/__sandbox/parent?src=${encodeURIComponent(src)}`;
  return `<!doctype html><title>another site</title><pre id="out">pending</pre><script>
const results = {};
async function attempt(name, run) { try { results[name] = await run(); } catch (e) { results[name] = 'blocked'; } }
(async () => {
  await attempt('clock', async () => { await fetch(${JSON.stringify(host + '/__sandbox/clock?offset=99999')}, { method: 'POST', mode: 'no-cors' }); return 'sent'; });
  await attempt('log', async () => 'read: ' + (await (await fetch(${JSON.stringify(host + '/__sandbox/log')})).text()).slice(0, 80));
  await attempt('event', async () => { await fetch(${JSON.stringify(host + '/__sandbox/events')}, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ origin: 'x', data: { type: 'injected-direct' } }) }); return 'sent'; });
  const frame = document.createElement('iframe');
  frame.src = ${JSON.stringify(parent(`ATTACKER/poster`))}.replace('ATTACKER', encodeURIComponent(location.origin));
  document.body.appendChild(frame);
  results.window = window.open(${JSON.stringify(parent(`ATTACKER/poster`))}.replace('ATTACKER', encodeURIComponent(location.origin))) ? 'opened' : 'blocked';
  setTimeout(() => { document.getElementById('out').textContent = JSON.stringify(results); }, 2500);
})();
</script>`;
}

// The frame the attacker puts inside the host's parent page: it posts an "event".
const poster = `<!doctype html><script>
for (let i = 0; i < 6; i++) setTimeout(() => parent.postMessage({ type: 'injected-via-parent' }, '*'), i * 250);
</script>`;

before(async () => {
  ({ child, host } = await serve(['--client-id', 'guard-client', '--secret-env', 'GUARD_SECRET'], env));
  attacker = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(req.url.startsWith('/poster') ? poster : attackPage());
  });
  attacker.listen(0, '127.0.0.1');
  await once(attacker, 'listening');
  attackerOrigin = `http://127.0.0.1:${attacker.address().port}`;
});

after(() => { child?.kill('SIGTERM'); attacker?.close(); });

const tools = (p) => fetch(`${host}${p}`, { headers: { 'x-embed-sandbox-token': token } });

test('a page from another origin cannot move the clock, read the log or inject an event', async () => {
  const dom = await chrome('--dump-dom', `${attackerOrigin}/attack`);
  const out = /<pre id="out">([^<]*)<\/pre>/.exec(dom);
  assert.ok(out && out[1] !== 'pending', `the attack page did not finish: ${dom.slice(0, 400)}`);
  const results = JSON.parse(out[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  assert.equal(results.log, 'blocked', 'another origin read the log');
  const clock = await (await tools('/__sandbox/clock')).json();
  assert.equal(clock.offset, 0, 'another origin moved the clock');
  const events = await (await tools('/__sandbox/events')).text();
  assert.ok(!events.includes('injected'), `an injected event reached the app: ${events}`);
});

test('a DNS-rebinding name for 127.0.0.1 gets nothing, even with the token', async () => {
  const port = new URL(host).port;
  const dom = await chrome('--host-resolver-rules=MAP rebind.example 127.0.0.1', '--dump-dom', `http://rebind.example:${port}/?token=${token}`);
  assert.match(dom, /DNS rebinding/);
  assert.ok(!dom.includes('guard-client'), 'the index (with its clients) was served to a rebinding name');
  // The same page through the host's own name works: the refusal is the guard, not a broken host.
  const own = await chrome('--dump-dom', `${host}/?token=${token}`);
  assert.match(own, /guard-client/);
});
