#!/usr/bin/env node
// Peer benchmark: the same page — header, text, footer link, one gated analytics
// script — once per library, loaded in Chromium through Playwright, fresh context each load,
// libraries alternating, with and without 4× CPU throttling (CDP). Measures bytes (raw, gzip,
// brotli of the JS and CSS responses each page view really fetched), time to banner visible,
// scripting time and long tasks over a no-CMP baseline, CLS, DOM nodes added, click → banner
// gone, click → analytics ran; then the returning visitor (decision stored, same context).
// Prints Markdown tables of medians with the ratio peer/ours and writes bench/results/latest.json.
//
// Usage: npm run bench            (builds first)
//        node bench/run.mjs [--runs 10] [--only instria,vanilla] [--rates 1,4] [--out file.json]
//        node bench/run.mjs --serve     (only serve the pages, to look at them)
//        node bench/run.mjs --from bench/results/latest.json --out bench/results/again.json  (tables again)
//        node bench/run.mjs --profile instria [--rates 1] [--dist DIR]   (where the time goes: CPU profile)
// It measures time: never part of `npm test`. Files are read once at start and served from
// memory by the tiny server below, so a rebuild during the run cannot change what is measured.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const RUNS = Number(arg('runs', 10));
const RATES = arg('rates', '1,4').split(',').map(Number);
const OUT = resolve(root, arg('out', 'bench/results/latest.json'));

// ---------------------------------------------------------------------------------------------
// Files: our build and the peers' own dist files (installed as devDependencies).

