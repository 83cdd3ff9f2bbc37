#!/usr/bin/env node
// Peer benchmark: the same page — header, text, footer link, one gated
// analytics script — once per library, loaded in Chromium through Playwright, fresh context per
// visitor, libraries alternating, in two scenarios:
// - CPU: localhost, uncompressed, without and with 4× CPU throttling (CDP). Bytes (raw, gzip,
//   brotli of the JS and CSS responses each page view really fetched), time to banner visible,
//   scripting time and long tasks over a no-CMP baseline, CLS, DOM nodes added, click → banner
//   gone, click → analytics ran; then the returning visitor (decision stored, same context).
// - network: files served brotli-compressed like a CDN, through CDP network emulation (150 ms
//   RTT, 1.6 Mbit/s down, 750 kbit/s up, cache off): banner painted, and after the library's
//   own file, with and without `<link rel="preload">` for our on-demand files; the returning
//   visitor's bytes and when its accepted analytics ran.
// Prints Markdown tables of medians (ratio peer/ours) and writes bench/results/latest.json.
//
// Usage: npm run bench            (builds first; 7 loads each, about 6–8 minutes on 2 cores)
//        npm run bench -- --write   (the same, then rewrites the generated part of bench/RESULTS.md)
//        npm run bench -- --quick   (3 loads each, ~3 minutes: for iterating, not for RESULTS.md)
//        node bench/run.mjs [--loads 3] [--only instria,vanilla] [--rates 1,4] [--scenarios cpu,network] [--out file.json]
//        node bench/run.mjs --serve     (only serve the pages, to look at them)
//        node bench/run.mjs --from bench/results/latest.json --out bench/results/again.json  (tables again)
//        node bench/run.mjs --profile [instria] [--rates 4] [--dist DIR] [--choice reject]   (where the time goes: CPU profiles)
// It measures time: never part of `npm test`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { sample } from './measure.mjs';
import { compareLibraries, libraries, PRELOAD, TAG } from './pages.mjs';
import { locator, profile, readableBuild } from './profile.mjs';
import { loadFiles, serve } from './server.mjs';
import { summarise } from './summary.mjs';
import { markdown, writeResults } from './tables.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The commit measured, marked when the work tree differs from it. */
const git = (cwd) => {
  try {
    const run = (...args) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
    return `${run('rev-parse', '--short', 'HEAD')}${run('status', '--porcelain', '--untracked-files=no', '--', 'src', 'tsup.config.ts') ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
};
/** `--name value`; `--name` alone (or before another option) gives `bare`. */
const arg = (name, fallback, bare = fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const next = process.argv[at + 1];
  return next === undefined || next.startsWith('--') ? bare : next;
};
const PROFILE = arg('profile', null, 'instria');
const QUICK = process.argv.includes('--quick');
const LOADS = Number(arg('loads', arg('runs', QUICK ? 3 : 7)));
const WRITE = process.argv.includes('--write');
const RATES = arg('rates', PROFILE ? '4' : '1,4').split(',').map(Number);
const SCENARIOS = arg('scenarios', 'cpu,network').split(',');
const OUT = resolve(root, arg('out', 'bench/results/latest.json'));

// `--profile` measures a build with readable names unless `--dist` names one.
let DIST = arg('dist', 'dist');
if (PROFILE && !arg('dist')) {
  DIST = 'bench/results/readable';
  await readableBuild(root, DIST);
}
const body = loadFiles(root, DIST);
const LIBS = libraries(root);
// `--compare DIR`: another build of ours (say the previous release's dist/) in the same run, its
// files served under /compare/, plain and with `<link rel="preload">` for the files its first
// visit fetches on demand (`--compare-preload ui,decisions`; default the UI file).
const COMPARE = arg('compare');
if (COMPARE) {
  for (const [path, file] of loadFiles(resolve(COMPARE), '.', {})) body.set(path.replace(/^\/dist\//, '/compare/'), file);
  LIBS.push(...compareLibraries(COMPARE, arg('compare-preload', 'ui').split(',')));
}
const only = arg('only');
const libs = LIBS.filter((lib) => lib.id === 'baseline' || !only || only.split(',').includes(lib.id));
const plain = await serve(LIBS, body);
const cdn = await serve(LIBS, body, { compress: true });
const closeServers = () => [plain, cdn].forEach(({ server }) => server.close());

if (process.argv.includes('--serve')) {
  // Look at the pages by hand: node bench/run.mjs --serve
  console.log(`uncompressed:\n${libs.map((lib) => `${plain.origin}/${lib.id}.html`).join('\n')}\nbrotli: ${cdn.origin}/<id>.html`);
  await new Promise(() => {});
}

/** Every sample, in rounds: per round each scenario and rate, every library once, starting with a different one each round. */
async function measureAll(browser, samples, failures) {
  const started = Date.now();
  const runs = [
    ...(SCENARIOS.includes('cpu') ? RATES.map((rate) => ({ scenario: 'cpu', rate, origin: plain.origin, libs: libs.filter((lib) => lib.network !== 'only') })) : []),
    ...(SCENARIOS.includes('network') ? [{ scenario: 'network', rate: 1, origin: cdn.origin, libs }] : []),
  ];
  for (let i = 0; i < LOADS; i++) {
    for (const { scenario, rate, origin, libs: list } of runs) {
      for (let k = 0; k < list.length; k++) {
        const lib = list[(i + k) % list.length];
        // The network scenario's visitor always accepts: its returning view then runs the analytics.
        const choice = scenario === 'cpu' && i % 2 ? 'reject' : 'accept';
        // One failed load (a banner that never showed on an overloaded machine) is reported,
        // not fatal: the medians then rest on one load fewer, which the table's count shows.
        try {
          samples.push(await sample(browser, lib, { scenario, rate, choice, origin, body }));
        } catch (error) {
          failures.push({ scenario, lib: lib.id, rate, choice, error: String(error?.message ?? error) });
          process.stderr.write(`${scenario} ${lib.id} ${rate}× ${choice}: ${failures.at(-1).error}\n`);
        }
        if (process.env.BENCH_DEBUG) console.error(JSON.stringify(samples.at(-1)));
      }
    }
    process.stderr.write(`round ${i + 1}/${LOADS} done (${Math.round((Date.now() - started) / 1000)} s)\n`);
  }
}

// `--from results.json`: no browser, only the tables again from a previous run's samples.
const FROM = arg('from') ? JSON.parse(readFileSync(resolve(arg('from')), 'utf8')) : null;
const started = Date.now();
const load = loadavg()[0];
const samples = FROM?.samples ?? [];
const failures = FROM?.failures ?? [];
let chromiumVersion = FROM?.machine.chromium;
if (!FROM) {
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  chromiumVersion = browser.version();
  try {
    if (PROFILE) {
      const lib = LIBS.find((l) => l.id === PROFILE);
      if (!lib?.accept) throw new Error(`--profile: one of ${LIBS.filter((l) => l.accept).map((l) => l.id).join(', ')}`);
      console.log(`Profiling ${DIST} at CPU ${RATES.at(-1)}× (Chromium ${chromiumVersion})`);
      await profile(browser, lib, { origin: plain.origin, rate: RATES.at(-1), outDir: dirname(OUT), loads: Number(arg('loads', 1)), locate: locator(root, DIST), choice: arg('choice', 'accept') });
    } else await measureAll(browser, samples, failures);
  } finally {
    await browser.close().catch(() => {});
  }
}
closeServers();
if (PROFILE) process.exit(0);

const rates = FROM?.machine.rates ?? RATES;
const summary = summarise(samples, failures, libs.filter((lib) => samples.some((s) => s.lib === lib.id)), rates);
const machine = {
  ...FROM?.machine,
  date: FROM?.machine.date ?? new Date().toISOString(),
  cpus: `${cpus().length} × ${cpus()[0]?.model?.trim() ?? 'unknown CPU'}`,
  os: `${process.platform} ${release()}`,
  node: process.version,
  chromium: chromiumVersion,
  loadAverage: FROM?.machine.loadAverage ?? load,
  loadAverageEnd: FROM?.machine.loadAverageEnd ?? loadavg()[0],
  runs: FROM?.machine.runs ?? LOADS,
  rates,
  seconds: FROM?.machine.seconds ?? Math.round((Date.now() - started) / 1000),
};
const text = markdown(summary, libs.filter((lib) => summary[lib.id]), rates, machine);
const peers = libs.filter((lib) => lib.id !== 'baseline' && summary[lib.id]);
const errors = peers.flatMap((lib) => summary[lib.id].errors.map((e) => `${lib.id}: ${e}`));
console.log(text);
if (errors.length) console.log(`\nPage errors:\n${errors.join('\n')}`);
if (failures.length) console.log(`\nFailed loads (left out): ${failures.map((f) => `${f.scenario ?? 'cpu'} ${f.lib} ${f.rate}× ${f.choice}: ${f.error}`).join('; ')}`);
// The preload hints must name what a first visit really fetches on demand.
const fetched = summary.instria?.files.filter((path) => path !== TAG);
if (fetched && [...fetched].sort().join() !== [...PRELOAD].sort().join())
  console.log(`\nPRELOAD (bench/pages.mjs) is ${PRELOAD.join(', ')}, but a first visit fetched ${fetched.join(', ')}: update it.`);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify({ machine, summary, markdown: text, samples, failures }, null, 1)}\n`);
writeFileSync(OUT.replace(/\.json$/, '.md'), `${text}\n`);
console.error(`\nWrote ${OUT}`);
if (WRITE) {
  if (QUICK || LOADS < 7) console.error('--write with fewer than 7 loads: the medians are rough; RESULTS.md says how many.');
  writeResults(resolve(root, 'bench/RESULTS.md'), summary, libs.filter((lib) => summary[lib.id]), rates, machine, text, git(root));
  console.error('Rewrote the generated part of bench/RESULTS.md');
}
