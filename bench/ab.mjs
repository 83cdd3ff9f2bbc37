#!/usr/bin/env node
// Paired A/B of two builds of our script tag on the benchmark's page, the two builds alternating
// (ABBA) so that a busy machine's drift falls on both. A view is a fresh context: the returning
// visitor's carries the decision cookie of one earlier Accept (or Reject) on build A; the first
// visitor's nothing. Two measures:
// - `--metric cpu` (default): the main thread's CPU time in script (the trace's EvaluateScript,
//   FunctionCall, microtasks, timers and events, outermost only, `tdur`), at CPU 1×. Thread time
//   leaves out the time the thread waited for a core, which on a shared machine is most of the
//   noise of wall-clock measures; CPU throttling only adds waiting, so one rate is enough. It
//   also leaves out the waits of synchronous calls into the browser process (`document.cookie`,
//   the first `localStorage` read): judge those with `--metric scripting`.
// - `--metric scripting`: CDP's `ScriptDuration` (wall clock), as `npm run bench` reports, at
//   each of `--rates`.
// Prints, per view (and rate), the median of each build and the median of the paired
// differences (A − B) with how many pairs A won: on a shared machine, a change of a few
// milliseconds needs the pairs, not two medians.
//
// Usage: npm run build && node bench/ab.mjs --compare /tmp/old-dist [--dist DIR] [--pairs 30] [--metric cpu|scripting] [--rates 1,4] [--views returning-accept,returning-reject,first]
// A is dist/ (or --dist DIR), B the --compare folder (say a copy of dist/ made before the change).
// AB_DEBUG=1 prints every script event summed (which task took the time).
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { decide, view } from './measure.mjs';
import { probe } from './probe.mjs';
import { compareLibraries, libraries } from './pages.mjs';
import { loadFiles, serve } from './server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : process.argv[at + 1];
};
const COMPARE = arg('compare');
if (!COMPARE) throw new Error('--compare DIR: the build to compare dist/ with');
const PAIRS = Number(arg('pairs', 30));
const METRIC = arg('metric', 'cpu');
const RATES = METRIC === 'cpu' ? [1] : arg('rates', '1,4').split(',').map(Number);
const VIEWS = arg('views', 'returning-accept,returning-reject,first').split(',');

const DIST = arg('dist', 'dist');
const body = loadFiles(root, DIST);
for (const [path, file] of loadFiles(resolve(COMPARE), '.', {})) body.set(path.replace(/^\/dist\//, '/compare/'), file);
const a = libraries(root).find((lib) => lib.id === 'instria');
const [b] = compareLibraries(COMPARE, ['ui']);
const { server, origin } = await serve([a, b], body);
const browser = await chromium.launch({
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const CONTEXT = { viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 };

/** The cookies and storage after a first visit's `choice` (on build A: both read the same cookie). */
async function stored(choice) {
  const context = await browser.newContext(CONTEXT);
  try {
    const { page } = await view(context, a, { origin, body, wait: 'banner' });
    await decide(page, a, choice, 1);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** Trace events that run script, the outermost of which are summed. */
const SCRIPT = new Set(['EvaluateScript', 'FunctionCall', 'RunMicrotasks', 'TimerFire', 'FireIdleCallback', 'FireAnimationFrame', 'EventDispatch', 'v8.evaluateModule']);

/** The renderer main thread's CPU time (ms) in script, outermost events only, from a trace. */
function scriptCpu(trace) {
  const events = JSON.parse(trace.toString()).traceEvents;
  // The page's main thread: where our tag was evaluated.
  const tag = events.find((e) => e.name === 'EvaluateScript' && /instria-consent\.iife\.js$/.test(e.args?.data?.url ?? ''));
  if (!tag) throw new Error('the trace has no evaluation of the script tag');
  let end = -1;
  let total = 0;
  for (const e of events.filter((x) => x.ph === 'X' && x.pid === tag.pid && x.tid === tag.tid && SCRIPT.has(x.name)).sort((x, y) => x.ts - y.ts)) {
    if (e.ts < end) continue;
    end = e.ts + e.dur;
    total += e.tdur ?? e.dur;
    if (process.env.AB_DEBUG) console.error(`${((e.tdur ?? e.dur) / 1000).toFixed(2)} (wall ${(e.dur / 1000).toFixed(2)}) ${e.name} ${e.args?.data?.url ?? e.args?.data?.type ?? e.args?.data?.functionName ?? ''}`);
  }
  return total / 1000;
}

/** One view of `lib`: its scripting time (`--metric scripting`) or its script CPU time. */
async function once(lib, which, rate, states) {
  const returning = which.startsWith('returning');
  const context = await browser.newContext({ ...CONTEXT, storageState: returning ? states[which] : undefined });
  try {
    if (METRIC === 'scripting') return (await view(context, lib, { origin, body, rate, wait: returning ? 'load' : 'banner' })).result.scripting;
    const page = await context.newPage();
    await page.addInitScript(probe, { accept: lib.accept, banner: lib.banner, wait: returning ? 'load' : 'banner' });
    await browser.startTracing(page, { categories: ['devtools.timeline', 'v8'] });
    await page.goto(`${origin}/${lib.id}.html`);
    await page.evaluate((ms) => window.__bench.settle(ms), 300);
    return scriptCpu(await browser.stopTracing());
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const load = loadavg()[0];
const started = Date.now();
try {
  const states = { 'returning-accept': await stored('accept'), 'returning-reject': await stored('reject') };
  const results = {};
  for (let i = 0; i < PAIRS; i++) {
    for (const rate of RATES) {
      for (const which of VIEWS) {
        const order = i % 2 ? [b, a] : [a, b];
        const times = {};
        for (const lib of order) times[lib.id] = await once(lib, which, rate, states);
        (results[`${rate}× ${which}`] ??= []).push([times[a.id], times[b.id]]);
      }
    }
    process.stderr.write(`pair ${i + 1}/${PAIRS} (${Math.round((Date.now() - started) / 1000)} s)\n`);
  }
  console.log(`${METRIC === 'cpu' ? 'script CPU time (trace tdur), 1×' : 'ScriptDuration'}  A: ${DIST}  B: ${COMPARE}  ${PAIRS} pairs  load average ${load.toFixed(1)} → ${loadavg()[0].toFixed(1)}  ${Math.round((Date.now() - started) / 1000)} s`);
  console.log('| view | A median | B median | A − B, paired median | A lower |\n| --- | --- | --- | --- | --- |');
  for (const [key, pairs] of Object.entries(results)) {
    const diffs = pairs.map(([x, y]) => x - y);
    const row = [median(pairs.map((p) => p[0])), median(pairs.map((p) => p[1])), median(diffs)].map((ms) => `${ms.toFixed(1)} ms`);
    console.log(`| ${key} | ${row.join(' | ')} | ${diffs.filter((d) => d < 0).length} of ${pairs.length} |`);
  }
} finally {
  await browser.close();
  server.close();
}
