// Where the time goes: `--profile [lib]` records CPU profiles (CDP Profiler, 100 µs samples) of
// a first view, its Accept click and a returning view at the highest rate (4× by default), for
// `--loads` visitors (default 1), prints the functions of our files with the most self time
// (means) and writes bench/results/<lib>-<view>[-<n>].cpuprofile (open one in Chrome DevTools
// → Performance).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { decide } from './measure.mjs';
import { probe } from './probe.mjs';

/**
 * Builds our bundles with readable names and lines (esbuild's syntax minification only: no
 * renaming, no terser) and source maps into `outDir`, so a profile names functions and source
 * lines as the source does. Same entries, plugins and defines as `npm run build`
 * (tsup.config.ts, whose options this overrides).
 */
export async function readableBuild(root, outDir) {
  const { build } = await import('tsup');
  const cwd = process.cwd();
  process.chdir(root);
  try {
    await build({ minify: false, minifySyntax: true, sourcemap: true, outDir: resolve(root, outDir), dts: false, silent: true });
  } finally {
    process.chdir(cwd);
  }
}

/**
 * Profiles `loads` visitors of `lib` at `rate`× CPU: for each, its first view, its Accept click and
 * its returning view (same context). Writes every profile to `outDir` and prints, per view, the
 * mean over the visitors of the self time in our files and of their top functions.
 */
export async function profile(browser, lib, { origin, rate, outDir, loads, locate, choice = 'accept' }) {
  const views = new Map();
  for (let n = 1; n <= loads; n++) {
    for (const [which, data] of Object.entries(await profileVisitor(browser, lib, origin, rate, choice))) {
      const file = join(outDir, `${lib.id}-${which}${loads > 1 ? `-${n}` : ''}.cpuprofile`);
      mkdirSync(outDir, { recursive: true });
      writeFileSync(file, JSON.stringify(data));
      views.set(which, [...(views.get(which) ?? []), { file, rows: selfTimes(data, locate) }]);
    }
  }
  for (const [which, list] of views) report(`${lib.name}, ${which}, CPU ${rate}×`, list);
}

/**
 * One visitor's profiles: `first` (to the banner, settled), `accept` or `reject` (the click,
 * `choice`), `returning` (after that choice: a refused category makes other work).
 */
async function profileVisitor(browser, lib, origin, rate, choice) {
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
        await decide(page, lib, choice, rate);
        out[choice] = (await cdp.send('Profiler.stop')).profile;
      }
      await page.close();
    }
    return out;
  } finally {
    await context.close();
  }
}

/**
 * Maps a position (zero-based) in one of our served files to its source, "src/core/engine.ts:120",
 * through the build's source map; the served position when there is none. `column` null: the
 * line's first statement.
 */
export function locator(root, dist) {
  const cache = new Map();
  const load = (path) => {
    if (!cache.has(path)) {
      const file = resolve(root, dist, basename(path));
      try {
        const map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
        cache.set(path, { map, lines: readFileSync(file, 'utf8').split('\n') });
      } catch {
        cache.set(path, null);
      }
    }
    return cache.get(path);
  };
  return (path, line, column) => {
    const served = `${path}:${line + 1}${column === null ? '' : `:${column + 1}`}`;
    const file = path.startsWith('/dist/') ? load(path) : null;
    const hit = file?.map.findEntry(line, Math.max(column ?? file.lines[line]?.search(/\S/) ?? 0, 0));
    if (!hit?.originalSource) return served;
    return `${hit.originalSource.replace(/^.*?(?=\bsrc\/|\bnode_modules\/)/, '').replace(/^node_modules\//, '')}:${hit.originalLine + 1}`;
  };
}

/**
 * The longest a sample counts for (µs). Samples are taken every 100 µs of the page's time (0.4 ms
 * at 4×); a longer gap is the machine's, not the page's (a loaded machine deschedules the
 * renderer for tens of ms), and counted in full it would go to whichever function came before.
 */
const MAX_SAMPLE_US = 2000;

/**
 * Self time per function (ms) in a CDP CPU profile, keyed "name where", each with its time per
 * source line (`lines`, from the profile's position ticks). A sample lasts until the next one,
 * as DevTools counts, at most MAX_SAMPLE_US. An anonymous function is named
 * after its nearest named callers; a native function (a DOM call: `appendChild`, the
 * `document.cookie` getter…) counts for the function that called it.
 */
