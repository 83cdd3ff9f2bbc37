#!/usr/bin/env node
// "Accept stays instant": on a first visit, a real click on Accept all (or Reject all)
// in the banner, at 4× CPU (and 1×): how long the click's task runs, whether the next frame no
// longer paints the banner, the Event Timing API's input → next paint, and how many DOM writes
// the click makes. Same launch settings and pages as bench/run.mjs; a fresh context per visitor.
//
// Usage: npm run build && node bench/accept.mjs [--loads 7] [--rates 1,4] [--only instria,instria-all] [--choices accept,reject] [--dist dist,other-build]
// Several builds (`--dist`, comma-separated) are measured in the same run, visitor by visitor in
// turn, so that a shared machine's load falls on each alike.
// Prints a Markdown table of medians. It measures time: never part of `npm test`.
//
// What each column is (all from inside the page, for the click alone):
// - handler: the click's listeners, first (capture, on window) to last (bubble, on window),
//   with the microtasks they queue: the task the browser must finish before it can paint.
// - next frame: the first requestAnimationFrame after the click, from the click's timestamp;
//   "banner gone" says whether the banner was already off the page in that frame.
// - input → paint: Event Timing's `duration` of the click (rounded to 8 ms by the browser;
//   reported only from 16 ms, so "< 16" when the browser reported nothing).
//   https://w3c.github.io/event-timing/#dom-performanceeventtiming-duration
// - DOM writes: mutation records during the click's listeners, in our shadow root and in the page.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { libraries } from './pages.mjs';
import { probe } from './probe.mjs';
import { loadFiles, serve } from './server.mjs';
import { median } from './summary.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : process.argv[at + 1];
};
const LOADS = Number(arg('loads', 7));
const RATES = arg('rates', '4').split(',').map(Number);
const CHOICES = arg('choices', 'accept,reject').split(',');
const ONLY = arg('only', 'instria').split(',');

/** In the page, before any script: times the first click and counts its DOM writes. */
function clickProbe() {
  const c = (window.__click = { events: [] });
  try {
    new PerformanceObserver((list) => c.events.push(...list.getEntries().filter((e) => e.name === 'click').map((e) => e.toJSON())))
      .observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {}
  // Counted as delivered (after each listener) and what is left at the end.
  c.pageWrites = c.shadowWrites = 0;
  // What each write was (BENCH_DEBUG prints it): "attributes style on HTML", "childList on MAIN"…
  c.writes = [];
  const note = (records) => c.writes.push(...records.map((r) => `${r.type} ${r.attributeName ?? ''} on ${r.target.nodeName}`));
  const page = new MutationObserver((records) => ((c.pageWrites += records.length), note(records)));
  const shadow = new MutationObserver((records) => ((c.shadowWrites += records.length), note(records)));
  const all = { subtree: true, childList: true, attributes: true, characterData: true };
  addEventListener(
    'click',
    (event) => {
      if (c.start !== undefined) return;
      c.stamp = event.timeStamp;
      c.start = performance.now();
      page.observe(document, all);
      const host = document.querySelector('instria-consent[data-part=ui]');
      if (host?.shadowRoot) shadow.observe(host.shadowRoot, all);
      const banner = window.__bench.find(c.selector);
      requestAnimationFrame(() => {
        c.frame = performance.now();
        c.goneAtFrame = !banner.isConnected || !window.__bench.shown('banner');
      });
      // The last listener of the click (bubbling to window), once its microtasks ran.
      const last = () => {
        c.end = performance.now();
        const [left, inside] = [page.takeRecords(), shadow.takeRecords()];
        c.pageWrites += left.length;
        c.shadowWrites += inside.length;
        note([...left, ...inside]);
        page.disconnect();
        shadow.disconnect();
      };
      addEventListener('click', () => queueMicrotask(last), { once: true });
    },
    true,
  );
}

async function visit(browser, lib, origin, rate, choice) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.addInitScript(probe, { accept: lib.accept, banner: lib.banner, wait: 'banner' });
    await page.addInitScript(clickProbe);
    await page.goto(`${origin}/${lib.id}.html`);
    await page.evaluate((ms) => window.__bench.settle(ms), 300 * rate);
    const box = await page.evaluate(({ selector, banner }) => {
      window.__click.selector = banner;
      const r = window.__bench.find(selector).getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, { selector: lib[choice], banner: lib.banner });
    await page.mouse.click(box.x, box.y);
    return await page.evaluate(async () => {
      await new Promise((ok) => setTimeout(ok, 500));
      const c = window.__click;
      const event = c.events.find((e) => Math.abs(e.startTime - c.stamp) < 1);
      return {
        handler: c.end - c.start,
        frame: c.frame - c.stamp,
        goneAtFrame: c.goneAtFrame,
        duration: event ? event.duration : null,
        writes: c.writes,
        shadowWrites: c.shadowWrites,
        pageWrites: c.pageWrites,
      };
    });
  } finally {
    await context.close();
  }
}

const LIBS = libraries(root);
const libs = LIBS.filter((lib) => ONLY.includes(lib.id));
const DISTS = arg('dist', 'dist').split(',');
const servers = await Promise.all(DISTS.map((dist) => serve(LIBS, loadFiles(root, dist))));
const browser = await chromium.launch({
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
/** One table row: the medians of `runs`. */
function row(lib, label, choice, rate, runs) {
  const ms = (key) => `${median(runs.map((r) => r[key])).toFixed(1)} ms`;
  const reported = runs.filter((r) => r.duration !== null);
  const paint = reported.length ? `${median(reported.map((r) => r.duration))} ms (${reported.length} of ${runs.length}; others < 16)` : '< 16 ms';
  const gone = `${runs.filter((r) => r.goneAtFrame).length} of ${runs.length}`;
  const writes = `${median(runs.map((r) => r.shadowWrites))} + ${median(runs.map((r) => r.pageWrites))}`;
  return `| ${lib.name}${label} | ${choice} | ${rate}× | ${ms('handler')} | ${ms('frame')} | ${gone} | ${paint} | ${writes} |`;
}

const rows = [];
try {
  for (const rate of RATES) {
    for (const choice of CHOICES) {
      for (const lib of libs) {
        const all = DISTS.map(() => []);
        for (let i = 0; i < LOADS; i++) {
          for (const [d, { origin }] of servers.entries()) all[d].push(await visit(browser, lib, origin, rate, choice));
        }
        for (const [d, runs] of all.entries()) {
          if (process.env.BENCH_DEBUG) console.error(JSON.stringify(runs));
          rows.push(row(lib, DISTS.length > 1 ? ` (${DISTS[d]})` : '', choice, rate, runs));
        }
        process.stderr.write(`${lib.id} ${choice} ${rate}× done\n`);
      }
    }
  }
} finally {
  await browser.close().catch(() => {});
  for (const { server } of servers) server.close();
}
console.log(`Chromium ${browser.version()}, ${LOADS} visitors each, medians\n`);
console.log('| Library | click | CPU | handler | next frame after click | banner gone at that frame | input → paint (Event Timing) | DOM writes (shadow + page) |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
console.log(rows.join('\n'));
