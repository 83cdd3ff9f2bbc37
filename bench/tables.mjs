// The run's Markdown: a headline table (the rows a first and a returning visit are judged by), then one table per view.
import { readFileSync, writeFileSync } from 'node:fs';
import { NETWORK } from './measure.mjs';

const kB = (n) => (n === null || n === undefined ? '—' : `${(n / 1000).toFixed(2)} kB`);
const ms = (n) => (n === null || n === undefined ? '—' : `${Math.round(n)} ms`);
const num = (n, digits = 0) => (n === null || n === undefined ? '—' : n.toFixed(digits));
const row = (cells) => `| ${cells.join(' | ')} |`;
const table = (head, rows) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
const isOurs = (lib) => lib.id.startsWith('instria');

/** Formats a summary's tables; `ours`: the library the ratios are taken against. */
export function markdown(summary, libs, rates, machine) {
  const ours = libs.find((lib) => lib.ours) ?? libs[1];
  const O = summary[ours.id];
  const hi = rates.includes(4) ? 4 : Math.max(...rates);
  const lo = rates.includes(1) ? 1 : Math.min(...rates);
  const rateText = lo === hi ? `${lo}×` : `${lo}× / ${hi}×`;
  /** A peer's value and its ratio to ours when both are meaningful (ours > 0). */
  const cell = (lib, value, ourValue, format) => {
    const text = format(value);
    if (isOurs(lib) || lib.id === 'baseline' || value === null || value <= 0 || !ourValue || ourValue <= 0.5) return text;
    return `${text} (${(value / ourValue).toFixed(1)}×)`;
  };
  /** "lo / hi" for a CPU metric, e.g. "127 / 432 ms (1.6× / 1.1×)" (ratios for peers' times). */
  const pair = (lib, get, unit = ' ms', digits = 0) => {
    const s = summary[lib.id];
    const at = (x, rate) => (x[`x${rate}`] ? get(x[`x${rate}`]) : null);
    const [a, b, oa, ob] = [at(s, lo), at(s, hi), at(O, lo), at(O, hi)];
    const text = lo === hi ? `${num(a, digits)}${unit}` : `${num(a, digits)} / ${num(b, digits)}${unit}`;
    const ratio = (v, o) => (v !== null && v > 0 && o !== null && o > 0.5 ? `${(v / o).toFixed(1)}×` : '–');
    if (isOurs(lib) || !unit || (a === null && b === null)) return text;
    return lo === hi ? `${text} (${ratio(a, oa)})` : `${text} (${ratio(a, oa)} / ${ratio(b, ob)})`;
  };
  const f = { kB, ms, num, cell, pair, rateText, lo, hi, O, ours };
  const cpuLibs = libs.filter((lib) => lib.id !== 'baseline' && summary[lib.id][`x${lo}`]);
  const networkLibs = libs.filter((lib) => summary[lib.id].network);
  const sections = [
    `Date ${machine.date.slice(0, 10)} · ${machine.cpus} · Node ${machine.node} · Chromium ${machine.chromium} · ` +
      `${machine.runs} fresh loads per library, rate and scenario (medians) · ${machine.seconds} s` +
      (machine.loadAverage === undefined ? '' : ` · load average ${machine.loadAverage.toFixed(1)} at the start`) +
      (machine.loadAverageEnd === undefined ? '' : `, ${machine.loadAverageEnd.toFixed(1)} at the end`),
    ['**Summary** ("added" is over the no-CMP page; network: ' + networkText() + ', files served brotli)', headline(summary, libs, f)],
    ['**Bytes per page view** (the JS and CSS files each view fetched, compressed in Node; ratio peer / Instria split in parentheses)', bytesTable(summary, cpuLibs, f)],
    [`**First visit, CPU scenario** (localhost, uncompressed; times from navigation; "added" is over the no-CMP page)`, firstTable(summary, cpuLibs, f)],
    ['**Returning visitor, CPU scenario** (decision stored, same context; every view downloads again: no-store)', backTable(summary, cpuLibs, f)],
    [`**Network scenario** (${networkText()}, a fresh context per view: a cold cache, files served \`Content-Encoding: br\`, CPU 1×; times from navigation; the returning visitor accepted)`, networkTable(summary, networkLibs, f)],
  ];
  return sections.map((s) => (Array.isArray(s) ? s.join('\n\n') : s)).join('\n\n');
}