export function selfTimes(data, locate = (path, line, column) => `${path}:${line + 1}:${(column ?? 0) + 1}`) {
  const self = new Map();
  const last = (i) => Math.min(data.timeDeltas[i + 1] ?? 0, MAX_SAMPLE_US) / 1000;
  data.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + last(i)));
  const parent = new Map(data.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node])));
  const where = (node) => {
    const { functionName, url, lineNumber, columnNumber, scriptId } = node.callFrame;
    const up = parent.get(node.id);
    if (!url && scriptId === '0' && up && !functionName.startsWith('(')) {
      const caller = where(up);
      return { ...caller, name: `${functionName} (native, from ${caller.name})`, native: true };
    }
    // An anonymous function: "(anonymous in safe ← hasLeftovers)", its two nearest named callers.
    const callers = [];
    for (let at = up; !functionName && at && callers.length < 2; at = parent.get(at.id))
      if (/^[^(]/.test(at.callFrame.functionName)) callers.push(at.callFrame.functionName);
    const name = functionName || (callers.length ? `(anonymous in ${callers.join(' ← ')})` : '(anonymous)');
    const path = url ? new URL(url).pathname : '';
    return { name, path, at: path ? locate(path, lineNumber, columnNumber) : '' };
  };
  const rows = new Map();
  for (const node of data.nodes) {
    const ms = self.get(node.id);
    if (['(idle)', '(program)', '(root)'].includes(node.callFrame.functionName) || !ms) continue;
    const { name, path, at, native } = where(node);
    const key = `${name} ${at}`.trim();
    const row = rows.get(key) ?? { path, ms: 0, lines: new Map() };
    row.ms += ms;
    const ticks = native ? [] : node.positionTicks ?? [];
    const all = ticks.reduce((t, tick) => t + tick.ticks, 0);
    for (const tick of ticks) {
      const line = locate(path, tick.line - 1, null);
      row.lines.set(line, (row.lines.get(line) ?? 0) + (ms * tick.ticks) / all);
    }
    rows.set(key, row);
  }
  return rows;
}

/**
 * Prints, as means over the profiles in `list`: the total outside idle, the self time in our
 * files (by URL: the `/dist/instria-consent.*` files), their 15 functions with the most self
 * time (with the source line where most of it went), and the 3 largest elsewhere (the browser,
 * the probe, Playwright's own scripts).
 */
function report(title, list) {
  const mean = new Map();
  for (const { rows } of list) {
    for (const [key, row] of rows) {
      const sum = mean.get(key) ?? { path: row.path, ms: 0, lines: new Map() };
      sum.ms += row.ms / list.length;
      for (const [line, ms] of row.lines) sum.lines.set(line, (sum.lines.get(line) ?? 0) + ms / list.length);
      mean.set(key, sum);
    }
  }
  const rows = [...mean].sort((a, b) => b[1].ms - a[1].ms);
  const isOurs = ([, row]) => row.path.startsWith('/dist/instria-consent');
  const total = (part) => part.reduce((t, [, row]) => t + row.ms, 0).toFixed(1);
  const ours = rows.filter(isOurs);
  const files = list.length > 1 ? `${list.length} profiles, ${list[0].file.replace(/-1\.cpuprofile$/, '-*.cpuprofile')}` : list[0].file;
  console.log(`\n${title}: ${total(rows)} ms of samples outside idle, ${total(ours)} ms of it in our files (mean of ${files})`);
  for (const [key, row] of ours.slice(0, 15)) {
    const [line, ms] = [...row.lines].sort((a, b) => b[1] - a[1])[0] ?? [];
    const hottest = row.lines.size > 1 ? `  (most at ${line}: ${ms.toFixed(1)} ms)` : '';
    console.log(`${row.ms.toFixed(1).padStart(7)} ms  ${key}${hottest}`);
  }
  const elsewhere = rows.filter((row) => !isOurs(row)).slice(0, 3);
  console.log(`  largest elsewhere: ${elsewhere.map(([key, row]) => `${key} ${row.ms.toFixed(1)} ms`).join(' · ')}`);
}
