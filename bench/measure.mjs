// One visitor's page views, measured in Chromium through Playwright and CDP: the first view
// (banner), a click on Accept or Reject, then the returning view in the same context.
import { countNodes, probe } from './probe.mjs';

/**
 * The network scenario's conditions (CDP `Network.emulateNetworkConditions`): 150 ms added to
 * every request, 1.6 Mbit/s down, 750 kbit/s up, the throughput of DevTools' "Fast 3G" preset.
 * https://chromedevtools.github.io/devtools-protocol/tot/Network/#method-emulateNetworkConditions
 */
export const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

/**
 * Opens `lib`'s page in `context` at `rate`× CPU slowdown (and, with `network`, through the
 * emulated network) and measures the view. `wait`: 'banner' waits for
 * the first frame showing Accept, 'load' for the load event.
 */
export async function view(context, lib, { origin, body, rate = 1, network = false, wait }) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (network) {
    // No cache to turn off: each view of this scenario has a fresh context (a cold cache). CDP's
    // setCacheDisabled would also keep the page from using its own preloads.
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
  }
  const fetched = [];
  page.on('response', (response) => fetched.push(new URL(response.url()).pathname));
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(probe, { accept: lib.accept, banner: lib.banner, wait });
  await page.goto(`${origin}/${lib.id}.html`);
  // Settle: time for work scheduled after the banner (idle callbacks, timers) to be counted.
  await page.evaluate((ms) => window.__bench.settle(ms), 300 * rate);
  const files = fetched.filter((path) => body.has(path));
  return { page, cdp, errors, result: { files, ...(await collect(page, cdp, lib, files, body)) } };
}

/** What a settled view measured: the probe's data, CDP metrics, Resource Timing. */
async function collect(page, cdp, lib, files, body) {
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const { root: tree } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const paths = [...body.keys()];
  const probed = await page.evaluate(
    ({ script, paths }) => {
      const b = window.__bench;
      const resources = performance.getEntriesByType('resource');
      const entry = script && resources.find((e) => new URL(e.name).pathname === script);
      // encodedBodySize: the body as it came over the wire (brotli when the server compressed).
      const transferred = resources.filter((e) => paths.includes(new URL(e.name).pathname)).reduce((t, e) => t + e.encodedBodySize, 0);
      const [navigation] = performance.getEntriesByType('navigation');
      // Our first on-demand file (the UI file): when its request started.
      const onDemand = resources.filter((e) => /\/instria-consent\.(ui|decisions)\.js$/.test(new URL(e.name).pathname)).map((e) => e.startTime);
      return {
        visible: b.visible ?? null,
        libraryLoaded: entry ? entry.responseEnd : null,
        onDemandStarted: onDemand.length ? Math.min(...onDemand) : null,
        loaded: navigation ? navigation.loadEventStart : null,
        analytics: b.analytics ?? null,
        transferred,
        longtasks: b.longtasks,
        cls: b.cls,
        probeMs: b.probeMs,
        bannerShown: b.shown('accept'),
      };
    },
    { script: lib.script, paths },
  );
  const sum = (key, type) => files.filter((p) => !type || body.get(p).type === type).reduce((t, p) => t + body.get(p)[key], 0);
  return {
    bytes: { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli'), jsBrotli: sum('brotli', 'js'), cssBrotli: sum('brotli', 'css'), transferred: probed.transferred },
    visible: probed.visible,
    libraryLoaded: probed.libraryLoaded,
    onDemandStarted: probed.onDemandStarted,
    loaded: probed.loaded,
    analyticsRan: probed.analytics,
    bannerShown: probed.bannerShown,
    scripting: metrics.ScriptDuration * 1000,
    probeMs: probed.probeMs,
    task: metrics.TaskDuration * 1000,
    longtasks: probed.longtasks.length,
    longtaskMs: probed.longtasks.reduce((a, b) => a + b, 0),
    cls: probed.cls,
    nodes: countNodes(tree),
    analyticsAtLoad: probed.analytics !== null,
  };
}

/** Clicks the first layer's `choice` button (a real mouse event) and times what follows. */
export async function decide(page, lib, choice, rate) {
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

const CONTEXT = { viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 };

/**
 * One fresh visitor (a new context): first view, a choice, then a returning view. `scenario`:
 * 'cpu' (localhost at `rate`; the returning view in the same context, every file `no-store`) or
 * 'network' (emulated network, 1×; the returning view in a new context with the first one's
 * cookies and storage: a decision stored, a cold cache).
 */
export async function sample(browser, lib, { scenario, rate, choice, origin, body }) {
  const network = scenario === 'network';
  const options = { origin, body, rate, network };
  const contexts = [await browser.newContext(CONTEXT)];
  try {
    const first = await view(contexts[0], lib, { ...options, wait: lib.accept ? 'banner' : 'load' });
    const out = { scenario, lib: lib.id, rate, choice, first: first.result, errors: first.errors };
    if (lib.accept) {
      if (first.result.visible === null) throw new Error(`${lib.id}: banner not visible`);
      out.click = await decide(first.page, lib, choice, rate);
    }
    await first.page.close();
    if (network) contexts.push(await browser.newContext({ ...CONTEXT, storageState: await contexts[0].storageState() }));
    const back = await view(contexts.at(-1), lib, { ...options, wait: 'load' });
    out.returning = back.result;
    out.errors.push(...back.errors);
    return out;
  } finally {
    for (const context of contexts) await context.close();
  }
}
