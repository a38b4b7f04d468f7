// Looker through the real app, with the form drawn from the core's kit: the
// demo profile signs a /login/embed/ URL, the preview logs in to the local
// host's mock dashboard (permissions, models, attributes), a Looker tier
// changes what it shows, the scenario gallery gets Looker's refusals, the
// hand-off code prints the exact URL, and history records the outcome.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';

let driver;
let session;
let secret;

before(async () => {
  let base;
  ({ driver, base } = await h.startDriver(4452));
  session = await h.openApp(base);
  await h.selectProfile(session, 'Local demo · Looker');
  await session.until(() => session.text('h2'), (t) => t.startsWith('Local demo · Looker'), 'the Looker demo');
  secret = await h.keychainSecret(await h.profileId(session));
});

after(() => h.stopDriver(session, driver));

const tab = (id) => session.click(`[data-testid=tab-${id}]`);
const chips = (testid) => session.run(`return [...document.querySelectorAll('[data-testid=${testid}]')].map((c) => c.firstChild.textContent)`);

test('the Looker form is drawn from the core and signs a URL the local host logs in with', async () => {
  // Looker's own controls, none of Sigma's.
  assert.deepEqual(await chips('permission-chip'), ['access_data', 'see_user_dashboards', 'see_looks']);
  assert.deepEqual(await chips('model-chip'), ['thelook']);
  assert.equal(await session.run("return document.querySelector('[data-testid=account-type]')"), null);
  await session.type('[data-testid=permission-input]', 'see_drill_overlay');
  await session.run("document.querySelector('[data-testid=permission-input]').blur()");
  const url = await session.until(() => h.signedUrl(session), (u) => u.includes('see_drill_overlay'), 'the URL with the new permission');
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/login\/embed\/%2Fembed%2Fdashboards%2F1\?nonce=%22/);
  assert.match(url, /&signature=[A-Za-z0-9%]+$/);

  const [user, permissions, status] = await h.inPreview(session, () => session.click('[data-testid=load]'), async () => {
    const seen = await session.until(() => session.text('[data-testid=status]'), (s) => s === 'embed loaded', 'the Looker dashboard');
    return [await h.textInFrame(session, '[data-testid=embed-frame]', '[data-testid=signed-in-user]'),
      await h.textInFrame(session, '[data-testid=embed-frame]', '[data-testid=toolbar]'), seen];
  });
  assert.equal(status, 'embed loaded');
  assert.equal(user, 'ann-1');
  assert.match(permissions, /Drill/);
  await session.until(() => session.text('[data-testid=load-pill]'), (t) => /^Accepted/.test(t), 'the accepted load');
  await h.screenshot(session, 'app-looker.png');
});

test('Open in form with the same values keeps the last load current; a misspelt permission is named and makes it stale', async () => {
  const url = await h.signedUrl(session);
  await tab('inspect');
  await h.paste(session, '[data-testid=inspect-input]', url);
  await session.click('[data-testid=open-in-form]');
  await session.until(() => session.text('[data-testid=notice]'), (t) => /Opened the URL in the form/.test(t), 'the opened form');
  await session.until(() => h.signedUrl(session), (u) => u && u !== url, 'the re-signed URL');
  await session.until(() => session.text('[data-testid=load-pill]'), (t) => /^Accepted/.test(t), 'the last load, still current');
  assert.equal(await session.run("return document.querySelector('[data-testid=load-stale]')"), null, 'the same values marked the load stale');

  await session.type('[data-testid=permission-input]', 'see_lookz');
  await session.run("document.querySelector('[data-testid=permission-input]').blur()");
  const issues = await session.until(() => session.text('[data-testid=issues]'), (t) => /see_lookz/.test(t), 'the misspelt permission named');
  assert.match(issues, /did you mean "see_looks"/);
  await session.until(() => session.run("return !!document.querySelector('[data-testid=load-stale]')"), (x) => x, 'the load marked as of the form before the edit');
  await session.click('[aria-label="remove permission see_lookz"]');
  await session.until(() => session.run("return document.querySelector('[data-testid=load-stale]')"), (x) => x === null, 'the load current again');
});

