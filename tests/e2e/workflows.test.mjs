// The QA, solution-engineer and analyst workflows through the real app:
// inspect a pasted URL, the replay test, the scenario gallery with a bug
// report, hand-off code that prints the same URL, and "open in form".
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  ({ driver, base } = await h.startDriver(4448));
  session = await h.openApp(base);
  await h.selectProfile(session, 'Local demo · Sigma classic');
  await session.until(() => session.text('h2'), (t) => t.startsWith('Local demo · Sigma classic'), 'the classic demo');
  secret = await h.keychainSecret(await h.profileId(session));
});

after(() => h.stopDriver(session, driver));

const tab = (id) => session.click(`[data-testid=tab-${id}]`);

test('the inspector verifies a pasted URL with the matching profile and names a tampered one', async () => {
  const url = await session.until(() => h.signedUrl(session), (u) => u.includes('/embed/1-local-demo?'), 'a classic URL');
  await tab('inspect');
  await h.paste(session, '[data-testid=inspect-input]', url);
  await session.click('[data-testid=inspect]');
  await session.until(() => session.text('[data-testid=inspect-verdict]'), (t) => /^Local check: the signature is valid/.test(t), 'the local check');
  assert.match(await session.text('[data-testid=countdown]'), /expires in (9|10) min/);
  const tampered = url.replace(':account_type=Creator', ':account_type=Viewer');
  await h.paste(session, '[data-testid=inspect-input]', tampered);
  await session.click('[data-testid=inspect]');
  await session.until(() => session.text('[data-testid=inspect-verdict]'), (t) => /Invalid embed signature/.test(t), 'the refusal');
  await h.paste(session, '[data-testid=diff-input]', url);
  await session.click('[data-testid=diff]');
  assert.match(await session.text('[data-testid=diff-breaking]'), /:account_type/);
  await h.screenshot(session, 'app-inspector.png');
  // Hostile input gets a message, not a crash.
  await h.paste(session, '[data-testid=inspect-input]', 'javascript:alert(1)\u0000' + 'x'.repeat(100_000));
  await session.click('[data-testid=inspect]');
  assert.ok((await session.text('[data-testid=inspect-error]')).length > 0);
});

test('open in form fills the profile form from a URL', async () => {
  await tab('compose');
  const url = await h.signedUrl(session);
  const edited = url.replace('ann%40example.com', 'bea@example.com').replace('ann@example.com', 'bea@example.com');
  await tab('inspect');
  await h.paste(session, '[data-testid=inspect-input]', edited);
  await session.click('[data-testid=open-in-form]');
  await session.until(() => session.run("return document.querySelector('[data-testid=email]')?.value"), (v) => v === 'bea@example.com', 'the form');
  await session.until(() => h.signedUrl(session), (u) => u.includes('bea@example.com') || u.includes('bea%40example.com'), 'the re-signed URL');
  await h.paste(session, '[data-testid=email]', 'ann@example.com');
});

test('the replay test passes against the local host', async () => {
  await tab('scenarios');
  await session.click('[data-testid=run-replay]');
  const verdict = await session.until(() => session.text('[data-testid=replay-verdict]'), (t) => t.length > 0, 'the replay verdict', 30000);
  assert.equal(verdict, 'PASS', await session.text('[data-testid=replay-summary]'));
  assert.match(await session.text('[data-testid=replay-second]'), /nonce-reused/);
});

