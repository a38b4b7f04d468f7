// Bold BI's Embed SDK flow end to end with no Bold BI account (vendors.md
// section 4.1): a customer's page loads the local host's stand-in for the
// SDK script and calls BoldBI.create({serverUrl, dashboardId,
// authorizationServer: {url}}).loadDashboard(); the customer's own
// authorization server, written here in Node as Bold BI's Node sample does
// (crypto's HMAC-SHA256, Base64, the query sent to
// <dashboardServerApiUrl>/embed/authorize), signs the SDK's query and hands
// Bold BI's answer back; headless Chromium renders the mock dashboard.
import { once } from 'node:events';
import crypto from 'node:crypto';
import http from 'node:http';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chrome, httpGet as get, serve } from './common.mjs';

const secret = 'boldbi-sdk-secret-' + Math.random().toString(16).slice(2);
const env = { ...process.env, BOLDBI_SDK_SECRET: secret };
const cleanups = [];
after(() => cleanups.forEach((c) => c()));

async function host() {
  const { child, host: origin } = await serve(['--client-id', 'bb-client', '--secret-env', 'BOLDBI_SDK_SECRET'], env);
  cleanups.push(() => child.kill('SIGTERM'));
  return origin;
}

/** The customer's site: the page with the SDK, and its authorization server. */
async function customer(origin, signingSecret) {
  const page = `<!doctype html><title>customer</title><div id="dashboard"></div><pre id="out">pending</pre>
<script src="${origin}/embedded-sdk/boldbi-embed.js"></script>
<script>
const seen = [];
window.addEventListener('message', (e) => { if (e.data && e.data.type) seen.push(e.data.type); });
BoldBI.create({ serverUrl: ${JSON.stringify(origin + '/bi/site/site1')}, dashboardId: 'd-42', embedContainerId: 'dashboard',
  authorizationServer: { url: '/authorize' } }).loadDashboard();
setTimeout(() => {
  const box = document.getElementById('dashboard');
  document.getElementById('out').textContent = box.getAttribute('data-state') + ' | ' + seen.join(' ') + ' | ' + box.textContent;
}, 4000);
</script>`;
  const server = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/authorize') {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', async () => {
        const { embedQuerString, dashboardServerApiUrl } = JSON.parse(body);
        const query = embedQuerString + '&embed_user_email=bo@example.com&embed_server_timestamp=' + Math.floor(Date.now() / 1000);
        const signature = crypto.createHmac('sha256', signingSecret).update(query).digest('base64');
        const answer = await get(dashboardServerApiUrl + '/embed/authorize?' + query + '&embed_signature=' + encodeURIComponent(signature));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(answer.body);
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(page);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(() => server.close());
  return `http://127.0.0.1:${server.address().port}/`;
}

async function outcome(page) {
  const dom = await chrome(8000, '--dump-dom', page);
  const out = /<pre id="out">([^<]*)<\/pre>/.exec(dom);
  assert.ok(out && out[1] !== 'pending', `the customer page did not finish: ${dom.slice(0, 400)}`);
  return out[1];
}

test('a page using the SDK with its own authorization server renders the dashboard', async () => {
  const origin = await host();
  const result = await outcome(await customer(origin, secret));
  assert.match(result, /^loaded \| /, result);
  assert.ok(result.includes('workbook:loaded'), `the dashboard did not post its loaded event: ${result}`);
});

test('an authorization server signing with the wrong secret gets the refusal shown, not a dashboard', async () => {
  const origin = await host();
  const result = await outcome(await customer(origin, 'not-the-secret'));
  assert.match(result, /^failed \| /, result);
  // The authorization server hands Bold BI's refusal back with its own 200.
  assert.match(result, /Authorization failed \(HTTP 200\): \S/, result);
  assert.ok(!result.includes('workbook:loaded'), result);
});
