// Sigma's inbound events against the mock workbook in a real browser: a
// customer's page on another origin frames a freshly signed URL, waits for
// workbook:loaded, sends workbook:variables:update and workbook:variables:list
// as Sigma's SDK would (postMessage to the embed's origin), and records what
// comes back. The control changes (the onchange and current events carry the
// new value) and every answer is a documented outbound event.
import { once } from 'node:events';
import http from 'node:http';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { bin, chrome as chromeWith, run, serve } from './common.mjs';

const chrome = (...args) => chromeWith(6000, ...args);
const env = { ...process.env, EVENTS_SECRET: 'events-secret-' + Math.random().toString(16).slice(2) };
let host;
let child;
let customer;
let embedUrl = '';

// The customer's page: frames the embed and speaks Sigma's event protocol.
function customerPage() {
  return `<!doctype html><title>customer</title><pre id="out">pending</pre><iframe id="f"></iframe><script>
const seen = [];
const frame = document.getElementById('f');
const target = new URL(${JSON.stringify(embedUrl)}).origin;
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  seen.push(event.data);
  if (event.data.type === 'workbook:loaded') {
    frame.contentWindow.postMessage({ type: 'workbook:variables:update', variables: { Region: 'West' } }, target);
    setTimeout(() => frame.contentWindow.postMessage({ type: 'workbook:variables:list' }, target), 200);
  }
});
frame.src = ${JSON.stringify(embedUrl)};
setTimeout(() => { document.getElementById('out').textContent = JSON.stringify(seen); }, 2500);
</script>`;
}

before(async () => {
  ({ child, host } = await serve(['--client-id', 'events-client', '--secret-env', 'EVENTS_SECRET'], env));
  customer = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(customerPage()); });
  customer.listen(0, '127.0.0.1');
  await once(customer, 'listening');
});

after(() => { child?.kill('SIGTERM'); customer?.close(); });

test('an inbound variables update changes the control and the workbook answers with outbound events', async () => {
  const { stdout } = await run(bin, ['sign', 'sigma', '--embed-path', `${host}/embed/1-events`, '--client-id', 'events-client',
    '--email', 'ann@example.com', '--external-user-id', 'ann-1', '--team', 'Sales_Managers', '--account-type', 'Build',
    '--session-length', '600', '--secret-env', 'EVENTS_SECRET'], { env });
  embedUrl = stdout.trim();
  const dom = await chrome('--dump-dom', `http://127.0.0.1:${customer.address().port}/`);
  const out = /<pre id="out">([^<]*)<\/pre>/.exec(dom);
  assert.ok(out && out[1] !== 'pending', `the customer page did not finish: ${dom.slice(0, 300)}`);
  const seen = JSON.parse(out[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  const types = seen.map((e) => e.type);
  for (const expected of ['workbook:loaded', 'workbook:dataloaded', 'url:onchange', 'workbook:variables:onchange', 'workbook:variables:current']) {
    assert.ok(types.includes(expected), `no ${expected} in ${types.join(', ')}`);
  }
  const loaded = seen.find((e) => e.type === 'workbook:loaded');
  assert.notEqual(loaded.workbook.variables.Region, 'West', 'the control started elsewhere');
  const changed = seen.find((e) => e.type === 'workbook:variables:onchange');
  assert.equal(changed.workbook.variables.Region, 'West');
  const current = seen.find((e) => e.type === 'workbook:variables:current');
  assert.equal(current.variables.Region, 'West');
  const url = seen.find((e) => e.type === 'url:onchange').url;
  assert.ok(!url.includes(':signature') && !url.includes('?'), `url:onchange carries the signed query: ${url}`);
});