const networkText = () =>
  `${NETWORK.latency} ms RTT, ${(NETWORK.downloadThroughput * 8) / 1e6} Mbit/s down, ${(NETWORK.uploadThroughput * 8) / 1e3} kbit/s up`;

/** The headline table: ours, Orejime, vanilla-cookieconsent, one row per goal. */
function headline(summary, libs, { kB, ms, pair, lo, hi }) {
  const cols = ['instria', 'orejime', 'vanilla'].map((id) => libs.find((lib) => lib.id === id)).filter(Boolean);
  const net = (id, get) => (summary[id]?.network ? get(summary[id].network) : null);
  const variant = (id) => (get, format) => (lib) => (lib.id === 'instria' ? format(net(id, get)) : '—');
  const preload = variant('instria-preload');
  const hint = variant('instria-hint');
  const server = variant('instria-server');
  const rows = [
    ['first visit: bytes (brotli, as transferred)', (lib) => kB(net(lib.id, (n) => n.transferred) ?? summary[lib.id].bytes.brotli)],
    ['first visit: banner painted, network', (lib) => ms(net(lib.id, (n) => n.visible))],
    ['same, with `<link rel="preload">` for the on-demand files', preload((n) => n.visible, ms)],
    ['same, with the first-visit hint (preloads only without a decision cookie)', hint((n) => n.visible, ms)],
    ['same, with `bannerPreload` in the server-rendered page', server((n) => n.visible, ms)],
    ['first visit: painted − library JS loaded, network', (lib) => ms(net(lib.id, (n) => n.afterLibrary))],
    [`first visit: banner painted, CPU ${hi}×`, (lib) => ms(summary[lib.id][`x${hi}`]?.visible ?? null)],
    [`first visit: scripting added at load, ${lo}× / ${hi}×`, (lib) => pair(lib, (r) => r.scriptingAdded)],
    [`returning visitor: scripting added, ${lo}× / ${hi}×`, (lib) => pair(lib, (r) => r.returningScriptingAdded)],
    ['returning visitor: bytes (brotli, as transferred)', (lib) => kB(net(lib.id, (n) => n.returningTransferred) ?? summary[lib.id].returningBytes.brotli)],
    ['returning visitor: gated analytics ran, network', (lib) => ms(net(lib.id, (n) => n.returningAnalytics))],
    ['same page with the preload hints: returning bytes / analytics ran', preload((n) => n, (n) => (n ? `${kB(n.returningTransferred)} / ${ms(n.returningAnalytics)}` : '—'))],
    ['same page with the first-visit hint: returning bytes / analytics ran', hint((n) => n, (n) => (n ? `${kB(n.returningTransferred)} / ${ms(n.returningAnalytics)}` : '—'))],
    ['same page with `bannerPreload` on the server: returning bytes / analytics ran', server((n) => n, (n) => (n ? `${kB(n.returningTransferred)} / ${ms(n.returningAnalytics)}` : '—'))],
  ];
  return table(['', ...cols.map((lib) => lib.name)], rows.map(([label, get]) => [label, ...cols.map(get)]));
}

function bytesTable(summary, libs, { kB, cell, O }) {
  return table(
    ['Library', 'JS+CSS raw', 'gzip', 'brotli', 'of which CSS (br)', 'returning visitor (br)', 'files fetched (first / returning)'],
    libs.map((lib) => {
      const s = summary[lib.id];
      return [
        lib.name,
        kB(s.bytes.raw),
        kB(s.bytes.gzip),
        cell(lib, s.bytes.brotli, O.bytes.brotli, kB),
        isOurs(lib) ? 'in the JS' : kB(s.bytes.cssBrotli),
        cell(lib, s.returningBytes.brotli, O.returningBytes.brotli, kB),
        `${s.files.length} / ${s.returningFiles.length}`,
      ];
    }),
  );
}

