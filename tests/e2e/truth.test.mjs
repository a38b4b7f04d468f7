// Every status on screen is true of the URL and profile it sits next to
// (issue "The app tells the truth about every URL"), through the real app:
// a refusal is never shown beside an acceptance, a URL copied after Load is
// not the spent one, each profile shows its own last load, an unreachable
// vendor explains itself within seconds, and Ctrl+Enter in the Inspector
// inspects instead of loading.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';

let driver;
let session;
let base;

before(async () => {
  ({ driver, base } = await h.startDriver(4450));
  session = await h.openApp(base);
  await h.selectProfile(session, 'Local demo · Sigma classic');
  await session.until(() => session.text('h2'), (t) => t.startsWith('Local demo · Sigma classic'), 'the classic demo');
});

after(() => h.stopDriver(session, driver));

const nonceOf = (url) => /[?&]:nonce=([^&]+)/.exec(url)?.[1];
const bodyText = () => session.run('return document.body.innerText');

async function addTeam(name) {
  await session.type('[data-testid=team-input]', name);
  await session.run("document.querySelector('[data-testid=team-input]').blur()");
  await session.until(() => session.run("return [...document.querySelectorAll('[data-testid=team-chip]')].map((c) => c.textContent).join('|')"), (t) => t.includes(name), `the team chip ${name}`);
}

async function removeTeam(name) {
  await session.click(`[aria-label="remove team ${name}"]`);
}

test('a refused load is shown as refused, with nothing on screen calling that URL acceptable', async () => {
  await addTeam('Vertrieb Süd');
  await session.click('[data-testid=load]');
  const pill = await session.until(() => session.text('[data-testid=load-pill]'), (t) => t.startsWith('Refused'), 'the refusal', 15000);
  assert.match(pill, /^Refused 403 unknown-team$/);
  assert.match(await session.text('[data-testid=load-headline]'), /do not exist/);
  const text = await bodyText();
  assert.ok(!/would accept|Accepted/.test(text), `an acceptance is shown beside the refusal:\n${text}`);
  assert.match(await session.text('[data-testid=verdict]'), /^Local check:/);
  await h.screenshot(session, 'app-refused-load.png');
  // The fresh URL after a refusal carries the same values: never called safe.
  assert.match(await session.text('[data-testid=load-spent]'), /would be refused the same way/);
  await removeTeam('Vertrieb Süd');
  // Once the form changes, the refusal is marked as the earlier form's, not the current URL's.
  await session.find('[data-testid=load-stale]');
  assert.match(await session.run("return document.querySelector('[data-testid=load-pill]').className"), /neutral/);
  // History records what the load got, not just that it was opened.
  await session.click('[data-testid=tab-history]');
  const outcome = await session.until(() => session.run("return [...document.querySelectorAll('[data-testid=history-row]')].map((r) => r.textContent).find((t) => t.includes('loaded')) ?? ''"), (t) => t.length > 0, 'the load in the history');
  assert.match(outcome, /Refused 403 unknown-team/);
  await session.click('[data-testid=tab-compose]');
});

test('after Load the URL shown and copied is a fresh one, not the spent one', async () => {
  await session.click('[data-testid=load]');
  await session.until(() => session.text('[data-testid=load-pill]'), (t) => t === 'Accepted 200', 'the accepted load', 15000);
  assert.match(await session.text('[data-testid=load-spent]'), /spent/);
  const loaded = await session.run("return document.querySelector('[data-testid=loaded-url]').textContent");
  const shown = await session.until(() => h.signedUrl(session), (u) => nonceOf(u) !== nonceOf(loaded), 'a fresh URL after the load');
  // What Copy URL copies is the URL shown: load it once from here; it must be unspent.
  const response = await fetch(shown);
  assert.equal(response.headers.get('x-embed-sandbox-verdict'), 'accepted', 'the copied URL was already spent');
  const again = await fetch(loaded);
  assert.match(again.headers.get('x-embed-sandbox-verdict') ?? '', /nonce-reused/, 'the loaded URL should be spent');
});

test('each profile shows its own last load, or nothing', async () => {
  await h.selectProfile(session, 'Local demo · Bold BI');
  await session.until(() => session.text('h2'), (t) => t.startsWith('Local demo · Bold BI'), 'the Bold BI demo');
  assert.match(await session.text('[data-testid=load-none]'), /Not loaded yet with this profile/);
  assert.ok(!(await bodyText()).includes('Accepted 200'), 'the Sigma load is shown on the Bold BI profile');
  await h.selectProfile(session, 'Local demo · Sigma classic');
  await session.until(() => session.text('[data-testid=load-pill]'), (t) => t === 'Accepted 200', 'the Sigma profile\'s own last load');
});

