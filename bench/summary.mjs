// Medians of the samples, per library, rate and scenario; "added" = library median minus the
// no-CMP baseline's median, same rate.

export const median = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

/** Samples of a run before the network scenario carry no `scenario`: they are CPU samples. */
const scenarioOf = (sample) => sample.scenario ?? 'cpu';

/** The summary of `samples`: for each library, bytes, then medians per CPU rate and for the network. */
export function summarise(samples, failures, libs, rates) {
  const summary = {};
  for (const lib of libs) {
    const mine = samples.filter((x) => x.lib === lib.id);
    const one = mine.find((x) => scenarioOf(x) === 'cpu') ?? mine[0];
    if (!one) throw new Error(`${lib.id}: every load failed (${failures.find((f) => f.lib === lib.id)?.error})`);
    summary[lib.id] = {
      name: lib.name,
      files: one.first.files,
      bytes: one.first.bytes,
      returningFiles: one.returning.files,
      returningBytes: one.returning.bytes,
      errors: [...new Set(mine.flatMap((x) => x.errors))],
      ...Object.fromEntries(rates.map((rate) => [`x${rate}`, cpuRates(samples, lib, rate)])),
      network: networkRows(samples, lib),
    };
  }
  return summary;
}

/** Medians of the CPU scenario at one rate (null where the library has no such samples). */
function cpuRates(samples, lib, rate) {
  const of = (id) => samples.filter((s) => s.lib === id && s.rate === rate && scenarioOf(s) === 'cpu');
  const mine = of(lib.id);
  if (!mine.length) return null;
  const pick = (list, fn, choice) => median(list.filter((s) => !choice || s.choice === choice).map(fn));
  const added = (fn) => {
    const [a, b] = [pick(mine, fn), pick(of('baseline'), fn)];
    return a === null || b === null ? null : a - b;
  };
  const rejects = mine.filter((x) => x.choice === 'reject' && x.click);
  return {
    visible: pick(mine, (x) => x.first.visible),
    scriptingAdded: added((x) => x.first.scripting),
    taskAdded: added((x) => x.first.task),
    longtasksAdded: added((x) => x.first.longtasks),
    cls: pick(mine, (x) => x.first.cls),
    nodesAdded: added((x) => x.first.nodes),
    acceptHidden: pick(mine, (x) => x.click?.hidden, 'accept'),
    rejectHidden: pick(mine, (x) => x.click?.hidden, 'reject'),
    acceptAnalytics: pick(mine, (x) => x.click?.analytics, 'accept'),
    rejectAnalyticsRan: rejects.filter((x) => x.click.analytics !== null).length,
    rejectSamples: rejects.length,
    analyticsBeforeChoice: mine.filter((x) => x.first.analyticsAtLoad).length,
    returningScriptingAdded: added((x) => x.returning.scripting),
    returningLongtasksAdded: added((x) => x.returning.longtasks),
    returningBannerShown: mine.filter((x) => x.returning.bannerShown).length,
    loads: mine.length,
  };
}

/** Medians of the network scenario (times from navigation; null without network samples). */
function networkRows(samples, lib) {
  const mine = samples.filter((s) => s.lib === lib.id && scenarioOf(s) === 'network');
  if (!mine.length) return null;
  const pick = (fn) => median(mine.map(fn));
  return {
    transferred: pick((x) => x.first.bytes.transferred),
    files: mine[0].first.files,
    visible: pick((x) => x.first.visible),
    libraryLoaded: pick((x) => x.first.libraryLoaded),
    // Per load, then the median: the wait after the library's own file has arrived.
    afterLibrary: pick((x) => (x.first.visible === null || x.first.libraryLoaded === null ? null : x.first.visible - x.first.libraryLoaded)),
    // When our on-demand file was asked for, after the tag arrived (negative: a hint asked first).
    onDemandAfterLibrary: pick((x) => (x.first.onDemandStarted == null || x.first.libraryLoaded === null ? null : x.first.onDemandStarted - x.first.libraryLoaded)),
    loaded: pick((x) => x.first.loaded),
    returningTransferred: pick((x) => x.returning.bytes.transferred),
    returningFiles: mine[0].returning.files,
    returningAnalytics: pick((x) => x.returning.analyticsRan),
    returningLoaded: pick((x) => x.returning.loaded),
    loads: mine.length,
  };
}
