// The four phases of one page, in two visits, each in a fresh browser context:
//   before    the page loaded, no choice made
//   reject    then Reject all, and the next page: must be the same as `before`
//   accept    (a new visitor) Accept all, then the page again: the full inventory
//   withdraw  then reopen and Reject all: what remains, and what the page sets and sends
//             when loaded once more
import { decide, PageError } from './act.mjs';
import { observe, snapshot, writerOf } from './observe.mjs';
import { nextPage, pageLinks } from './pages.mjs';

/** @typedef {'before' | 'reject' | 'accept' | 'withdraw'} PhaseId */

/** The phases in the order they are reported, with their titles. */
export const PHASES = /** @type {const} */ ({
  before: 'Before any choice',
  reject: 'After Reject all (then the next page)',
  accept: 'After Accept all (then the page again)',
  withdraw: 'After withdrawal (reopen, Reject all)',
});

/** Paths that sign-in walls redirect to. */
const LOGIN = /\/(?:log-?in|sign-?in|auth|account\/login|connexion|anmelden|session\/new)\b/i;

/**
 * Loads `url` and waits until the network is quiet, plus `settle` ms for late timers. A page
 * that does not load, answers an error or sends to a login page throws a PageError that says
 * what to do.
 * @param {import('playwright-core').Page} page
 * @param {string} url
 * @param {{ timeout: number, settle: number }} options
 */
export async function load(page, url, { timeout, settle }) {
  let response;
  try {
    response = await page.goto(url, { waitUntil: 'load', timeout });
  } catch (error) {
    const message = String(error?.message ?? error).split('\n')[0];
    if (error?.name === 'TimeoutError') throw new PageError(`timeout: ${url} did not finish loading within ${timeout / 1000} s (raise --timeout)`);
    throw new PageError(`could not load ${url}: ${message.replace(/^page\.goto: /, '')}`);
  }
  const status = response?.status() ?? 0;
  if (status === 401 || status === 403 || status === 407) {
    throw new PageError(`HTTP ${status} on ${url}: behind a login or an access wall; audit it with --storage-state (a signed-in session)`);
  }
  if (status >= 400) throw new PageError(`HTTP ${status} on ${url}: the page did not load`);
  const landed = page.url();
  if (landed !== url && LOGIN.test(new URL(landed).pathname) && !LOGIN.test(new URL(url).pathname)) {
    throw new PageError(`${url} redirected to a sign-in page (${landed}); audit it with --storage-state (a signed-in session)`);
  }
  await settleDown(page, { timeout, settle });
}

/** Waits until no request has been in flight for 500 ms (at most 5 s), then `settle` ms more. */
async function settleDown(page, { settle }) {
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
  await page.waitForTimeout(settle);
}

/**
 * @typedef {import('./observe.mjs').JarCookie & { setBy: { url: string | null, how: string } | null }} SeenCookie
 * @typedef {import('./observe.mjs').StoredKey & { setBy: { url: string | null, how: string } | null }} SeenKey
 * @typedef {{ phase: PhaseId, url: string, error: string | null, via: 'api' | 'button' | null,
 *   cookies: SeenCookie[], storage: SeenKey[], requests: import('./observe.mjs').Sent[], links: string[], visited: string[] }} RawPhase
 */

/** The two visits of a page: a visitor who refuses, and one who accepts and then withdraws. */
export const JOURNEYS = /** @type {const} */ ({ refuse: ['before', 'reject'], accept: ['accept', 'withdraw'] });

/**
 * One visit of `url` in a new browser context (no cookie, storage or cache of another visit):
 * `refuse` gives the `before` and `reject` phases, `accept` the `accept` and `withdraw` ones.
 * A phase that cannot be completed says why in its `error`; the phases before it keep what
 * they saw.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {keyof typeof JOURNEYS} journey
 * @param {{ timeout: number, settle: number, bannerTimeout: number, storageState?: string, scope: string }} options
 *   `scope`: the URL prefix of the audited site (the next page is chosen under it)
 * @returns {Promise<RawPhase[]>}
 */
export async function runJourney(browser, url, journey, options) {
  const context = await browser.newContext({ storageState: options.storageState, viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(options.timeout);
  /** @type {RawPhase[]} */
  const phases = JOURNEYS[journey].map((phase) => ({ phase, url, error: null, via: null, cookies: [], storage: [], requests: [], links: [], visited: [url] }));
  let current = 0;
  try {
    const recorder = await observe(context);
    const page = await context.newPage();
    /** Fills the current phase with what the context holds now (plus `earlier`, a snapshot taken before). */
    const collect = async (earlier = { cookies: [], storage: [] }) => {
      await recorder.flush();
      const now = await snapshot(page);
      const phase = phases[current];
      const cookies = unique([...earlier.cookies, ...now.cookies], (c) => `${c.name} ${c.domain} ${c.path}`);
      const storage = unique([...earlier.storage, ...now.storage], (k) => `${k.area} ${k.origin} ${k.key}`);
      phase.cookies = cookies.map((cookie) => ({ ...cookie, setBy: writerOf(recorder.writes, 'cookie', cookie.name, cookie.domain) }));
      phase.storage = storage.map((key) => ({ ...key, setBy: key.area === 'indexedDB' ? null : writerOf(recorder.writes, key.area, key.key) }));
      phase.requests = [...recorder.requests];
    };
    await load(page, url, options);
    if (journey === 'refuse') {
      // Before any choice: the page as it loads. Its links are the crawl's next pages.
      phases[0].links = (await pageLinks(page)).filter((link) => link.startsWith(options.scope));
      await collect();
      current = 1;
      // Reject all, then the next page: only what happens after the refusal counts.
      phases[1].via = await decide(page, 'reject', options);
      recorder.reset();
      await settleDown(page, { ...options, settle: 0 });
      const next = await nextPage(page, options.scope);
      phases[1].visited.push(next);
      await load(page, next, options);
      await collect();
    } else {
      // Accept all, then the page again, so that what waited for consent runs from the start:
      // the full inventory, from the first request on.
      phases[0].via = await decide(page, 'accept', options);
      await settleDown(page, { ...options, settle: 0 });
      phases[0].visited.push(url);
      await load(page, url, options);
      await collect();
      current = 1;
      // Reopen, Reject all: what is left at once (a later page may clean up, but it was left),
      // then what the page sets and sends when loaded again.
      phases[1].via = await decide(page, 'withdraw', options);
      await settleDown(page, options);
      await recorder.flush();
      const left = await snapshot(page);
      recorder.reset();
      phases[1].visited.push(url);
      await load(page, url, options);
      await collect(left);
    }
  } catch (error) {
    const message = error instanceof PageError ? error.message : `the audit failed on this page: ${String(error?.message ?? error).split('\n')[0]}`;
    // A page that does not load fails every phase; a choice that cannot be made, its phase on.
    phases[current].error = message;
    for (const phase of phases.slice(current + 1)) phase.error = `not reached: ${message}`;
  } finally {
    await context.close().catch(() => {});
  }
  return phases;
}

/** @template T @param {T[]} items @param {(item: T) => string} key */
function unique(items, key) {
  const seen = new Map();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
