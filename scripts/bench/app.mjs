// Start-up time and memory of the release app beside a bare Tauri
// hello-world, through WebDriver (tauri-driver on :4444), same run, same
// machine. Start-up: from asking for a session (which launches the process)
// to the form's email field being there. Memory: PSS (and RSS) summed over
// the app and its WebKit processes, after the first preview for the app and
// after load for the hello-world. Prints medians and ratios.
import { readdirSync, readFileSync } from 'node:fs';
import { Session } from '../../tests/e2e/webdriver.mjs';

const [app, hello, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg || 5);
const base = 'http://127.0.0.1:4444';

function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch { /* the process ended */ }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]) ?? []));
  return all;
}

function memoryOf(binary) {
  const pid = readdirSync('/proc').filter((e) => /^\d+$/.test(e)).map(Number).find((p) => {
    try { return readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0')[0] === binary; } catch { return false; }
  });
  if (!pid) throw new Error(`no process for ${binary}`);
  let pss = 0; let rss = 0;
  const parts = {};
  for (const p of descendants(pid)) {
    try {
      const rollup = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      const name = readFileSync(`/proc/${p}/comm`, 'utf8').trim();
      const own = Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pss += own;
      parts[name] = (parts[name] ?? 0) + Math.round(own / 1024);
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch { /* the process ended */ }
  }
  return { pss: pss / 1024, rss: rss / 1024, parts };
}

async function measure(binary, preview) {
  const t0 = performance.now();
  const session = await Session.start(base, binary);
  try {
    // Poll every 5 ms: the default 200 ms would round the start-up time.
    await session.find('[data-testid=email]', 60000, 5);
    const start = performance.now() - t0;
    if (preview) {
      await session.find('[data-testid=signed-url]', 30000);
      const main = await session.cmd('GET', '/window');
      await session.click('[data-testid=load]');
      const handles = await session.until(() => session.cmd('GET', '/window/handles'), (h) => h.length === 2, 'the preview');
      await session.cmd('POST', '/window', { handle: handles.find((h) => h !== main) });
      await session.until(() => session.text('[data-testid=status]'), (s) => s === 'embed loaded', 'the embed');
      await session.cmd('POST', '/window', { handle: main });
    }
    await new Promise((r) => setTimeout(r, 1000));
    return { start, ...memoryOf(binary) };
  } finally {
    await session.end();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = { app: [], hello: [] };
for (let i = 0; i < rounds; i++) {
  results.hello.push(await measure(hello, false));
  results.app.push(await measure(app, true));
}
const summary = {};
for (const [name, runs] of Object.entries(results)) {
  summary[name] = { start: median(runs.map((r) => r.start)), pss: median(runs.map((r) => r.pss)), rss: median(runs.map((r) => r.rss)) };
  console.log(`${name.padEnd(5)}  PSS by process (last run): ${JSON.stringify(runs.at(-1).parts)}`);
  console.log(`${name.padEnd(5)}  start ${summary[name].start.toFixed(0)} ms   PSS ${summary[name].pss.toFixed(0)} MiB   RSS ${summary[name].rss.toFixed(0)} MiB   (median of ${rounds})`);
}
const ratio = (k) => summary.app[k] / summary.hello[k];
console.log(`ratios: start ${ratio('start').toFixed(2)}x (target <= 1.3x), memory PSS ${ratio('pss').toFixed(2)}x (target <= 1.5x), RSS ${ratio('rss').toFixed(2)}x`);