test('a Looker tier changes what the dashboard shows; a wrong algorithm is refused and named', async () => {
  await session.click('[data-testid=tier][data-name="Looker explorer (all regions)"]');
  await session.until(() => h.signedUrl(session), (u) => u.includes('explore'), 'the explorer URL');
  const toolbar = await h.inPreview(session, () => session.click('[data-testid=load]'), async () => {
    await session.until(() => session.text('[data-testid=status]'), (s) => s === 'embed loaded', 'the explorer dashboard');
    return session.until(() => h.textInFrame(session, '[data-testid=embed-frame]', '[data-testid=toolbar]'), (t) => /Explore from here/.test(t), 'the explorer toolbar', 20000);
  });
  assert.match(toolbar, /Download/);

  // The local host's secret is SHA-1: a form set to SHA-256 is refused, and the inspector names why.
  await session.click('[data-testid=tab-compose]');
  await session.run("document.querySelectorAll('details').forEach((d) => { if (d.querySelector('[data-testid=algorithm]')) d.open = true; })");
  const sha1 = await h.signedUrl(session);
  await session.run("const s = document.querySelector('[data-testid=algorithm]'); s.value = 'sha256'; s.dispatchEvent(new Event('change', { bubbles: true }));");
  const url = await session.until(() => h.signedUrl(session), (u) => u !== sha1, 'the SHA-256 URL');
  await tab('inspect');
  await h.paste(session, '[data-testid=inspect-input]', url);
  await session.click('[data-testid=inspect]');
  await session.until(() => session.text('[data-testid=inspect-verdict]'), (t) => /signature/i.test(t), 'the local check');
  const said = await session.run('return document.body.innerText');
  // The local host's secret is SHA-1: the advice is to sign with it, not to change the secret.
  assert.match(said, /signed with HMAC-SHA256, but the secret that checks it is HMAC-SHA1/);
  assert.match(said, /Sign with sha1/);
  await tab('compose');
  await session.run("const s = document.querySelector('[data-testid=algorithm]'); s.value = 'sha1'; s.dispatchEvent(new Event('change', { bubbles: true }));");
});

test('the scenario gallery gets each Looker refusal from the local host', async () => {
  await tab('scenarios');
  await session.click('[data-testid=run-all]');
  await session.until(() => session.text('[data-testid=scenario-summary]'), (t) => t.length > 0, 'the gallery', 60000);
  const rows = await session.run("return [...document.querySelectorAll('[data-testid=scenario-row]')].map((r) => [r.dataset.scenario, r.dataset.matches])");
  assert.ok(rows.length >= 8, `only ${rows.length} Looker scenarios ran`);
  const failing = rows.filter(([, matches]) => matches !== 'true');
  assert.deepEqual(failing, [], 'scenarios whose refusal differs from the promised one');
});

test('hand-off code prints the exact Looker URL, and history records the load', async () => {
  await tab('compose');
  await session.click('[data-testid=nonce-and-time]');
  await session.type('[data-testid=nonce]', 'looker-handoff');
  const url = await session.until(() => h.signedUrl(session), (u) => u.includes('nonce=%22looker-handoff%22'), 'the URL with the fixed nonce');
  await tab('handoff');
  const dir = mkdtempSync(path.join(tmpdir(), 'looker-handoff-'));
  for (const [language, file, command] of [['node', 'embed-url.mjs', 'node'], ['python', 'embed_url.py', 'python3']]) {
    await session.run("const s = document.querySelector('[data-testid=snippet-language]'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));", language);
    await session.click('[data-testid=snippet-exact]');
    const comment = language === 'python' ? '#' : '//';
    const code = await session.until(() => session.text('[data-testid=snippet]'), (t) => t.startsWith(comment) && t.includes('looker-handoff'), `the exact ${language} snippet`);
    assert.ok(!code.includes(secret), 'the snippet carries the secret');
    writeFileSync(path.join(dir, file), code);
    const { stdout } = await h.run(command, [path.join(dir, file)], { env: { ...process.env, EMBED_SECRET: secret } });
    assert.equal(stdout.trim(), url, language);
    await session.click('[data-testid=snippet-exact]');
  }
  await tab('compose');
  await h.paste(session, '[data-testid=nonce]', '');
  await tab('history');
  const rows = await session.until(() => session.run("return [...document.querySelectorAll('[data-testid=history-row]')].map((r) => r.textContent).join('\\n')"), (t) => /Accepted/.test(t), 'the accepted load in history');
  assert.match(rows, /Looker/);
  // The test files share one app data directory: leave the history as found.
  await session.click('[data-testid=clear-history]');
  await session.click('[data-testid=clear-history]');
  await session.until(() => session.run("return document.querySelectorAll('[data-testid=history-row]').length"), (n) => n === 0, 'an empty history');
  // "New profile" from another tab opens the editor where it is drawn.
  await session.click('[data-testid=new-profile]');
  await session.until(() => session.run("return !!document.querySelector('[data-testid=profile-editor]')"), (x) => x, 'the profile editor');
  await session.click('[data-testid=pe-cancel]');
});
