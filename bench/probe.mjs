// In-page probe, installed before any page script: long tasks, layout shifts, the frame where
// the banner's Accept button is first visible, and after a click the frame where the banner is
// gone (removed, display/visibility hidden or opacity 0: an exit animation counts as on screen).
// Serialised by Playwright into the page: it may use nothing from this module.

export function probe({ accept, banner, wait }) {
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
export function countNodes(node) {
  let n = 1;
  for (const key of ['children', 'shadowRoots', 'pseudoElements']) for (const child of node[key] ?? []) n += countNodes(child);
  if (node.templateContent) n += countNodes(node.templateContent);
  if (node.contentDocument) n += countNodes(node.contentDocument);
  return n;
}
