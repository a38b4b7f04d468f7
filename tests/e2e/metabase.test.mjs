// Metabase through the real app, its form drawn from the core's kit: the
// demo profile signs an iframe URL whose token rides in the path and whose
// hash carries the appearance, the preview shows the local host's mock
// dashboard, the replay test expects a second load to be accepted (no
// nonce), and the scenario gallery gets each documented refusal
// (alg none, alg missing, no resource, nbf ahead, a manipulated token).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';

let driver;
let session;

before(async () => {
  let base;
  ({ driver, base } = await h.startDriver(4458));
  session = await h.openApp(base);
  await h.selectProfile(session, 'Local demo · Metabase');
  await session.until(() => session.text('h2'), (t) => t.startsWith('Local demo · Metabase'), 'the Metabase demo');
});

after(() => h.stopDriver(session, driver));

const tab = (id) => session.click(`[data-testid=tab-${id}]`);

test('the Metabase form signs a token in the path that the local host opens as a mock dashboard', async () => {
  assert.equal(await session.run("return document.querySelector('[data-testid=email]')"), null);
  assert.equal(await session.run("return document.querySelector('[data-testid=nonce]')"), null);
  const url = await session.until(() => h.signedUrl(session), (u) => Boolean(u) && u.includes('/embed/dashboard/'), 'the Metabase URL');
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/embed\/dashboard\/eyJ[\w-]+\.[\w-]+\.[\w-]+#bordered=true&titled=true$/);

  const title = await h.inPreview(session, () => session.click('[data-testid=load]'), async () =>
    session.until(() => h.textInFrame(session, '[data-testid=embed-frame]', '[data-testid=mb-title]'), (t) => t === 'Dashboard 1', 'the mock dashboard', 20000));
  assert.equal(title, 'Dashboard 1');
  await session.until(() => session.text('[data-testid=load-pill]'), (t) => /^Accepted/.test(t), 'the accepted load');
});

test('replay: a second load of the same Metabase URL is accepted (no nonce, no single use)', async () => {
  await tab('scenarios');
  await session.click('[data-testid=run-replay]');
  const verdict = await session.until(() => session.text('[data-testid=replay-verdict]'), (t) => t.length > 0, 'the replay verdict', 30000);
  const summary = await session.text('[data-testid=replay-summary]');
  assert.equal(verdict, 'PASS', summary);
  assert.match(summary, /^Expected: this scheme's embeds carry no nonce/);
});

test('the scenario gallery gets each Metabase refusal from the local host', async () => {
  await tab('scenarios');
  await session.click('[data-testid=run-all]');
  await session.until(() => session.text('[data-testid=scenario-summary]'), (t) => t.length > 0, 'the gallery', 60000);
  const rows = await session.run("return [...document.querySelectorAll('[data-testid=scenario-row]')].map((r) => [r.dataset.scenario, r.dataset.matches])");
  const ids = rows.map(([id]) => id);
  for (const own of ['alg-none', 'alg-missing', 'not-yet-valid']) assert.ok(ids.includes(own), `${own} not in the gallery`);
  const failing = rows.filter(([, matches]) => matches !== 'true');
  assert.deepEqual(failing, [], 'scenarios whose refusal differs from the promised one');
  // The test files share one app data directory: leave the history as found.
  await tab('history');
  await session.click('[data-testid=clear-history]');
  await session.click('[data-testid=clear-history]');
  await session.until(() => session.run("return document.querySelectorAll('[data-testid=history-row]').length"), (n) => n === 0, 'an empty history');
  await tab('compose');
});
