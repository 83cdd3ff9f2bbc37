#!/usr/bin/env node
// Scale benchmark of gating, on the built script tag in Chromium: how long `acceptAll()` takes
// to activate N tagged elements of each kind (no network), and the same with a large
// configuration (50 categories × 10 services). Prints a Markdown table of medians.
// Usage: npx tsup && node bench/scale.mjs [--runs 5] [--iife path/to/other-build.js]. Not part of `npm test`: it measures time.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startServer } from '../scripts/server.mjs';
import { median } from './summary.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const iifeArg = process.argv.indexOf('--iife');
/** Another build of the script tag to measure (to compare two builds), else dist's. */
const IIFE = iifeArg > 0 ? process.argv[iifeArg + 1] : undefined;
const GIF = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';

const KINDS = {
  // Elements gating looks after but has nothing to load: its own bookkeeping only.
  'no-op (div)': (attrs) => `<div ${attrs}></div>`,
  images: (attrs) => `<img ${attrs} data-src="${GIF}" alt="">`,
  'inline scripts': (attrs) => `<script type="text/plain" ${attrs}>window.ran++</script>`,
};

/** `n` tagged elements of one kind; `tag(i)` gives their data-consent/data-service. */
const elements = (n, kind, tag) => Array.from({ length: n }, (_, i) => KINDS[kind](tag(i))).join('');

/** Two categories (the default shape) or 50 categories × 10 services. */
function config(large) {
  if (!large) return { categories: { essential: { required: true }, analytics: { services: { ga4: {} } } } };
  const categories = { essential: { required: true } };
  for (let c = 0; c < 50; c++) {
    const services = {};
    for (let s = 0; s < 10; s++) services[`s${c}_${s}`] = { label: `Service ${c}.${s}` };
    categories[`c${c}`] = { label: `Category ${c}`, services };
  }
  return { categories };
}

const page = (n, large, kind) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Scale</title>
<script>window.InstriaConsentConfig = ${JSON.stringify(config(large))}; window.ran = 0;
window.InstriaConsentUI = { mount: () => () => {} };</script>
<script src="/dist/instria-consent.iife.js" data-manual></script></head><body><main>
${elements(n, kind, large ? (i) => `data-consent="c${i % 50}" data-service="s${i % 50}_${(i >> 3) % 10}"` : () => 'data-consent="analytics"')}
</main></body></html>`;


if (!existsSync('dist/instria-consent.iife.js')) {
  console.error('dist/instria-consent.iife.js is missing: run `npx tsup` first.');
  process.exit(1);
}
const { server, url } = await startServer({ port: 0 });
const browser = await chromium.launch({ executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined });
const rows = [];
try {
  const cases = [[10], [100], [1000], [5000], [1000, true]];
  for (const [n, large] of cases) {
    const cells = [];
    let init = [];
    for (const kind of Object.keys(KINDS)) {
      const activate = [];
      const baseline = [];
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext();
        const tab = await context.newPage();
        if (IIFE) await tab.route('**/dist/instria-consent.iife.js', (route) => route.fulfill({ path: IIFE, contentType: 'text/javascript' }));
        await tab.route('**/scale.html', (route) => route.fulfill({ contentType: 'text/html', body: page(n, large, kind) }));
        await tab.goto(`${url}/scale.html`);
        const result = await tab.evaluate(async (n) => {
          let t = performance.now();
          const consent = window.InstriaConsent.init();
          const initMs = performance.now() - t;
          await new Promise((resolve) => setTimeout(resolve)); // the scan runs in a microtask
          // The banner fetched the decision code: wait until it has loaded, so that acceptAll()
          // below is measured alone (the checks after it would catch a queued, unapplied call).
          while (!window.InstriaConsentDecisions) await new Promise((resolve) => setTimeout(resolve, 5));
          for (let i = 0; i < 2; i++) await new Promise((resolve) => setTimeout(resolve));
          t = performance.now();
          consent.acceptAll();
          const activateMs = performance.now() - t;
          const ran = window.ran;
          const left = document.querySelectorAll('img:not([src]), script[type="text/plain"]').length;
          // The browser's own cost of running as many fresh inline scripts, without the SDK.
          const box = document.createElement('div');
          for (let i = 0; i < n; i++) box.appendChild(document.createElement('template'));
          document.body.appendChild(box);
          t = performance.now();
          for (const old of Array.from(box.children)) {
            const script = document.createElement('script');
            script.text = 'window.ran++';
            old.replaceWith(script);
          }
          return { initMs, activateMs, baselineMs: performance.now() - t, ran, left };
        }, n);
        const expected = kind === 'inline scripts' ? n : 0;
        if (result.ran !== expected || result.left) throw new Error(`${n} ${kind}: ran ${result.ran}/${expected}, ${result.left} left inert`);
        init.push(result.initMs);
        activate.push(result.activateMs);
        baseline.push(result.baselineMs);
        await context.close();
      }
      cells.push(median(activate).toFixed(1));
      if (kind === 'inline scripts') cells.push(median(baseline).toFixed(1));
    }
    rows.push(`| ${n.toLocaleString('en')} | ${large ? '50 × 10' : '2 × 1'} | ${median(init).toFixed(1)} | ${cells.join(' | ')} |`);
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`Gating scale, Chromium ${browser.version()}, median of ${RUNS} runs (ms):\n`);
console.log('`acceptAll()` until every element is active, per kind of element; the last column is the');
console.log('browser alone inserting as many fresh inline scripts (the floor for the previous one).\n');
console.log('| elements | categories × services | init() | no-op (div) | images | inline scripts | same scripts, no SDK |');
console.log('|---:|---|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