function firstTable(summary, libs, { num, cell, pair, rateText: r, lo, O }) {
  const head = ['Library', `banner visible ${r}`, `scripting added ${r}`, `long tasks added ${r}`, 'CLS', 'DOM nodes added'];
  head.push(`Accept → banner gone ${r}`, `Reject → banner gone ${r}`, `Accept → analytics ran ${r}`, 'Reject: analytics ran');
  return table(
    head,
    libs.map((lib) => {
      const s = summary[lib.id];
      const rates = Object.keys(s).filter((key) => /^x\d+$/.test(key) && s[key]).map((key) => s[key]);
      return [
        lib.name,
        pair(lib, (x) => x.visible),
        pair(lib, (x) => x.scriptingAdded),
        pair(lib, (x) => x.longtasksAdded, ''),
        num(Math.max(...rates.map((x) => x.cls ?? 0)), 3),
        cell(lib, s[`x${lo}`].nodesAdded, O[`x${lo}`].nodesAdded, (n) => num(n)),
        pair(lib, (x) => x.acceptHidden),
        pair(lib, (x) => x.rejectHidden),
        pair(lib, (x) => x.acceptAnalytics),
        `${rates.reduce((t, x) => t + x.rejectAnalyticsRan, 0)} of ${rates.reduce((t, x) => t + x.rejectSamples, 0)}`,
      ];
    }),
  );
}

function backTable(summary, libs, { kB, cell, pair, rateText: r, O }) {
  return table(
    ['Library', 'bytes (br)', `scripting added ${r}`, `long tasks added ${r}`, 'UI fetched', 'banner shown again'],
    libs.map((lib) => {
      const s = summary[lib.id];
      const rates = Object.keys(s).filter((key) => /^x\d+$/.test(key) && s[key]).map((key) => s[key]);
      return [
        lib.name,
        cell(lib, s.returningBytes.brotli, O.returningBytes.brotli, kB),
        pair(lib, (x) => x.returningScriptingAdded),
        pair(lib, (x) => x.returningLongtasksAdded, ''),
        lib.id === 'instria' ? (s.returningFiles.includes('/dist/instria-consent.ui.js') ? 'yes' : 'no') : '—',
        `${rates.reduce((t, x) => t + x.returningBannerShown, 0)} of ${rates.reduce((t, x) => t + x.loads, 0)}`,
      ];
    }),
  );
}

function networkTable(summary, libs, { kB, ms }) {
  return table(
    ['Library', 'bytes (br)', 'files', 'library JS loaded', 'UI file asked − library JS loaded', 'banner painted', 'painted − library JS loaded', 'load event', 'returning: bytes (br)', 'returning: analytics ran', 'returning: load event'],
    libs.map((lib) => {
      const n = summary[lib.id].network;
      return [
        lib.name,
        kB(n.transferred),
        `${n.files.length} / ${n.returningFiles.length}`,
        lib.script ? ms(n.libraryLoaded) : '—',
        ms(n.onDemandAfterLibrary),
        ms(n.visible),
        ms(n.afterLibrary),
        ms(n.loaded),
        kB(n.returningTransferred),
        ms(n.returningAnalytics),
        ms(n.returningLoaded),
      ];
    }),
  );
}

/**
 * Each performance goal of 0.2 (first on every first-visit row, with and without hints; less
 * scripting than every peer; a returning visit of at most 6.0 kB), judged from the run: ours (or
 * the variant named) against the best peer, lower is better; "met" when ours is no later than
 * that peer (or under the fixed bound).
 */
