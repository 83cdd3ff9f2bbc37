// Where the time goes: `--profile [lib]` records CPU profiles (CDP Profiler, 100 µs samples) of
// a first view, its Accept click and a returning view at the highest rate (4× by default), for
// `--loads` visitors (default 1), prints the functions of our files with the most self time
// (means) and writes bench/results/<lib>-<view>[-<n>].cpuprofile (open one in Chrome DevTools
// → Performance).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decide } from './measure.mjs';
import { probe } from './probe.mjs';

/**
 * Builds our bundles with readable names (esbuild's syntax and whitespace minification, no
 * renaming, no terser) into `outDir`, so a profile names functions as the source does. Same
 * entries, plugins and defines as `npm run build` (tsup.config.ts, whose options this overrides).
 */
export async function readableBuild(root, outDir) {
  const { build } = await import('tsup');
  const cwd = process.cwd();
  process.chdir(root);
  try {
    await build({ minify: false, minifySyntax: true, minifyWhitespace: true, outDir: resolve(root, outDir), dts: false, silent: true });
  } finally {
    process.chdir(cwd);
  }
}

/**
 * Profiles `loads` visitors of `lib` at `rate`× CPU: for each, its first view, its Accept click and
 * its returning view (same context). Writes every profile to `outDir` and prints, per view, the
 * mean over the visitors of the self time in our files and of their top functions.
 */
export async function profile(browser, lib, { origin, rate, outDir, loads }) {
  const views = new Map();
  for (let n = 1; n <= loads; n++) {
    for (const [which, data] of Object.entries(await profileVisitor(browser, lib, origin, rate))) {
      const file = join(outDir, `${lib.id}-${which}${loads > 1 ? `-${n}` : ''}.cpuprofile`);
      mkdirSync(outDir, { recursive: true });
      writeFileSync(file, JSON.stringify(data));
      views.set(which, [...(views.get(which) ?? []), { file, rows: selfTimes(data) }]);
    }
  }
  for (const [which, list] of views) report(`${lib.name}, ${which}, CPU ${rate}×`, list);
}

/** One visitor's profiles: `first` (to the banner, settled), `accept` (the click), `returning`. */
async function profileVisitor(browser, lib, origin, rate) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  const out = {};
  try {
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
      out[which] = (await cdp.send('Profiler.stop')).profile;
      if (which === 'first') {
        await cdp.send('Profiler.start');
        await decide(page, lib, 'accept', rate);
        out.accept = (await cdp.send('Profiler.stop')).profile;
      }
      await page.close();
    }
    return out;
  } finally {
    await context.close();
  }
}

/**
 * Self time per function (ms) in a CDP CPU profile, keyed "name path:line:column". A sample
 * lasts until the next one (as DevTools counts: with CPU throttling they are far apart). An
 * anonymous function is named after its nearest named caller; a native function (a DOM call:
 * `appendChild`, the `document.cookie` getter…) counts for the script that called it.
 */
export function selfTimes(data) {
  const self = new Map();
  data.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (data.timeDeltas[i + 1] ?? 0) / 1000));
  const parent = new Map(data.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node])));
  const where = (node) => {
    const { functionName, url, lineNumber, columnNumber, scriptId } = node.callFrame;
    const up = parent.get(node.id);
    if (!url && scriptId === '0' && up && !functionName.startsWith('(')) {
      const caller = where(up);
      return { ...caller, name: `${functionName} (native, from ${caller.name})` };
    }
    // An anonymous function: "(anonymous in safe ← hasLeftovers)", its two nearest named callers.
    const callers = [];
    for (let at = up; !functionName && at && callers.length < 2; at = parent.get(at.id))
      if (/^[^(]/.test(at.callFrame.functionName)) callers.push(at.callFrame.functionName);
    const name = functionName || (callers.length ? `(anonymous in ${callers.join(' ← ')})` : '');
    const path = url ? new URL(url).pathname : '';
    return { name: name || '(anonymous)', path, at: path ? `${path}:${lineNumber + 1}:${columnNumber + 1}` : '' };
  };
  const rows = new Map();
  for (const node of data.nodes) {
    if (['(idle)', '(program)', '(root)'].includes(node.callFrame.functionName) || !self.get(node.id)) continue;
    const { name, path, at } = where(node);
    const key = `${name} ${at}`.trim();
    rows.set(key, { path, ms: (rows.get(key)?.ms ?? 0) + self.get(node.id) });
  }
  return rows;
}

/**
 * Prints, as means over the profiles in `list`: the total outside idle, the self time in our
 * files (by URL: the `/dist/instria-consent.*` files), their 15 functions with the most self
 * time, and the 3 largest elsewhere (the browser, the probe, Playwright's own scripts).
 */
function report(title, list) {
  const mean = new Map();
  for (const { rows } of list) for (const [key, row] of rows) mean.set(key, { path: row.path, ms: (mean.get(key)?.ms ?? 0) + row.ms / list.length });
  const rows = [...mean].sort((a, b) => b[1].ms - a[1].ms);
  const isOurs = ([, row]) => row.path.startsWith('/dist/instria-consent');
  const total = (part) => part.reduce((t, [, row]) => t + row.ms, 0).toFixed(1);
  const ours = rows.filter(isOurs);
  const files = list.length > 1 ? `${list.length} profiles, ${list[0].file.replace(/-1\.cpuprofile$/, '-*.cpuprofile')}` : list[0].file;
  console.log(`\n${title}: ${total(rows)} ms of samples outside idle, ${total(ours)} ms of it in our files (mean of ${files})`);
  for (const [key, row] of ours.slice(0, 15)) console.log(`${row.ms.toFixed(1).padStart(7)} ms  ${key}`);
  const elsewhere = rows.filter((row) => !isOurs(row)).slice(0, 3);
  console.log(`  largest elsewhere: ${elsewhere.map(([key, row]) => `${key} ${row.ms.toFixed(1)} ms`).join(' · ')}`);
}