/** `--dist DIR`: measure another build of ours (e.g. one with readable names, for --profile). */
const DIST = arg('dist', 'dist');
const FILES = {
  '/dist/instria-consent.iife.js': `${DIST}/instria-consent.iife.js`,
  '/dist/instria-consent.ui.js': `${DIST}/instria-consent.ui.js`,
  '/dist/instria-consent.decisions.js': `${DIST}/instria-consent.decisions.js`,
  '/dist/instria-consent.all.iife.js': `${DIST}/instria-consent.all.iife.js`,
  '/peers/cookieconsent.umd.js': 'node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js',
  '/peers/cookieconsent.css': 'node_modules/vanilla-cookieconsent/dist/cookieconsent.css',
  '/peers/orejime-standard-en.js': 'node_modules/orejime/dist/orejime-standard-en.js',
  '/peers/orejime-standard.css': 'node_modules/orejime/dist/orejime-standard.css',
};
const missing = Object.values(FILES).filter((file) => !existsSync(resolve(root, file)));
if (missing.length) {
  console.error(`Missing ${missing.join(', ')}: run \`npm install\` and \`npm run build\` (or \`npm run bench\`).`);
  process.exit(1);
}
const version = (pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

/** Body and its compressed sizes, computed once per file (gzip -9, brotli quality 11). */
const body = new Map();
for (const [path, file] of Object.entries(FILES)) {
  const data = readFileSync(resolve(root, file));
  body.set(path, {
    data,
    type: path.endsWith('.css') ? 'css' : 'js',
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}

// The site's own analytics script: records when it ran. Not counted in any library's bytes.
const ANALYTICS = 'window.__bench&&(window.__bench.analytics=performance.now());';

// ---------------------------------------------------------------------------------------------
// One page per library. Each is configured as its docs show, equivalently: an essential and an
// analytics category, Accept / Reject / Customize on the first layer, the analytics script gated
// the library's own way, a footer link that reopens the preferences.

const PAGE = ({ head = '', gated, footer, tail = '' }) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Benchmark page</title>
<link rel="icon" href="data:,">
${head}
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0}header,main,footer{padding:1rem 2rem}</style>
</head>
<body>
<header><strong>Example shop</strong> · <a href="#">Products</a> · <a href="#">About</a></header>
<main>
<h1>A page like any other</h1>
<p>${'Some text that the visitor came for. '.repeat(12)}</p>
<p>${'More text, a second paragraph of the article. '.repeat(10)}</p>
</main>
${gated}
<footer>${footer}</footer>
${tail}
</body>
</html>`;

const VANILLA_CONFIG = {
  // Default true: it hides from navigator.webdriver, which Playwright sets. Real visitors see it.
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {} },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'We use cookies',
          description: 'We use cookies for analytics, only with your consent. <a href="/privacy">Privacy policy</a>',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Customize',
        },
        preferencesModal: {
          title: 'Cookie preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save my choices',
          closeIconLabel: 'Close',
          sections: [
            { title: 'Essential', description: 'Needed for the site to work.', linkedCategory: 'necessary' },
            { title: 'Analytics', description: 'Audience measurement.', linkedCategory: 'analytics' },
          ],
        },
      },
    },
  },
};

const OREJIME_CONFIG = {
  privacyPolicyUrl: '/privacy',
  purposes: [
    { id: 'essential', title: 'Essential', isMandatory: true },
    { id: 'analytics', title: 'Analytics', cookies: ['_ga', '_gid'] },
  ],
};

/**
 * `accept`/`reject`/`banner`: selectors of the first layer's buttons and of the banner, searched
 * in the document and in open shadow roots (Instria renders inside one).
 */
const LIBS = [
  {
    id: 'baseline',
    name: 'No CMP (baseline)',
    page: PAGE({ gated: '<script type="text/plain" src="/analytics.js"></script>', footer: '<a href="#">Cookie preferences</a>' }),
  },
  {
    id: 'instria',
    name: 'Instria Consent (script tag + UI chunk)',
    ours: true,
    page: PAGE({
      head: '<script src="/dist/instria-consent.iife.js" data-privacy-policy="/privacy"></script>',
      gated: '<script type="text/plain" data-consent="analytics" src="/analytics.js"></script>',
      footer: '<a href="#cookie-preferences" data-consent-open>Cookie preferences</a>',
    }),
    accept: '[data-part=banner] [data-part=accept]',
    reject: '[data-part=banner] [data-part=reject]',
    banner: '[data-part=banner]',
  },
  {
    id: 'instria-all',
    name: 'Instria Consent (all-in-one)',
    page: PAGE({
      head: '<script src="/dist/instria-consent.all.iife.js" data-privacy-policy="/privacy"></script>',
      gated: '<script type="text/plain" data-consent="analytics" src="/analytics.js"></script>',
      footer: '<a href="#cookie-preferences" data-consent-open>Cookie preferences</a>',
    }),
    accept: '[data-part=banner] [data-part=accept]',
    reject: '[data-part=banner] [data-part=reject]',
    banner: '[data-part=banner]',
  },
  {
    id: 'vanilla',
    name: `vanilla-cookieconsent ${version('vanilla-cookieconsent')}`,
    page: PAGE({
      head: '<link rel="stylesheet" href="/peers/cookieconsent.css">',
      gated: '<script type="text/plain" data-category="analytics" src="/analytics.js"></script>',
      footer: '<a href="#cookie-preferences" data-cc="show-preferencesModal">Cookie preferences</a>',
      // Its docs load it deferred / as a module: run() needs <body> (in <head> it throws).
      tail: `<script src="/peers/cookieconsent.umd.js"></script>\n<script>CookieConsent.run(${JSON.stringify(VANILLA_CONFIG)});</script>`,
    }),
    accept: '#cc-main .cm [data-role=all]',
    reject: '#cc-main .cm [data-role=necessary]',
    banner: '#cc-main .cm',
  },
  {
    id: 'orejime',
    name: `Orejime ${version('orejime')}`,
    page: PAGE({
      head:
        '<link rel="stylesheet" href="/peers/orejime-standard.css">\n' +
        `<script>window.orejimeConfig=${JSON.stringify(OREJIME_CONFIG)};</script>\n` +
        '<script src="/peers/orejime-standard-en.js"></script>',
      gated: '<template data-purpose="analytics"><script src="/analytics.js"></script></template>',
      footer: '<a href="#cookie-preferences" onclick="orejime.prompt();return false">Cookie preferences</a>',
    }),
    accept: '.orejime-Banner-saveButton',
    reject: '.orejime-Banner-declineButton',
    banner: '.orejime-Banner',
  },
];
const only = arg('only');
const libs = LIBS.filter((lib) => lib.id === 'baseline' || !only || only.split(',').includes(lib.id));
const ours = libs.find((lib) => lib.ours) ?? libs[1];

// ---------------------------------------------------------------------------------------------
// The server: pages and files from memory, on 127.0.0.1, no caching (every view downloads).

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const lib = LIBS.find((l) => path === `/${l.id}.html`);
  const file = body.get(path);
  const send = (type, data) => res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(data);
  if (lib) return send('text/html; charset=utf-8', lib.page);
  if (file) return send(`text/${file.type === 'css' ? 'css' : 'javascript'}; charset=utf-8`, file.data);
  if (path === '/analytics.js') return send('text/javascript; charset=utf-8', ANALYTICS);
  res.writeHead(404).end();
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;
if (process.argv.includes('--serve')) {
  // Look at the pages by hand: node bench/run.mjs --serve
  console.log(libs.map((lib) => `${origin}/${lib.id}.html`).join('\n'));
  await new Promise(() => {});
}

// ---------------------------------------------------------------------------------------------
// In-page probe, installed before any page script: long tasks, layout shifts, the frame where
// the banner's Accept button is first visible, and after a click the frame where the banner is
// gone (removed, display/visibility hidden or opacity 0: an exit animation counts as on screen).

function probe({ accept, banner, wait }) {
  const b = (window.__bench = { longtasks: [], cls: 0 });
  const observe = (type, fn) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true });
    } catch {}
  };
  observe('longtask', (e) => b.longtasks.push(e.duration));
  observe('layout-shift', (e) => {
    if (!e.hadRecentInput) b.cls += e.value;
  });
  const find = (selector) => {
    if (!selector) return null;
    const hit = document.querySelector(selector);
    if (hit) return hit;
    for (const host of document.querySelectorAll('instria-consent')) {
      const inner = host.shadowRoot && host.shadowRoot.querySelector(selector);
      if (inner) return inner;
    }
    return null;
  };
  // The probe's own wall time, kept in the JSON to show that it stays negligible. (Not taken out
  // of ScriptDuration: style and layout a check may force are not script time.)
  b.probeMs = 0;
  const shown = (el) => {
    const start = performance.now();
    try {
      if (!el || !el.isConnected || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    } finally {
      b.probeMs += performance.now() - start;
    }
  };
  b.shown = (which) => shown(find(which === 'accept' ? accept : banner));
  b.find = find;
  const loaded = new Promise((ok) => addEventListener('load', () => setTimeout(ok, 0)));
  // Checked just after each frame (a task queued from requestAnimationFrame runs after the
  // frame is rendered), when style and layout are clean: the check forces no extra work, and
  // the time is when the frame showing the change was produced.
  const frames = (until) =>
    new Promise((ok) => {
      const check = () => (until() ? ok(performance.now()) : requestAnimationFrame(tick));
      const tick = () => setTimeout(check, 0);
      requestAnimationFrame(tick);
    });
  // 'banner': resolves at the first frame showing Accept; 'load': after the load event.
  b.ready = wait === 'banner' ? frames(() => shown(find(accept))).then((t) => (b.visible = t)) : loaded;
  addEventListener(
    'click',
    (event) => {
      b.click = event.timeStamp;
      b.gone = frames(() => !shown(find(banner))).then((t) => (b.hidden = t));
    },
    true,
  );
  const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
  // Never waits forever for a banner that does not come (the harness then reports it).
  b.settle = (ms) => Promise.race([Promise.all([b.ready, loaded]), sleep(40 * ms)]).then(() => sleep(ms));
}

/** Nodes of a CDP DOM tree, shadow roots, template contents and frames included. */
function countNodes(node) {
  let n = 1;
  for (const key of ['children', 'shadowRoots', 'pseudoElements']) for (const child of node[key] ?? []) n += countNodes(child);
  if (node.templateContent) n += countNodes(node.templateContent);
  if (node.contentDocument) n += countNodes(node.contentDocument);
  return n;
}

/** Opens `lib`'s page in `context` at `rate`× CPU slowdown and measures the load. */
async function view(context, lib, rate, wait) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const fetched = [];
  page.on('response', (response) => fetched.push(new URL(response.url()).pathname));
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(probe, { accept: lib.accept, banner: lib.banner, wait });
  await page.goto(`${origin}/${lib.id}.html`);
  // Settle: time for work scheduled after the banner (idle callbacks, timers) to be counted.
  await page.evaluate((ms) => window.__bench.settle(ms), 300 * rate);
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const { root: tree } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const probeData = await page.evaluate(() => {
    const b = window.__bench;
    return { visible: b.visible ?? null, longtasks: b.longtasks, cls: b.cls, probeMs: b.probeMs, bannerShown: b.shown('accept') };
  });
  const files = fetched.filter((path) => body.has(path));
  const sum = (key) => files.reduce((total, path) => total + body.get(path)[key], 0);
  const bytes = {
    raw: sum('raw'),
    gzip: sum('gzip'),
    brotli: sum('brotli'),
    jsBrotli: files.filter((p) => body.get(p).type === 'js').reduce((t, p) => t + body.get(p).brotli, 0),
    cssBrotli: files.filter((p) => body.get(p).type === 'css').reduce((t, p) => t + body.get(p).brotli, 0),
  };
  return {
    page,
    cdp,
    errors,
    result: {
      files,
      bytes,
      visible: probeData.visible,
      bannerShown: probeData.bannerShown,
      scripting: metrics.ScriptDuration * 1000,
      probeMs: probeData.probeMs,
      task: metrics.TaskDuration * 1000,
      longtasks: probeData.longtasks.length,
      longtaskMs: probeData.longtasks.reduce((a, b) => a + b, 0),
      cls: probeData.cls,
      nodes: countNodes(tree),
      analyticsAtLoad: await page.evaluate(() => window.__bench.analytics !== undefined),
    },
  };
}

/** Clicks the first layer's `choice` button (a real mouse event) and times what follows. */
async function decide(page, lib, choice, rate) {
  const box = await page.evaluate((selector) => {
    const r = window.__bench.find(selector).getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, lib[choice]);
  await page.mouse.click(box.x, box.y);
  return page.evaluate(
    async ({ wait }) => {
      const b = window.__bench;
      await Promise.race([b.gone, new Promise((ok) => setTimeout(ok, 5000))]);
      const until = performance.now() + wait;
      while (b.analytics === undefined && performance.now() < until) await new Promise((ok) => setTimeout(ok, 10));
      return {
        hidden: b.hidden === undefined ? null : b.hidden - b.click,
        analytics: b.analytics === undefined ? null : b.analytics - b.click,
      };
    },
    // After Reject, give a script that wrongly loads time to run: 400 ms per CPU slowdown step.
    { wait: (choice === 'accept' ? 3000 : 400) * rate },
  );
}

/** One fresh visitor: first view, a choice, then a returning view in the same context. */
async function sample(browser, lib, rate, choice) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  try {
    const first = await view(context, lib, rate, lib.accept ? 'banner' : 'load');
    const out = { lib: lib.id, rate, choice, first: first.result, errors: first.errors };
    if (lib.accept) {
      if (first.result.visible === null) throw new Error(`${lib.id}: banner not visible`);
      out.click = await decide(first.page, lib, choice, rate);
    }
    await first.page.close();
    const back = await view(context, lib, rate, 'load');
    out.returning = back.result;
    out.errors.push(...back.errors);
    return out;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Where the time goes: `--profile instria` records a CPU profile (CDP Profiler, 100 µs samples)
// of the first view and of the returning view, prints the functions with the most self time
// and writes bench/results/<lib>-<view>.cpuprofile (open it in Chrome DevTools → Performance).

async function profile(browser, lib, rate) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  for (const which of ['first', 'returning']) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await page.addInitScript(probe, { accept: lib.accept, banner: lib.banner, wait: which === 'first' ? 'banner' : 'load' });
    await cdp.send('Profiler.start');
    await page.goto(`${origin}/${lib.id}.html`);
    await page.evaluate((ms) => window.__bench.settle(ms), 300 * rate);
    report(lib, which, rate, (await cdp.send('Profiler.stop')).profile);
    if (which === 'first') {
      await cdp.send('Profiler.start');
      const click = await decide(page, lib, 'accept', rate);
      report(lib, `accept click (banner gone after ${Math.round(click.hidden)} ms)`, rate, (await cdp.send('Profiler.stop')).profile);
    }
    await page.close();
  }
  await context.close();
}

/** Prints a CPU profile's functions with the most self time and writes it to a file. */
function report(lib, which, rate, data) {
  {
    const file = join(dirname(OUT), `${lib.id}-${which.split(' ')[0]}.cpuprofile`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(data));
    const dt = new Map(data.samples.map((id, i) => [i, data.timeDeltas[i] ?? 0]));
    const self = new Map();
    data.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + dt.get(i)));
    const rows = new Map();
    for (const node of data.nodes) {
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      if (['(idle)', '(program)', '(root)'].includes(functionName)) continue;
      const key = `${functionName || '(anonymous)'} ${url ? `${new URL(url, origin).pathname}:${lineNumber + 1}:${columnNumber + 1}` : ''}`;
      rows.set(key, (rows.get(key) ?? 0) + (self.get(node.id) ?? 0) / 1000);
    }
    const top = [...rows].sort((a, b) => b[1] - a[1]).slice(0, 15);
    const total = [...rows.values()].reduce((a, b) => a + b, 0);
    console.log(`\n${lib.name}, ${which} view, ${rate}×: ${total.toFixed(1)} ms of samples outside idle → ${file}`);
    for (const [key, time] of top) console.log(`${time.toFixed(1).padStart(7)} ms  ${key}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Run: per iteration and rate, every library once, starting with a different one each time.

// `--from results.json`: no browser, only the tables again from a previous run's samples.
const FROM = arg('from') ? JSON.parse(readFileSync(resolve(arg('from')), 'utf8')) : null;
const started = Date.now();
const samples = FROM?.samples ?? [];
const failures = FROM?.failures ?? [];
let chromiumVersion = FROM?.machine.chromium;
if (FROM) server.close();
else {
const browser = await chromium.launch({
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
chromiumVersion = browser.version();
if (arg('profile')) {
  const lib = LIBS.find((l) => l.id === arg('profile'));
  if (!lib) throw new Error(`--profile: one of ${LIBS.map((l) => l.id).join(', ')}`);
  await profile(browser, lib, RATES.at(-1));
  await browser.close();
  server.close();
  process.exit(0);
}
try {
  for (let i = 0; i < RUNS; i++) {
    for (const rate of RATES) {
      for (let k = 0; k < libs.length; k++) {
        const lib = libs[(i + k) % libs.length];
        const choice = i % 2 ? 'reject' : 'accept';
        // One failed load (a banner that never showed on an overloaded machine) is reported,
        // not fatal: the medians then rest on one load fewer, which the table's count shows.
        try {
          samples.push(await sample(browser, lib, rate, choice));
        } catch (error) {
          failures.push({ lib: lib.id, rate, choice, error: String(error?.message ?? error) });
          process.stderr.write(`${lib.id} ${rate}× ${choice}: ${failures.at(-1).error}\n`);
        }
        if (process.env.BENCH_DEBUG) console.error(JSON.stringify(samples.at(-1)));
      }
    }
    process.stderr.write(`run ${i + 1}/${RUNS} done (${Math.round((Date.now() - started) / 1000)} s)\n`);
  }
} finally {
  await browser.close().catch(() => {});
  server.close();
}

}

// ---------------------------------------------------------------------------------------------
// Summary: medians; "added" = library median minus baseline median, same rate.

const median = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};
const pick = (lib, rate, fn, choice) =>
  median(samples.filter((s) => s.lib === lib && s.rate === rate && (!choice || s.choice === choice)).map(fn));

const summary = {};
for (const lib of libs) {
  const s = (summary[lib.id] = { name: lib.name });
  const one = samples.find((x) => x.lib === lib.id);
  if (!one) throw new Error(`${lib.id}: every load failed (${failures.find((f) => f.lib === lib.id)?.error})`);
  s.files = one.first.files;
  s.bytes = one.first.bytes;
  s.returningFiles = one.returning.files;
  s.returningBytes = one.returning.bytes;
  s.errors = [...new Set(samples.filter((x) => x.lib === lib.id).flatMap((x) => x.errors))];
  for (const rate of RATES) {
    const r = (s[`x${rate}`] = {});
    const added = (fn, choice) => {
      const a = pick(lib.id, rate, fn, choice);
      const b = pick('baseline', rate, fn);
      return a === null || b === null ? null : a - b;
    };
    r.visible = pick(lib.id, rate, (x) => x.first.visible);
    r.scriptingAdded = added((x) => x.first.scripting);
    r.taskAdded = added((x) => x.first.task);
    r.longtasksAdded = added((x) => x.first.longtasks);
    r.cls = pick(lib.id, rate, (x) => x.first.cls);
    r.nodesAdded = added((x) => x.first.nodes);
    r.acceptHidden = pick(lib.id, rate, (x) => x.click?.hidden, 'accept');
    r.rejectHidden = pick(lib.id, rate, (x) => x.click?.hidden, 'reject');
    r.acceptAnalytics = pick(lib.id, rate, (x) => x.click?.analytics, 'accept');
    const rejects = samples.filter((x) => x.lib === lib.id && x.rate === rate && x.choice === 'reject' && x.click);
    r.rejectAnalyticsRan = rejects.filter((x) => x.click.analytics !== null).length;
    r.rejectSamples = rejects.length;
    r.analyticsBeforeChoice = samples.filter((x) => x.lib === lib.id && x.rate === rate && x.first.analyticsAtLoad).length;
    r.returningScriptingAdded = added((x) => x.returning.scripting);
    r.returningLongtasksAdded = added((x) => x.returning.longtasks);
    r.returningBannerShown = samples.filter((x) => x.lib === lib.id && x.rate === rate && x.returning.bannerShown).length;
    r.loads = samples.filter((x) => x.lib === lib.id && x.rate === rate).length;
  }
}

// ---------------------------------------------------------------------------------------------
// Markdown.

const kB = (n) => (n === null ? '—' : `${(n / 1000).toFixed(2)} kB`);
const ms = (n) => (n === null ? '—' : `${Math.round(n)} ms`);
const num = (n, digits = 0) => (n === null ? '—' : n.toFixed(digits));
/** Value, and for peers its ratio to ours when both are meaningful (ours > 0). */
const cell = (lib, value, ourValue, format) => {
  const text = format(value);
  if (lib.id === ours.id || lib.id === 'baseline' || lib.id.startsWith('instria') || value === null || value <= 0 || !ourValue || ourValue <= 0.5) return text;
  return `${text} (${(value / ourValue).toFixed(1)}×)`;
};
const peers = libs.filter((lib) => lib.id !== 'baseline');
const row = (cells) => `| ${cells.join(' | ')} |`;
const table = (head, rows) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
const O = summary[ours.id];
const hi = RATES.includes(4) ? 4 : Math.max(...RATES);
const lo = RATES.includes(1) ? 1 : Math.min(...RATES);

const bytesTable = table(
  ['Library', 'JS+CSS raw', 'gzip', 'brotli', 'of which CSS (br)', 'returning visitor (br)', 'files fetched (first / returning)'],
  peers.map((lib) => {
    const s = summary[lib.id];
    return [
      lib.name,
      kB(s.bytes.raw),
      kB(s.bytes.gzip),
      cell(lib, s.bytes.brotli, O.bytes.brotli, kB),
      lib.id.startsWith('instria') ? 'in the JS' : kB(s.bytes.cssBrotli),
      cell(lib, s.returningBytes.brotli, O.returningBytes.brotli, kB),
      `${s.files.length} / ${s.returningFiles.length}`,
    ];
  }),
);
/** "lo / hi" for a metric at both rates, e.g. "127 / 432 ms (1.6× / 1.1×)" (ratios for peers). */
const pair = (lib, get, unit = ' ms', digits = 0) => {
  const s = summary[lib.id];
  const [a, b] = [get(s[`x${lo}`]), get(s[`x${hi}`])];
  const [oa, ob] = [get(O[`x${lo}`]), get(O[`x${hi}`])];
  const text = lo === hi ? `${num(a, digits)}${unit}` : `${num(a, digits)} / ${num(b, digits)}${unit}`;
  const ratio = (v, o) => (v !== null && v > 0 && o !== null && o > 0.5 ? `${(v / o).toFixed(1)}×` : '–');
  if (lib.id.startsWith('instria') || !unit || (a === null && b === null)) return text; // counts: no ratio
  return lo === hi ? `${text} (${ratio(a, oa)})` : `${text} (${ratio(a, oa)} / ${ratio(b, ob)})`;
};
const rates = lo === hi ? `${lo}×` : `${lo}× / ${hi}×`;
const firstTable = table(
  [
    'Library',
    `banner visible ${rates}`,
    `scripting added ${rates}`,
    `long tasks added ${rates}`,
    'CLS',
    'DOM nodes added',
    `Accept → banner gone ${rates}`,
    `Reject → banner gone ${rates}`,
    `Accept → analytics ran ${rates}`,
    'Reject: analytics ran',
  ],
  peers.map((lib) => {
    const s = summary[lib.id];
    return [
      lib.name,
      pair(lib, (r) => r.visible),
      pair(lib, (r) => r.scriptingAdded),
      pair(lib, (r) => r.longtasksAdded, ''),
      num(Math.max(...RATES.map((r) => s[`x${r}`].cls ?? 0)), 3),
      cell(lib, s[`x${lo}`].nodesAdded, O[`x${lo}`].nodesAdded, (n) => num(n)),
      pair(lib, (r) => r.acceptHidden),
      pair(lib, (r) => r.rejectHidden),
      pair(lib, (r) => r.acceptAnalytics),
      `${RATES.reduce((t, r) => t + s[`x${r}`].rejectAnalyticsRan, 0)} of ${RATES.reduce((t, r) => t + s[`x${r}`].rejectSamples, 0)}`,
    ];
  }),
);
const backTable = table(
  ['Library', 'bytes (br)', `scripting added ${rates}`, `long tasks added ${rates}`, 'UI fetched', 'banner shown again'],
  peers.map((lib) => {
    const s = summary[lib.id];
    return [
      lib.name,
      cell(lib, s.returningBytes.brotli, O.returningBytes.brotli, kB),
      pair(lib, (r) => r.returningScriptingAdded),
      pair(lib, (r) => r.returningLongtasksAdded, ''),
      lib.id === 'instria' ? (s.returningFiles.includes('/dist/instria-consent.ui.js') ? 'yes' : 'no') : '—',
      `${RATES.reduce((t, r) => t + s[`x${r}`].returningBannerShown, 0)} of ${RATES.reduce((t, r) => t + s[`x${r}`].loads, 0)}`,
    ];
  }),
);

const machine = {
  ...FROM?.machine,
  date: FROM?.machine.date ?? new Date().toISOString(),
  cpus: `${cpus().length} × ${cpus()[0]?.model?.trim() ?? 'unknown CPU'}`,
  os: `${process.platform} ${release()}`,
  node: process.version,
  chromium: chromiumVersion,
  runs: FROM?.machine.runs ?? RUNS,
  rates: RATES,
  seconds: FROM?.machine.seconds ?? Math.round((Date.now() - started) / 1000),
};
const markdown = [
  `Date ${machine.date.slice(0, 10)} · ${machine.cpus} · Node ${machine.node} · Chromium ${machine.chromium} · ` +
    `${machine.runs} fresh loads per library and rate (medians) · ${machine.seconds} s`,
  '',
  `**Bytes per page view** (the JS and CSS files each view fetched; ratio peer / Instria split in parentheses)`,
  '',
  bytesTable,
  '',
  `**First visit** (no decision stored; times from navigation; "added" is over the no-CMP page)`,
  '',
  firstTable,
  '',
  `**Returning visitor** (decision stored, same context; every view downloads again: no-store)`,
  '',
  backTable,
].join('\n');

const errors = peers.flatMap((lib) => summary[lib.id].errors.map((e) => `${lib.id}: ${e}`));
console.log(markdown);
if (errors.length) console.log(`\nPage errors:\n${errors.join('\n')}`);
mkdirSync(dirname(OUT), { recursive: true });
if (failures.length) console.log(`\nFailed loads (left out): ${failures.map((f) => `${f.lib} ${f.rate}× ${f.choice}: ${f.error}`).join('; ')}`);
writeFileSync(OUT, `${JSON.stringify({ machine, summary, markdown, samples, failures }, null, 1)}\n`);
writeFileSync(OUT.replace(/\.json$/, '.md'), `${markdown}\n`);
console.error(`\nWrote ${OUT}`);