test('every scenario gets its expected error, and a bug report leaks nothing', async () => {
  await tab('scenarios');
  await session.click('[data-testid=run-all]');
  const summary = await session.until(() => session.text('[data-testid=scenario-summary]'), (t) => t.length > 0, 'the gallery', 60000);
  assert.match(summary, /^19 run, 19 as expected, 0 findings, 0 not applicable/);
  const rows = await session.run("return [...document.querySelectorAll('[data-testid=scenario-row]')].map((r) => [r.dataset.scenario, r.dataset.matches])");
  assert.ok(rows.every(([, ok]) => ok === 'true'), JSON.stringify(rows));
  await h.screenshot(session, 'app-scenarios.png');
  const reports = await session.run("return [...document.querySelectorAll('[data-testid=bug-report]')].map((r) => r.textContent)");
  assert.equal(reports.length, 19);
  for (const report of reports) {
    assert.ok(!report.includes(secret), 'a bug report carries the secret');
    assert.match(report, /\| Expected \| /);
    assert.ok(!/:signature=[0-9a-f]{64}/.test(report), 'a bug report carries a whole signature');
    assert.ok(!/:nonce=[0-9a-f-]{36}/.test(report), 'a bug report carries a whole nonce');
  }
  assert.match(reports[0], /Wrong client id/);
  // One click shows a scenario as the embed shows it.
  const status = await h.inPreview(session, () => session.click('[data-scenario=reused-nonce] [data-testid=preview-scenario]'),
    () => session.until(() => session.text('[data-testid=status]'), (t) => t.startsWith('embed error'), 'the refusal'));
  assert.match(status, /already used|nonce/i);
});

test('hand-off code makes a fresh URL on every run by default, and prints exactly the URL shown on request', async () => {
  await tab('compose');
  await session.click('[data-testid=nonce-and-time]');
  await session.type('[data-testid=nonce]', 'handoff-nonce');
  const url = await session.until(() => h.signedUrl(session), (u) => u.includes(':nonce=handoff-nonce&'), 'the URL with the fixed nonce');
  await tab('handoff');
  const dir = mkdtempSync(path.join(tmpdir(), 'handoff-'));
  const nonceOf = (u) => /[?&]:nonce=([^&]+)/.exec(u)?.[1];
  for (const [language, file, command] of [['node', 'embed-url.mjs', 'node'], ['python', 'embed_url.py', 'python3']]) {
    await session.run("const s = document.querySelector('[data-testid=snippet-language]'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));", language);
    const runIt = async (code) => {
      assert.ok(!code.includes(secret), 'the snippet carries the secret');
      writeFileSync(path.join(dir, file), code);
      const { stdout } = await h.run(command, [path.join(dir, file)], { env: { ...process.env, EMBED_SECRET: secret } });
      return stdout.trim();
    };
    // By default (live, no click): a fresh nonce and time on every run, never the URL shown.
    const fresh = await session.until(() => session.text('[data-testid=snippet]'), (t) => t.includes(language === 'node' ? 'crypto.randomUUID()' : 'uuid4()'), `the fresh ${language} snippet`);
    const [first, second] = [await runIt(fresh), await runIt(fresh)];
    assert.notEqual(nonceOf(first), nonceOf(second), `${language}: the fresh snippet repeats its nonce`);
    assert.notEqual(nonceOf(first), 'handoff-nonce');
    assert.equal(first.split('?')[0], url.split('?')[0]);
    // "Reproduce this exact URL": byte for byte the URL shown.
    await session.click('[data-testid=snippet-exact]');
    const code = await session.until(() => session.text('[data-testid=snippet]'), (t) => t.includes('handoff-nonce'), `the exact ${language} snippet`);
    assert.equal(await runIt(code), url, language);
    await session.click('[data-testid=snippet-exact]');
  }
  await tab('compose');
  await h.paste(session, '[data-testid=nonce]', '');
});

test('history finds what was done, re-opens it in the inspector, and clears', async () => {
  await tab('history');
  await session.until(() => session.run("return document.querySelectorAll('[data-testid=history-row]').length"), (n) => n >= 14, 'the history rows');
  await h.paste(session, '[data-testid=history-search]', 'wrong-secret');
  await session.until(() => session.run("return document.querySelectorAll('[data-testid=history-row]').length"), (n) => n === 1, 'one wrong-secret run');
  await session.click('[data-testid=history-inspect]');
  assert.match(await session.text('[data-testid=inspect-verdict]'), /Invalid embed signature/);
  for (const file of h.filesUnder(process.env.XDG_DATA_HOME)) {
    if (file.includes('keyrings')) continue;
    assert.ok(!readFileSync(file).includes(secret), `the secret is in ${file}`);
  }
  await tab('history');
  await h.paste(session, '[data-testid=history-search]', '');
  await session.click('[data-testid=clear-history]');
  await session.click('[data-testid=clear-history]');
  await session.until(() => session.run("return document.querySelectorAll('[data-testid=history-row]').length"), (n) => n === 0, 'an empty history');
});

