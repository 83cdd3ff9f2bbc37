// From what each phase saw to findings: every cookie, storage key and request to another site
// classified, then the violations (something that needs consent, seen before any choice, after
// Reject all or after a withdrawal) and what needs a look (unknown, seen at those times).
import { classifyCookie, classifyKey, classifyRequest, matchesHost, siteOf } from './classify.mjs';

/**
 * @typedef {import('./classify.mjs').Classification} Classification
 * @typedef {import('./phases.mjs').PhaseId} PhaseId
 * @typedef {import('./phases.mjs').RawPhase} RawPhase
 * @typedef {{ name: string, domain: string, path: string, expires: string, httpOnly: boolean, secure: boolean, sameSite: string, setBy: { url: string | null, how: string } | null, classification: Classification }} CookieFinding
 * @typedef {{ area: string, origin: string, key: string, setBy: { url: string | null, how: string } | null, classification: Classification }} StorageFinding
 * @typedef {{ host: string, site: string, url: string, count: number, types: string[], classification: Classification }} RequestFinding
 * @typedef {{ phase: PhaseId, url: string, error: string | null, via: string | null, visited: string[], cookies: CookieFinding[], storage: StorageFinding[], requests: RequestFinding[] }} PhaseFindings
 * @typedef {{ phase: PhaseId, page: string, kind: 'cookie' | 'storage' | 'request', name: string, where: string, classification: Classification, setBy: { url: string | null, how: string } | null }} Finding
 */

/** Phases where anything that needs consent is a violation. */
export const GUARDED = /** @type {const} */ (['before', 'reject', 'withdraw']);

/** A cookie's expiry for people: a date, or `session`. */
const expiry = (seconds) => (seconds > 0 ? new Date(seconds * 1000).toISOString().slice(0, 10) : 'session');

/**
 * Classifies what one phase saw. Requests to the page's own site are left out (the site is
 * responsible for what its own server does with them; the audit cannot see it).
 * @param {RawPhase} raw
 * @param {import('./classify.mjs').ClassifyContext} context
 * @returns {PhaseFindings}
 */
export function classifyPhase(raw, context) {
  const cookies = raw.cookies.map(({ expires, ...cookie }) => ({
    ...cookie,
    expires: expiry(expires),
    classification: classifyCookie(cookie, context),
  }));
  const storage = raw.storage.map((key) => ({ ...key, classification: classifyKey(key.key, key.origin, context) }));
  const site = siteOf(raw.url);
  /** @type {Map<string, RequestFinding>} */
  const hosts = new Map();
  for (const request of raw.requests) {
    let url;
    try {
      url = new URL(request.url);
    } catch {
      continue;
    }
    if (!/^(?:https?|wss?):$/.test(url.protocol) || siteOf(url.href) === site) continue;
    const found = hosts.get(url.hostname);
    if (found) {
      found.count++;
      if (!found.types.includes(request.type)) found.types.push(request.type);
    } else {
      hosts.set(url.hostname, { host: url.hostname, site: siteOf(url.href), url: request.url, count: 1, types: [request.type], classification: classifyRequest(request.url, context) });
    }
  }
  const requests = [...hosts.values()];
  attributeByEvidence(requests, [...cookies, ...storage]);
  return { phase: raw.phase, url: raw.url, error: raw.error, via: raw.via, visited: raw.visited, cookies, storage, requests };
}

/**
 * A host nothing knows, whose script or response wrote a cookie or key that needs consent,
 * takes that item's vendor and category: it was seen doing so (not guessed from its name).
 * @param {RequestFinding[]} requests
 * @param {Array<{ name?: string, key?: string, setBy: { url: string | null } | null, classification: Classification }>} items
 */
export function attributeByEvidence(requests, items) {
  for (const request of requests) {
    if (request.classification.category !== 'unknown') continue;
    const written = items.find((item) => {
      if (!item.setBy?.url || item.classification.needsConsent !== true) return false;
      try {
        return matchesHost(new URL(item.setBy.url).hostname, request.host);
      } catch {
        return false;
      }
    });
    if (written) {
      const name = written.name ?? written.key;
      request.classification = {
        ...written.classification,
        purpose: written.classification.purpose,
        source: `seen: a script from this host wrote ${name} (${written.classification.vendor})`,
      };
    }
  }
}

/**
 * Every finding of the guarded phases, split into violations (needs consent) and to review
 * (unknown), for all pages.
 * @param {Array<{ url: string, phases: Partial<Record<PhaseId, PhaseFindings>> }>} pages
 * @param {{ strict?: boolean }} [options] `strict`: unknown items count as violations too
 */
export function judge(pages, { strict = false } = {}) {
  /** @type {Finding[]} */
  const violations = [];
  /** @type {Finding[]} */
  const review = [];
  for (const page of pages) {
    for (const phase of GUARDED) {
      const found = page.phases[phase];
      if (!found || found.error) continue;
      for (const finding of findingsOf(found, page.url)) {
        const needs = finding.classification.needsConsent;
        if (needs === true || (strict && needs === null)) violations.push(finding);
        else if (needs === null) review.push(finding);
      }
    }
  }
  return { violations, review };
}

/** The findings of one phase, as flat rows. @param {PhaseFindings} found @returns {Finding[]} */
export function findingsOf(found, page) {
  return [
    ...found.cookies.map((c) => ({ phase: found.phase, page, kind: /** @type {const} */ ('cookie'), name: c.name, where: c.domain, classification: c.classification, setBy: c.setBy })),
    ...found.storage.map((s) => ({ phase: found.phase, page, kind: /** @type {const} */ ('storage'), name: s.key, where: `${s.area} ${s.origin}`, classification: s.classification, setBy: s.setBy })),
    ...found.requests.map((r) => ({ phase: found.phase, page, kind: /** @type {const} */ ('request'), name: r.host, where: r.url, classification: r.classification, setBy: null })),
  ];
}

/**
 * The exit code: 1 when there is a violation; else 2 when a page or a phase could not be
 * audited (or no page was); else 0.
 */
export function exitCode({ violations, errors, pages }) {
  if (violations.length) return 1;
  if (errors.length || pages === 0) return 2;
  return 0;
}
