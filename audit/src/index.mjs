// The audit, as a function: the pages, the four phases of each in fresh browser contexts, the
// findings classified and judged, the configuration compared. The CLI (../bin) prints it.
import { readFileSync } from 'node:fs';
import { findingsOf, classifyPhase, exitCode, judge } from './analyze.mjs';
import { launch } from './browser.mjs';
import { compare, declaredBy, loadConfig } from './config.mjs';
import { discover, givenPages, scopeOf } from './pages.mjs';
import { JOURNEYS, PHASES, runJourney } from './phases.mjs';

export { renderMarkdown, renderText } from './report.mjs';

/** This package's version, for the report. */
export const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

/**
 * @typedef {{ url: string, pages?: string, maxPages?: number, config?: string, storageState?: string,
 *   timeout?: number, settle?: number, bannerTimeout?: number, concurrency?: number, strict?: boolean,
 *   browser?: string, hostResolverRules?: string }} AuditOptions
 *   `timeout`, `settle`, `bannerTimeout`: milliseconds.
 * @typedef {{ done: number, total: number, page: string, phases: string[], errors: string[], ms: number }} Progress
 */

/**
 * Audits a site. Throws only when nothing can be audited (bad start URL, unreadable
 * configuration, no browser); a page that fails is reported in `errors` and the others go on.
 * @param {AuditOptions} options
 * @param {(progress: Progress) => void} [onProgress]
 * @returns {Promise<import('./report.mjs').Report>}
 */
export async function audit(options, onProgress = () => {}) {
  const started = Date.now();
  const start = new URL(options.url).href;
  if (!/^https?:$/.test(new URL(start).protocol)) throw new Error(`not a web page: ${start}`);
  const settings = {
    timeout: options.timeout ?? 20_000,
    settle: options.settle ?? 500,
    bannerTimeout: options.bannerTimeout ?? 5000,
    storageState: options.storageState,
    scope: scopeOf(start),
  };
  const config = options.config ? await loadConfig(options.config) : null;
  const context = declaredBy(config ?? { categories: {} });
  const { pages, robots } = await firstPages(start, options, settings);
  const browser = await launch({ executable: options.browser, hostResolverRules: options.hostResolverRules });
  let visited;
  try {
    visited = await visit(browser, pages, { ...settings, robots, context, crawl: !options.pages, maxPages: options.maxPages ?? 10, concurrency: options.concurrency ?? 2 }, onProgress);
  } finally {
    await browser.close().catch(() => {});
  }
  const { results, errors, skipped } = visited;
  const audited = [...results].map(([url, phases]) => ({ url, phases: Object.fromEntries(Object.keys(PHASES).filter((id) => phases[id]).map((id) => [id, phases[id]])) }));
  const { violations, review } = judge(audited, { strict: options.strict });
  const all = audited.flatMap((page) => Object.values(page.phases).flatMap((found) => (found ? findingsOf(found, page.url) : [])));
  const code = exitCode({ violations, errors, pages: audited.length });
  return {
    tool: '@instria/consent-audit',
    version: VERSION,
    start,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    exitCode: code,
    result: code === 0 ? 'clean' : code === 1 ? 'violations' : 'incomplete',
    violations,
    review,
    errors,
    skipped,
    pages: audited,
    config: config && options.config ? { file: options.config, ...compare(context, all) } : null,
  };
}

/**
 * The pages to start with: `--pages`, else the start URL and its sitemap's pages under the
 * scope; with robots.txt's rules when the audit finds pages itself.
 * @param {string} start
 * @param {AuditOptions} options
 * @param {{ timeout: number, scope: string }} settings
 */
async function firstPages(start, options, settings) {
  const maxPages = options.maxPages ?? 10;
  if (options.pages) return { pages: givenPages(options.pages, start).slice(0, Math.max(maxPages, 1)), robots: null };
  const found = await discover(start, { max: maxPages, timeout: settings.timeout });
  const pages = [start, ...found.sitemapPages.filter((page) => page !== start && page.startsWith(settings.scope))].slice(0, maxPages);
  return { pages, robots: found.robots };
}

/**
 * Visits the pages, two visits each, `concurrency` at a time; when crawling, the links of
 * each page (under the scope, allowed by robots.txt) join the queue up to `maxPages`.
 * @param {import('playwright-core').Browser} browser
 * @param {string[]} pages
 * @param {Parameters<typeof runJourney>[3] & { robots: { allows: (path: string) => boolean } | null, context: import('./classify.mjs').ClassifyContext, crawl: boolean, maxPages: number, concurrency: number }} settings
 * @param {(progress: Progress) => void} onProgress
 */
async function visit(browser, pages, settings, onProgress) {
  /** @type {Map<string, Partial<Record<import('./phases.mjs').PhaseId, import('./analyze.mjs').PhaseFindings>>>} */
  const results = new Map();
  /** @type {Array<{ page: string, phase: string | null, message: string }>} */
  const errors = [];
  /** Pages found but not audited, and why (not an error: the site asked for it). */
  const skipped = [];
  /** @type {Array<{ page: string, journey: keyof typeof JOURNEYS }>} */
  const queue = [];
  let total = 0;
  let done = 0;
  const enqueue = (page) => {
    if (results.has(page) || results.size >= settings.maxPages) return;
    const { pathname, search } = new URL(page);
    if (settings.robots && !settings.robots.allows(pathname + search)) {
      if (!skipped.some((s) => s.page === page)) skipped.push({ page, message: 'robots.txt disallows it (give it with --pages to audit it anyway)' });
      return;
    }
    results.set(page, {});
    for (const journey of /** @type {const} */ (['refuse', 'accept'])) queue.push({ page, journey });
    total += 2;
  };
  pages.forEach(enqueue);
  const worker = async () => {
    for (let task = queue.shift(); task; task = queue.shift()) {
      const began = Date.now();
      const raws = await runJourney(browser, task.page, task.journey, settings);
      for (const raw of raws) {
        /** @type {any} */ (results.get(task.page))[raw.phase] = classifyPhase(raw, settings.context);
        if (raw.error) errors.push({ page: task.page, phase: raw.phase, message: raw.error });
        // Crawling: the links of a page loaded before any choice are the next pages to audit.
        if (settings.crawl && raw.phase === 'before') for (const link of raw.links) if (link.startsWith(settings.scope)) enqueue(link);
      }
      const failed = [...new Set(raws.filter((raw) => raw.error).map((raw) => raw.error))];
      onProgress({ done: ++done, total, page: task.page, phases: raws.map((raw) => raw.phase), errors: failed, ms: Date.now() - began });
    }
  };
  // Workers pick the queue as it grows; one more pass catches pages queued by the last ones.
  do await Promise.all(Array.from({ length: Math.max(1, settings.concurrency) }, worker));
  while (queue.length);
  return { results, errors, skipped };
}