export function goals(summary) {
  const peers = ['orejime', 'vanilla'].filter((id) => summary[id]);
  const best = (get) => {
    const values = peers.map((id) => [id, get(summary[id])]).filter(([, v]) => typeof v === 'number');
    return values.sort((a, b) => a[1] - b[1])[0] ?? [null, null];
  };
  const net = (get) => (s) => (s?.network ? get(s.network) : null);
  const cpu = (rate, get) => (s) => (s?.[`x${rate}`] ? get(s[`x${rate}`]) : null);
  const rows = [
    ['first visit, banner painted on the network, without hints', 'instria', net((n) => n.visible), ms],
    ['first visit, banner painted on the network, with the first-visit hint', 'instria-hint', net((n) => n.visible), ms, net((n) => n.visible)],
    ['first visit, banner painted on the network, with `bannerPreload` on the server', 'instria-server', net((n) => n.visible), ms, net((n) => n.visible)],
    ['first visit, banner painted on the network, with a static `<link rel="preload">`', 'instria-preload', net((n) => n.visible), ms, net((n) => n.visible)],
    ['first visit, banner painted at CPU 4×', 'instria', cpu(4, (r) => r.visible), ms],
    ['first visit, scripting added at load, CPU 1×', 'instria', cpu(1, (r) => r.scriptingAdded), ms],
    ['first visit, scripting added at load, CPU 4×', 'instria', cpu(4, (r) => r.scriptingAdded), ms],
    ['returning visitor, scripting added, CPU 1×', 'instria', cpu(1, (r) => r.returningScriptingAdded), ms],
    ['returning visitor, scripting added, CPU 4×', 'instria', cpu(4, (r) => r.returningScriptingAdded), ms],
  ];
  const lines = rows.map(([label, id, get, format]) => {
    const ours = get(summary[id]);
    const [peer, value] = best(get);
    if (ours === null || peer === null) return `- ${label}: not measured in this run`;
    const verdict = ours <= value ? 'met' : 'not met';
    return `- **${verdict}**: ${label}: ${format(ours)}, best peer ${format(value)} (${summary[peer].name}; ${ours <= value ? `${format(value - ours)} ahead` : `${format(ours - value)} behind`})`;
  });
  const back = summary.instria?.network?.returningTransferred ?? summary.instria?.returningBytes.brotli;
  if (back !== undefined) lines.push(`- **${back <= 6000 ? 'met' : 'not met'}**: returning visitor fetches only the tag, at most 6.0 kB: ${kB(back)} as transferred (${summary.instria.returningFiles.length} file)`);
  return lines.join('\n');
}

const BEGIN = '<!-- bench:begin (generated by `npm run bench -- --write`: edit bench/tables.mjs, not this part) -->';
const END = '<!-- bench:end -->';

/**
 * Rewrites the generated part of `path` (bench/RESULTS.md) between BEGIN and END: the run's
 * machine line and tables (`text`) and the goals judged from them. What is outside stays.
 */
export function writeResults(path, summary, libs, rates, machine, text, commit) {
  const generated = [
    BEGIN,
    `Run of ${machine.date.slice(0, 16).replace('T', ' ')} UTC on the build of commit ${commit}. ` +
      `Machine: ${machine.cpus}, ${machine.os}; load average ${machine.loadAverage.toFixed(1)} at the start and ` +
      `${machine.loadAverageEnd.toFixed(1)} at the end${machine.loadAverage > 1.5 || machine.loadAverageEnd > 1.5 ? ' (other processes were running: the times are noisy; read the order and the ratios, peers were measured in the same run)' : ' (a quiet machine)'}.`,
    text,
    '### Against the performance goals of 0.2 (judged from this run)',
    goals(summary),
    END,
  ].join('\n\n');
  let old = '';
  try {
    old = readFileSync(path, 'utf8');
  } catch {}
  const at = old.indexOf(BEGIN.slice(0, 20));
  const end = old.indexOf(END);
  const out = at >= 0 && end > at ? old.slice(0, at) + generated + old.slice(end + END.length) : `# Peer benchmark results\n\n${generated}\n`;
  writeFileSync(path, out);
}