test('a vendor that cannot be reached explains itself within 10 seconds', async () => {
  const { createServer } = await import('node:net');
  const port = await new Promise((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
  await session.click('[data-testid=new-profile]');
  await session.type('[data-testid=pe-name]', 'Unreachable vendor (e2e)');
  await session.run("const s = document.querySelector('[data-testid=pe-scheme]'); s.value = 'sigma-jwt'; s.dispatchEvent(new Event('change'));");
  await session.type('[data-testid=pe-path]', `http://127.0.0.1:${port}/acme/workbook/Sales-1a2b`);
  await session.type('[data-testid=pe-client]', 'unreachable-client');
  await session.click('[data-testid=pe-save]');
  await session.until(() => session.text('h2'), (t) => t === 'Unreachable vendor (e2e)', 'the new profile');
  await session.type('[data-testid=secret-input]', 'unreachable-secret-' + Date.now());
  await session.click('[data-testid=save-secret]');
  await session.find('[data-testid=signed-url]', 15000);
  const started = Date.now();
  await session.click('[data-testid=load]');
  const pill = await session.until(() => session.text('[data-testid=load-pill]'), (t) => t.startsWith('Not loaded'), 'the failed load', 10000);
  assert.ok(Date.now() - started < 10000);
  assert.equal(pill, 'Not loaded: no connection');
  assert.match(await session.text('[data-testid=load-fix]'), /port|server/);
  assert.ok(!(await bodyText()).includes('Accepted'), 'an acceptance is shown for an unreachable vendor');
  await h.screenshot(session, 'app-unreachable.png');
});

test('Run all against a vendor that cannot be reached is one "not run" state, with no bug reports', async () => {
  await h.selectProfile(session, 'Unreachable vendor (e2e)');
  await session.until(() => session.text('h2'), (t) => t.startsWith('Unreachable vendor (e2e)'), 'the unreachable profile');
  await session.click('[data-testid=tab-scenarios]');
  await session.click('[data-testid=run-all]');
  const summary = await session.until(() => session.text('[data-testid=scenario-summary]'), (t) => t.length > 0, 'the summary', 30000);
  assert.match(summary, /^\d+ not run\. Host unreachable: /);
  assert.equal(await session.run("return document.querySelectorAll('[data-testid=copy-report]').length"), 0);
  assert.equal(await session.run("return document.querySelectorAll('tr.finding').length"), 0);
  await session.click('[data-testid=tab-compose]');
});

test('a form edit survives a profile switch and a restart as a draft, until saved or discarded', async () => {
  await h.selectProfile(session, 'Local demo · Sigma classic');
  await session.until(() => session.text('h2'), (t) => t.startsWith('Local demo · Sigma classic'), 'the classic demo');
  await h.paste(session, '[data-testid=email]', 'draft.user@example.com');
  await session.find('[data-testid=unsaved]');
  await h.selectProfile(session, 'Local demo · Bold BI');
  await session.until(() => session.text('h2'), (t) => t.startsWith('Local demo · Bold BI'), 'the Bold BI demo');
  await h.selectProfile(session, 'Local demo · Sigma classic');
  const stored = await session.run("return JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith('draft:')))");
  await session.until(() => session.run("return document.querySelector('[data-testid=email]').value"), (v) => v === 'draft.user@example.com', `the draft after a switch (drafts: ${stored})`);
  await session.end();
  session = await h.openApp(base);
  await h.selectProfile(session, 'Local demo · Sigma classic');
  await session.until(() => session.run("return document.querySelector('[data-testid=email]').value"), (v) => v === 'draft.user@example.com', 'the draft after a restart');
  assert.match(await session.text('[data-testid=unsaved]'), /unsaved/);
  await session.click('[data-testid=discard-draft]');
  await session.until(() => session.run("return document.querySelector('[data-testid=email]').value"), (v) => v === 'ann@example.com', 'the saved form back');
  assert.equal(await session.run("return document.querySelector('[data-testid=unsaved]')"), null);
});

test('a deleted built-in tier comes back by Undo or by Restore, and clearing a secret asks first', async () => {
  await session.click('[aria-label="delete tier Viewer"]');
  await session.click('[data-testid=undo-delete-tier]');
  await session.find('[data-testid=tier][data-name="Viewer"]');
  await session.click('[aria-label="delete tier Viewer"]');
  await session.until(() => session.run("return document.querySelector('[data-testid=tier][data-name=Viewer]')"), (e) => e === null, 'the tier gone');
  await session.run("document.querySelector('[data-testid=tiers] details').open = true");
  await session.click('[data-testid=restore-tiers]');
  await session.find('[data-testid=tier][data-name="Viewer"]');
  await session.click('[data-testid=clear-secret]');
  assert.match(await session.text('[data-testid=clear-secret]'), /Really clear/);
  assert.match(await session.text('[data-testid=fingerprint]'), /fingerprint [0-9a-f]{8}/, 'one click cleared the secret');
});

test('Ctrl+Enter in the Inspector inspects the pasted URL instead of loading the form', async () => {
  await h.selectProfile(session, 'Local demo · Sigma classic');
  const url = await session.until(() => h.signedUrl(session), (u) => u.includes('/embed/'), 'the classic URL');
  await session.click('[data-testid=tab-inspect]');
  await h.paste(session, '[data-testid=inspect-input]', url);
  const windows = (await session.cmd('GET', '/window/handles')).length;
  await session.run(`const t = document.querySelector('[data-testid=inspect-input]'); t.focus();
    t.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));`);
  assert.match(await session.until(() => session.text('[data-testid=inspect-verdict]'), (t) => t.length > 0, 'the inspection'), /^Local check:/);
  assert.equal((await session.cmd('GET', '/window/handles')).length, windows, 'Ctrl+Enter opened a preview');
  await session.click('[data-testid=tab-compose]');
});

test('the Inspector reads a pasted URL at once: a headline without a secret, the offending row, JWT claims with dates', async () => {
  await h.selectProfile(session, 'Local demo · Sigma classic');
  const url = await session.until(() => h.signedUrl(session), (u) => u.includes('/embed/'), 'the classic URL');
  const broken = url.replace(/:time=(\d+)/, (_, t) => `:time=${t}000`);
  await session.click('[data-testid=tab-inspect]');
  await h.paste(session, '[data-testid=inspect-secret]', '');
  await h.paste(session, '[data-testid=inspect-input]', broken.replace(/:client_id=[^&]+/, ':client_id=nobody-knows-this'));
  const headline = await session.until(() => session.text('[data-testid=inspect-headline]'), (t) => t.length > 0, 'the live headline');
  assert.match(headline, /milliseconds/);
  assert.equal(await session.run("return document.querySelector('[data-testid=param-row][data-flag=error] code').textContent"), ':time');
  await h.selectProfile(session, 'Local demo · Sigma JWT');
  await session.click('[data-testid=tab-compose]');
  await session.until(() => session.text('h2'), (t) => t.startsWith('Local demo · Sigma JWT'), 'the JWT demo');
  // The URL re-signs just after the switch: wait for the JWT one.
  const jwtUrl = await session.until(() => h.signedUrl(session), (u) => u.includes('/workbook/') && u.includes(':jwt='), 'the JWT URL');
  await session.click('[data-testid=tab-inspect]');
  await h.paste(session, '[data-testid=inspect-input]', jwtUrl);
  const times = await session.until(() => session.run("return [...document.querySelectorAll('[data-testid=jwt-time]')].map((e) => e.textContent).join(' | ')"), (t) => t.includes('exp:'), 'the JWT times');
  assert.match(times, /iat: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/);
  await h.screenshot(session, 'app-inspector-live.png');
  await session.click('[data-testid=tab-compose]');
});

test('an unreadable time says "expiry unknown" once, and notices stay with their profile', async () => {
  await session.click('[data-testid=tab-compose]');
  await h.selectProfile(session, 'Local demo · Sigma classic');
  await session.until(() => session.text('h2'), (t) => t.startsWith('Local demo · Sigma classic'), 'the classic demo');
  const url = await session.until(() => h.signedUrl(session), (u) => u.includes('/embed/'), 'the classic URL');
  await session.click('[data-testid=tab-inspect]');
  await h.paste(session, '[data-testid=inspect-input]', url.replace(/:time=\d+/, ':time=soon'));
  const countdown = await session.until(() => session.text('[data-testid=countdown]'), (t) => t.length > 0, 'the countdown');
  assert.match(countdown, /expiry unknown/);
  assert.ok(!countdown.includes('never expires'));
  const timeHazards = await session.run("return [...document.querySelectorAll('[data-testid=hazard][data-parameter=\":time\"]')].map((e) => e.textContent)");
  assert.equal(timeHazards.length, 1, `the unreadable time is listed more than once: ${timeHazards.join(' | ')}`);
  const text = await bodyText();
  // Words keep their spaces.
  assert.match(text, /:signature carries the signature/);
  assert.ok(!/:signature unsigned/.test(text), "the signature row is not called unsigned");
  await session.click('[data-testid=tab-compose]');
  // The secret-saved message of one profile is not shown under another.
  await h.selectProfile(session, 'Unreachable vendor (e2e)');
  await session.until(() => session.text('h2'), (t) => t.startsWith('Unreachable vendor (e2e)'), 'the unreachable profile');
  await session.type('[data-testid=secret-input]', 'another-secret-' + Date.now());
  await session.click('[data-testid=save-secret]');
  await session.until(() => session.text('[data-testid=secret-message]'), (t) => /Saved in the OS keychain/.test(t), 'the saved message');
  await h.selectProfile(session, 'Local demo · Sigma classic');
  await session.until(() => session.text('h2'), (t) => t.startsWith('Local demo · Sigma classic'), 'the classic demo');
  assert.equal(await session.run("return document.querySelector('[data-testid=secret-message]')"), null, 'a notice followed the profile switch');
});
