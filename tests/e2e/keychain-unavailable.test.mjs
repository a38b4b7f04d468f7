// The app with no keychain at all: its own tauri-driver whose D-Bus address
// leads nowhere (as on a desktop with no Secret Service running) and fresh
// app data. The app must open, say what is wrong and what to do, and keep
// everything the user typed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from './webdriver.mjs';
import { app, startDriver, stopDriver } from './harness.mjs';

let driver;
let session;

before(async () => {
  const env = {
    ...process.env,
    DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/embed-sandbox-no-bus',
    XDG_DATA_HOME: mkdtempSync(path.join(tmpdir(), 'no-keychain-')),
  };
  let base;
  ({ driver, base } = await startDriver(4446, env));
  session = await Session.start(base, app);
});

after(() => stopDriver(session, driver));

test('without a keychain the app opens, explains, and keeps the typed secret', async () => {
  const problem = await session.text('[data-testid=keychain-problem]', 30000);
  assert.match(problem, /keychain/i);
  assert.match(problem, /Secret Service|gnome-keyring|keyring/i);
  const secret = 'typed-but-not-stored-' + Math.random().toString(16).slice(2);
  await session.type('[data-testid=secret-input]', secret);
  await session.click('[data-testid=save-secret]');
  const message = await session.until(() => session.text('[data-testid=secret-message]'), (t) => t.length > 0, 'the refusal');
  assert.match(message, /keychain/i);
  assert.ok(!message.includes(secret), 'the message echoes the secret');
  assert.equal(await session.run("return document.querySelector('[data-testid=secret-input]').value"), secret);
  // Profiles still work: the SQLite side does not need the keychain.
  await session.click('[data-testid=new-profile]');
  await session.type('[data-testid=pe-name]', 'Offline profile');
  await session.type('[data-testid=pe-path]', 'https://app.sigmacomputing.com/embed/1-x');
  await session.type('[data-testid=pe-client]', 'c1');
  await session.click('[data-testid=pe-save]');
  await session.until(() => session.text('h2'), (t) => t === 'Offline profile', 'the new profile');
});
