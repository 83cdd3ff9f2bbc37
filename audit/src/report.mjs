// The report, for people: a terminal text (violations first, then what to review, the errors,
// then one table per phase and page) and the same in Markdown (for a pull request or a CI
// summary). The JSON report is the report object itself.
import { PHASES } from './phases.mjs';

/**
 * @typedef {import('./analyze.mjs').Finding} Finding
 * @typedef {{ tool: string, version: string, start: string, startedAt: string, durationMs: number, exitCode: number,
 *   result: 'clean' | 'violations' | 'incomplete', violations: Finding[], review: Finding[],
 *   errors: Array<{ page: string, phase: string | null, message: string }>, skipped: Array<{ page: string, message: string }>,
 *   pages: Array<{ url: string, phases: Partial<Record<import('./phases.mjs').PhaseId, import('./analyze.mjs').PhaseFindings>> }>,
 *   config: null | { file: string, neverSeen: Array<{ category: string, service: string | null, kind: string, matcher: string }>, undeclared: Array<{ kind: string, name: string, vendor: string | null, category: string }>, snippet: string | null } }} Report
 */

const RESULT = {
  clean: 'Clean: nothing that needs consent before a choice, after Reject all or after a withdrawal.',
  violations: 'Violations found.',
  incomplete: 'Incomplete: some pages or phases could not be audited (see Errors); no violation in the rest.',
};

/** A path for people: the URL without the start URL's origin. */
const short = (url, origin) => (url && url.startsWith(origin) ? url.slice(origin.length) || '/' : url ?? '');

/** What a classification says, in one cell: `Meta Pixel · marketing`, or `unknown`. */
export const what = (c) => (c.vendor ? `${c.vendor} · ${c.category}` : c.category);

/** Who wrote it: `script /a.js`, `Set-Cookie /x`, or `?`. */
const writer = (setBy, origin) => (setBy ? `${setBy.how} ${short(setBy.url, origin)}` : '?');

/** A finding as a row: phase, kind, name, vendor · category, set by / URL, page. */
function row(f, origin) {
  return [PHASES[f.phase].replace(/ \(.*/, ''), f.kind, f.name, what(f.classification), f.kind === 'request' ? short(f.where, origin) : writer(f.setBy, origin), short(f.page, origin)];
}
const ROW_HEAD = ['phase', 'kind', 'name', 'vendor · category', 'set by / first URL', 'page'];

const clip = (text, width) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** A plain-text table, columns padded, long cells clipped. */
export function textTable(head, rows, width = 60) {
  const cells = [head, ...rows].map((r) => r.map((c) => clip(String(c ?? ''), width)));
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells.map((r, n) => `${r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()}${n === 0 ? `\n${widths.map((w) => '─'.repeat(w)).join('  ')}` : ''}`).join('\n');
}

/** A Markdown table; `|` in cells escaped. */
export function markdownTable(head, rows) {
  const cell = (c) => String(c ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [`| ${head.map(cell).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/** The rows of one phase: cookies, storage keys and requests to other sites. */
function phaseRows(found, origin) {
  return [
    ...found.cookies.map((c) => ['cookie', c.name, `${c.domain}${c.path === '/' ? '' : c.path} · ${c.expires}${c.httpOnly ? ' · HttpOnly' : ''}`, what(c.classification), writer(c.setBy, origin)]),
    ...found.storage.map((s) => [s.area, s.key, short(s.origin, origin) || s.origin, what(s.classification), writer(s.setBy, origin)]),
    ...found.requests.map((r) => ['request', r.host, `${r.count}× ${r.types.join(', ')}`, what(r.classification), short(r.url, origin)]),
  ];
}
const PHASE_HEAD = ['kind', 'name', 'where · expiry', 'vendor · category', 'set by / first URL'];

/**
 * The report as sections (title, body), shared by the text and Markdown renderers.
 * @param {Report} report
 * @param {(head: string[], rows: string[][]) => string} table
 */
function sections(report, table) {
  const origin = new URL(report.start).origin;
  const out = [];
  out.push(['Result', `${RESULT[report.result]} Exit code ${report.exitCode}. ${report.pages.length} page(s) in ${(report.durationMs / 1000).toFixed(1)} s.`]);
  if (report.violations.length) out.push([`Violations (${report.violations.length})`, table(ROW_HEAD, report.violations.map((f) => row(f, origin)))]);
  if (report.review.length) out.push([`To review (${report.review.length}): unknown, seen before consent or after a refusal`, table(ROW_HEAD, report.review.map((f) => row(f, origin)))]);
  if (report.errors.length) out.push([`Errors (${report.errors.length})`, report.errors.map((e) => `- ${short(e.page, origin)}${e.phase ? ` (${PHASES[e.phase]})` : ''}: ${e.message}`).join('\n')]);
  if (report.skipped.length) out.push([`Skipped (${report.skipped.length})`, report.skipped.map((s) => `- ${short(s.page, origin)}: ${s.message}`).join('\n')]);
  for (const page of report.pages) {
    for (const [id, title] of Object.entries(PHASES)) {
      const found = page.phases[id];
      if (!found) continue;
      const via = found.via ? ` — choice made by ${found.via === 'api' ? 'the page’s Instria Consent API' : 'clicking its button'}` : '';
      const body = found.error ? `Not audited: ${found.error}` : phaseRows(found, origin).length ? table(PHASE_HEAD, phaseRows(found, origin)) : 'Nothing: no cookie, no storage, no request to another site.';
      out.push([`${short(page.url, origin)} — ${title}${via}`, body]);
    }
  }
  if (report.config) {
    const { file, neverSeen, undeclared, snippet } = report.config;
    const lines = [`Compared with ${file}.`];
    lines.push(
      neverSeen.length
        ? `Declared but never seen (${neverSeen.length}):\n${neverSeen.map((d) => `- ${d.kind} ${d.matcher} in ${d.service ? `${d.category}.services.${d.service}` : d.category}`).join('\n')}`
        : 'Everything it declares was seen.',
    );
    lines.push(
      undeclared.length
        ? `Seen but declared by no category or service (${undeclared.length}):\n${undeclared.map((u) => `- ${u.kind} ${u.name} (${u.vendor ? `${u.vendor} · ${u.category}` : 'unknown'})`).join('\n')}`
        : 'Everything seen that needs consent is declared.',
    );
    if (snippet) lines.push(`Proposed addition to the configuration (merge it into your categories; rename them to yours):\n\n${snippet}`);
    out.push(['Configuration', lines.join('\n\n')]);
  }
  return out;
}

/** The terminal report. `color`: ANSI bold titles, red violations. @param {Report} report */
export function renderText(report, { color = false } = {}) {
  const bold = (s) => (color ? `\x1b[1m${s}\x1b[22m` : s);
  const red = (s) => (color ? `\x1b[31m${s}\x1b[39m` : s);
  const head = `Instria Consent audit of ${report.start}`;
  return [bold(head), ...sections(report, textTable).map(([title, body]) => `${bold(title.startsWith('Violations') ? red(title) : title)}\n${body.replace(/^(?=.)/gm, '  ')}`)].join('\n\n') + '\n';
}

/** The Markdown report. @param {Report} report */
export function renderMarkdown(report) {
  return (
    [
      `# Instria Consent audit of ${report.start}`,
      ...sections(report, markdownTable).map(([title, body]) => {
        const fenced = body.replace(/\ncategories: \{[\s\S]*\n\},$/, (code) => `\n\`\`\`js${code}\n\`\`\``);
        return `## ${title}\n\n${fenced}`;
      }),
    ].join('\n\n') + '\n'
  );
}