test('switching tiers changes the mock workbook, and two tiers compare side by side', async () => {
  await tab('compose');
  const loadAs = async (tier) => {
    await session.click(`[data-testid=tier][data-name="${tier}"]`);
    await session.until(() => h.signedUrl(session), (u) => u.includes(`:account_type=${tier === 'Viewer' ? 'Viewer' : 'Creator'}&`), `the ${tier} URL`);
    const expected = tier === 'Viewer' ? /Viewer/ : /Creator/;
    return h.inPreview(session, () => session.click('[data-testid=load]'), async () => {
      await session.until(() => session.text('[data-testid=status]'), (s) => s === 'embed loaded', 'the embed');
      // On a busy machine the status can still be the previous load's: wait for this tier's workbook.
      const type = await session.until(() => h.textInFrame(session, '[data-testid=embed-frame]', '[data-testid=account-type]'), (s) => expected.test(s), `the ${tier} workbook`, 20000);
      return [type, await h.textInFrame(session, '[data-testid=embed-frame]', '[data-testid=teams]')];
    });
  };
  const [viewerType, viewerTeams] = await loadAs('Viewer');
  assert.match(viewerType, /Viewer/);
  assert.match(viewerTeams, /Sales_People/);
  const [premiumType, premiumTeams] = await loadAs('Premium: Creator + Sales_Managers + export');
  assert.match(premiumType, /Creator/);
  assert.match(premiumTeams, /Sales_Managers/);

  await session.run("document.querySelector('[data-testid=tiers] details').open = true");
  for (const [css, name] of [['[data-testid=compare-a]', 'Viewer'], ['[data-testid=compare-b]', 'Creator']]) {
    await session.run("const s = document.querySelector(arguments[0]); s.value = arguments[1]; s.dispatchEvent(new Event('change'));", css, name);
  }
  const sides = await h.inPreview(session, () => session.click('[data-testid=compare-tiers]'), async () => {
    for (const i of [0, 1]) await session.until(() => session.text(`[data-testid=status-${i}]`), (s) => s === 'embed loaded', `embed ${i}`);
    await new Promise((r) => setTimeout(r, 800));
    await h.screenshot(session, 'app-compare-tiers.png');
    return [await h.textInFrame(session, '[data-testid=embed-frame-0]', '[data-testid=account-type]'),
      await h.textInFrame(session, '[data-testid=embed-frame-1]', '[data-testid=account-type]')];
  });
  assert.match(sides[0], /Viewer/);
  assert.match(sides[1], /Creator/);
});

test('tiers are shared as a JSON file without secrets, and imported back', async () => {
  await tab('compose');
  await session.run("document.querySelector('[data-testid=tiers] details').open = true");
  await session.click('[data-testid=export-tiers]');
  const file = await session.until(() => session.run("return document.querySelector('[data-testid=tiers-file]').value"), (v) => v.length > 0, 'the export');
  assert.equal(JSON.parse(file).format, 'embed-sandbox.tiers.v1');
  assert.ok(!file.includes(secret));
  const renamed = JSON.stringify({ format: 'embed-sandbox.tiers.v1', tiers: [{ ...JSON.parse(file).tiers[0], name: 'Imported viewer' }] });
  await h.paste(session, '[data-testid=tiers-file]', renamed);
  await session.click('[data-testid=import-tiers]');
  await session.find('[data-testid=tier][data-name="Imported viewer"]');
  await h.paste(session, '[data-testid=tiers-file]', '{"format":"nope","tiers":[]}');
  await session.click('[data-testid=import-tiers]');
  assert.match(await session.until(() => session.text('[data-testid=tier-message]'), (t) => /format/.test(t), 'the refusal'), /not "embed-sandbox\.tiers\.v1"/);
});
