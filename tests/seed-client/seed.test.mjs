// A real client no one here wrote the framework of: the seed's Express embed
// API generates URLs against the local host (`embed-sandbox serve`), which
// must accept them, refuse their replay, and catch the sample's classic traps.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = process.env.EMBED_SANDBOX_BIN || path.join(here, '../../target/debug/embed-sandbox');
const secret = 'seed-secret-' + Math.random().toString(16).slice(2);
const hostToken = 'seed-token-' + Math.random().toString(16).slice(2);
const children = [];

async function start(command, args, env) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const lines = createInterface({ input: child.stdout });
  const [line] = await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(([code]) => { throw new Error(`${command} exited with ${code}`); }),
  ]);
  const match = /^listening on (http:\/\/\S+)$/.exec(line);
  assert.ok(match, `unexpected first line: ${line}`);
  return match[1];
}

let host;
let api;
let apiPlus;

before(async () => {
  host = await start(bin, ['serve', '--client-id', 'seed-client', '--secret-env', 'SEED_SECRET'], { SEED_SECRET: secret, EMBED_SANDBOX_HOST_TOKEN: hostToken });
  const env = { EMBED_PATH: `${host}/embed/1-seed`, EMBED_SECRET: secret, CLIENT_ID: 'seed-client', PORT: '0' };
  api = await start(process.execPath, [path.join(here, 'server.mjs')], env);
  apiPlus = await start(process.execPath, [path.join(here, 'server.mjs')], { ...env, EMBED_EMAIL: 'neil.coleman+embed@example.com' });
});

after(() => {
  for (const child of children) child.kill('SIGTERM');
});

async function generate(base) {
  const response = await fetch(`${base}/api/generate-embed-url`);
  assert.equal(response.status, 200);
  return (await response.json()).url;
}

test('the host accepts a URL from the seed embed API and shows who is signed in', async () => {
  const url = await generate(api);
  assert.ok(url.startsWith(`${host}/embed/1-seed?:nonce=`));
  const response = await fetch(url);
  const body = await response.text();
  assert.equal(response.status, 200, body);
  assert.match(body, /embed\.user@example\.com/);
  assert.match(body, /Creator/);
});

test('the host refuses the replay of a seed URL with the vendor nonce error', async () => {
  const url = await generate(api);
  assert.equal((await fetch(url)).status, 200);
  const replay = await fetch(url);
  const body = await replay.text();
  assert.equal(replay.status, 400);
  assert.match(body, /EINVAL/);
  assert.match(body, /already used/);
});

test('a seed URL with a character dropped from the client id is refused', async () => {
  const url = (await generate(api)).replace(':client_id=seed-client', ':client_id=seed-clien');
  const response = await fetch(url);
  assert.equal(response.status, 403);
  assert.match(await response.text(), /You don(&#39;|')t have permission to access this page\./);
});

test("the sample's raw + in the email reaches the host as a space and is refused", async () => {
  const response = await fetch(await generate(apiPlus));
  const body = await response.text();
  assert.equal(response.status, 400);
  assert.match(body, /Invalid embed request\. &quot;:email&quot; is not valid\./);
});

test('the request log shows the verdicts, never the full signature', async () => {
  const url = await generate(api);
  await fetch(url);
  const log = await (await fetch(`${host}/__sandbox/log`, { headers: { 'x-embed-sandbox-token': hostToken } })).json();
  const last = log.at(-1);
  assert.equal(last.verdict, 'accepted');
  assert.equal(last.client_id, 'seed-client');
  const signature = url.split('&:signature=')[1];
  assert.ok(!JSON.stringify(log).includes(signature));
  assert.ok(!JSON.stringify(log).includes(secret));
});
