// Mode through the real app, its form drawn from the core's kit: the demo
// profile signs a white-label URL (parameters sorted, timestamp last, hex
// signature), the preview shows the local host's mock report with the
// report's parameters, the replay test expects a second load to be
// accepted (no nonce), and the scenario gallery gets each refusal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';

let driver;
let session;

before(async () => {
  let base;
  ({ driver, base } = await h.startDriver(4456));
  session = await h.openApp(base);
  await h.selectProfile(session, 'Local demo · Mode');
  await session.until(() => session.text('h2'), (t) => t.startsWith('Local demo · Mode'), 'the Mode demo');
});

after(() => h.stopDriver(session, driver));

const tab = (id) => session.click(`[data-testid=tab-${id}]`);

test('the Mode form signs a sorted URL the local host opens as a mock report', async () => {
  // Mode's controls, none of the others': no email, no nonce.
  assert.equal(await session.run("return document.querySelector('[data-testid=email]')"), null);
  assert.equal(await session.run("return document.querySelector('[data-testid=nonce]')"), null);
  const load = await session.text('[data-testid=load]');
  assert.match(load, /signed afresh/);
  const url = await session.until(() => h.signedUrl(session), (u) => Boolean(u) && u.includes('/reports/'), 'the Mode URL');
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/acme\/reports\/r-demo\/embed\?access_key=demo-access-key&max_age=1800&param_region=West&timestamp=\d+&signature=[0-9a-f]{64}$/);

  const params = await h.inPreview(session, () => session.click('[data-testid=load]'), async () =>
    session.until(() => h.textInFrame(session, '[data-testid=embed-frame]', '[data-testid=report-params]'), (t) => /region = West/.test(t), 'the mock report', 20000));
  assert.match(params, /decoded once/);
  await session.until(() => session.text('[data-testid=load-pill]'), (t) => /^Accepted/.test(t), 'the accepted load');
});

test('replay: a second load of the same Mode URL is accepted (no nonce, no single use)', async () => {
  await tab('scenarios');
  await session.click('[data-testid=run-replay]');
  const verdict = await session.until(() => session.text('[data-testid=replay-verdict]'), (t) => t.length > 0, 'the replay verdict', 30000);
  const summary = await session.text('[data-testid=replay-summary]');
  assert.equal(verdict, 'PASS', summary);
  assert.match(summary, /^Expected: this scheme's embeds carry no nonce/);
});

test('the scenario gallery gets each Mode refusal from the local host', async () => {
  await tab('scenarios');
  await session.click('[data-testid=run-all]');
  await session.until(() => session.text('[data-testid=scenario-summary]'), (t) => t.length > 0, 'the gallery', 60000);
  const rows = await session.run("return [...document.querySelectorAll('[data-testid=scenario-row]')].map((r) => [r.dataset.scenario, r.dataset.matches])");
  assert.ok(rows.length >= 6, `only ${rows.length} Mode scenarios ran`);
  const failing = rows.filter(([, matches]) => matches !== 'true');
  assert.deepEqual(failing, [], 'scenarios whose refusal differs from the promised one');
  // The test files share one app data directory: leave the history as found.
  await tab('history');
  await session.click('[data-testid=clear-history]');
  await session.click('[data-testid=clear-history]');
  await session.until(() => session.run("return document.querySelectorAll('[data-testid=history-row]').length"), (n) => n === 0, 'an empty history');
  await tab('compose');
});
