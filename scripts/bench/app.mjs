// Start-up time and memory of the release app beside a bare Tauri
// hello-world, through WebDriver (tauri-driver on :4444), same run, same
// machine. Start-up: from asking for a session (which launches the process)
// to the form's email field being there. Memory: PSS (and RSS) summed over
// the app and its WebKit processes, after the first preview for the app and
// after load for the hello-world. Starts its own tauri-driver (TAURI_DRIVER,
// on BENCH_DRIVER_PORT, 4450 by default: the end-to-end tests use 4444-4449).
// Prints every round, then the median, min and max over the rounds, ratios
// taken per round, and the README's table (also appended to $BENCH_REPORT).
// Usage: node app.mjs APP HELLO ROUNDS [NOTE]
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { startDriver } from '../../tests/e2e/harness.mjs';
import { Session } from '../../tests/e2e/webdriver.mjs';

const [app, hello, roundsArg, note] = process.argv.slice(2);
const rounds = Number(roundsArg || 5);
const { driver, base } = await startDriver(Number(process.env.BENCH_DRIVER_PORT || 4450));

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
  const ours = descendants(pid);
  for (const p of ours) {
    try {
      const rollup = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      const name = readFileSync(`/proc/${p}/comm`, 'utf8').trim();
      const own = Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pss += own;
      parts[name] = (parts[name] ?? 0) + Math.round(own / 1024);
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch { /* the process ended */ }
  }
  // WebKit processes of anything else on the machine (another app, the
  // end-to-end tests) share library pages with ours, which lowers our PSS.
  // WebDriver's own (tauri-driver's child, ours or the tests') is not one.
  const otherWebKit = readdirSync('/proc').filter((e) => /^\d+$/.test(e)).map(Number).filter((p) => {
    if (ours.includes(p)) return false;
    try {
      const comm = readFileSync(`/proc/${p}/comm`, 'utf8');
      return comm.startsWith('WebKit') && !comm.startsWith('WebKitWebDriver');
    } catch { return false; }
  }).length;
  return { pss: pss / 1024, rss: rss / 1024, parts, otherWebKit };
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

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const v = sorted(xs); const h = Math.floor(v.length / 2);
  return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
};
const spread = (xs) => ({ median: median(xs), min: sorted(xs)[0], max: sorted(xs).at(-1) });
const results = { app: [], hello: [] };
try {
  for (let i = 0; i < rounds; i++) {
    results.hello.push(await measure(hello, false));
    results.app.push(await measure(app, true));
    const [h, a] = [results.hello.at(-1), results.app.at(-1)];
    console.log(`round ${i + 1}: hello start ${h.start.toFixed(0)} ms, PSS ${h.pss.toFixed(0)} MiB; app start ${a.start.toFixed(0)} ms, PSS ${a.pss.toFixed(0)} MiB; other WebKit processes on the machine: ${h.otherWebKit}, ${a.otherWebKit}`);
  }
} finally {
  driver.kill();
}
const metrics = ['start', 'pss', 'rss'];
const summary = {};
for (const [name, runs] of Object.entries(results)) {
  summary[name] = Object.fromEntries(metrics.map((k) => [k, spread(runs.map((r) => r[k]))]));
  const s = summary[name];
  console.log(`${name.padEnd(5)}  PSS by process (last run): ${JSON.stringify(runs.at(-1).parts)}`);
  console.log(`${name.padEnd(5)}  start ${s.start.median.toFixed(0)} ms (${s.start.min.toFixed(0)}-${s.start.max.toFixed(0)})   PSS ${s.pss.median.toFixed(0)} MiB (${s.pss.min.toFixed(0)}-${s.pss.max.toFixed(0)})   RSS ${s.rss.median.toFixed(0)} MiB (${s.rss.min.toFixed(0)}-${s.rss.max.toFixed(0)})   (median, min-max of ${rounds})`);
}
// Ratios per round: app and hello-world of the same round, side by side in time.
const ratios = Object.fromEntries(metrics.map((k) => [k, spread(results.app.map((r, i) => r[k] / results.hello[i][k]))]));
const r = (k) => `${ratios[k].median.toFixed(2)}x (${ratios[k].min.toFixed(2)}-${ratios[k].max.toFixed(2)})`;
console.log(`ratios: start ${r('start')} (target <= 1.3x), memory PSS ${r('pss')} (target <= 1.5x), RSS ${r('rss')}`);

const cell = (s, digits = 0) => `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
const ratioCell = (k, target, limit) => {
  const met = target === undefined ? '' : `; target ≤ ${target}×${ratios[k].median > limit ? ': missed' : ''}`;
  return `${target === undefined ? '' : '**'}${ratios[k].median.toFixed(2)}×${target === undefined ? '' : '**'} (${ratios[k].min.toFixed(2)}–${ratios[k].max.toFixed(2)}${met})`;
};
const others = [...results.hello, ...results.app].map((r) => r.otherWebKit);
const busyRounds = results.hello.filter((h, i) => h.otherWebKit > 0 || results.app[i].otherWebKit > 0).length;
const othersNote = busyRounds === 0
  ? 'No other WebKit process was running on the machine.'
  : `Other WebKit processes were running on the machine in ${busyRounds} of ${rounds} round(s) (up to ${Math.max(...others)}): they share library pages with ours, which lowers PSS (RSS is unaffected).`;
console.log(othersNote);
const table = [
  '',
  `Desktop app: ${rounds} round(s)${note ? `, ${note}` : ''}. Median (min–max) over the rounds; ratios are taken per round. ${othersNote}`,
  '',
  '| | start (ms) | PSS (MiB) | RSS (MiB) |',
  '| --- | --- | --- | --- |',
  `| hello-world | ${cell(summary.hello.start)} | ${cell(summary.hello.pss)} | ${cell(summary.hello.rss)} |`,
  `| Embed Sandbox | ${cell(summary.app.start)} | ${cell(summary.app.pss)} | ${cell(summary.app.rss)} |`,
  `| ratio | ${ratioCell('start', 1.3, 1.3)} | ${ratioCell('pss', 1.5, 1.5)} | ${ratioCell('rss')} |`,
].join('\n') + '\n';
process.stdout.write(table);
if (process.env.BENCH_REPORT) appendFileSync(process.env.BENCH_REPORT, table);
