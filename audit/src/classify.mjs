// Classification of what a page left behind: a cookie, a storage key or a request to another
// site gets a vendor, a purpose, a category and whether it needs consent, from (in this order)
// the audit's own list (./known.mjs), third-party-web's entities for hosts, and the site's
// consent configuration (`--config`). What none of them knows stays unknown: never guessed.
import thirdPartyWeb from 'third-party-web';
import { knownItem } from './known.mjs';

/**
 * @typedef {{ vendor: string | null, purpose: string | null, category: string, needsConsent: boolean | null, source: string }} Classification
 *   `needsConsent`: true for a tracker, false for what is exempt, null when unknown or to review.
 * @typedef {{ category: string, service: string | null, label: string, required: boolean, cookies: Array<string | RegExp>, hosts: string[] }} Declared
 *   One category or service of the site's configuration, with what it declares.
 * @typedef {{ consentCookie: string, declared: Declared[] }} ClassifyContext
 */

/**
 * third-party-web's categories: which need consent. Tag managers and `other` are left for
 * review (null): a tag manager loads other tags, and each of those is judged on its own.
 * See: https://github.com/patrickhulce/third-party-web#categories
 * @type {Record<string, boolean | null>}
 */
export const ENTITY_NEEDS_CONSENT = {
  ad: true,
  analytics: true,
  social: true,
  video: true,
  marketing: true,
  'customer-success': true,
  'tag-manager': null,
  cdn: false,
  hosting: false,
  utility: false,
  content: false,
  'consent-provider': false,
  other: null,
};

/** @type {Classification} */
export const UNKNOWN = Object.freeze({ vendor: null, purpose: null, category: 'unknown', needsConsent: null, source: 'unknown: on no list and not in the configuration' });

/** @param {{ category: string, vendor: string, purpose: string, source: string }} item @returns {Classification} */
const fromList = (item) => ({ vendor: item.vendor, purpose: item.purpose, category: item.category, needsConsent: item.category !== 'essential', source: item.source });

/** Whether `name` matches one of a configuration's cookie matchers (a name or a RegExp). */
export function matchesName(name, matchers) {
  return matchers.some((matcher) => (typeof matcher === 'string' ? matcher === name : new RegExp(matcher.source, matcher.flags.replace('g', '')).test(name)));
}

/** Whether `hostname` is `host` or one of its sub-domains (how the SDK's `hosts` match). */
export function matchesHost(hostname, host) {
  return hostname === host || hostname.endsWith(`.${host}`);
}

/** @param {Declared} entry @returns {Classification} */
function fromConfig(entry) {
  const where = entry.service ? `categories.${entry.category}.services.${entry.service}` : `categories.${entry.category}`;
  return {
    vendor: entry.label,
    purpose: null,
    category: entry.category,
    needsConsent: !entry.required,
    source: `site configuration: ${where}`,
  };
}

/** third-party-web's entity of a URL, as a classification, or null. @returns {Classification | null} */
export function entityOf(url) {
  let entity;
  try {
    entity = thirdPartyWeb.getEntity(url);
  } catch {
    return null;
  }
  if (!entity) return null;
  const category = entity.categories[0] ?? 'other';
  return {
    vendor: entity.company && entity.company !== entity.name ? `${entity.name} (${entity.company})` : entity.name,
    purpose: null,
    category,
    needsConsent: ENTITY_NEEDS_CONSENT[category] ?? null,
    source: `third-party-web: ${entity.name}`,
  };
}

/**
 * A cookie: the page's own consent cookie, the list, the configuration, then the entity of the
 * cookie's domain when it is another site's (a third-party cookie).
 * @param {{ name: string, domain?: string }} cookie
 * @param {ClassifyContext} context
 * @returns {Classification}
 */
export function classifyCookie(cookie, context) {
  if (cookie.name === context.consentCookie) {
    return { vendor: 'Instria Consent', purpose: 'Remembers the visitor’s consent choice', category: 'essential', needsConsent: false, source: 'the site’s consent cookie' };
  }
  const item = knownItem(cookie.name, 'cookie');
  if (item) return fromList(item);
  const declared = context.declared.find((entry) => matchesName(cookie.name, entry.cookies));
  if (declared) return fromConfig(declared);
  const domain = (cookie.domain ?? '').replace(/^\./, '');
  return (domain && entityOf(`https://${domain}/`)) || UNKNOWN;
}

/**
 * A localStorage / sessionStorage key or an IndexedDB database name, set by a page of `origin`.
 * @param {string} key
 * @param {string} origin
 * @param {ClassifyContext} context
 * @returns {Classification}
 */
export function classifyKey(key, origin, context) {
  if (key === context.consentCookie) return classifyCookie({ name: key }, context);
  const item = knownItem(key, 'storage');
  if (item) return fromList(item);
  const declared = context.declared.find((entry) => matchesName(key, entry.cookies));
  if (declared) return fromConfig(declared);
  return entityOf(origin) || UNKNOWN;
}

/**
 * A request to another site: third-party-web's entity when it says whether it needs consent,
 * else a service of the configuration that lists the host, else the entity (to review), else
 * unknown.
 * @param {string} url
 * @param {ClassifyContext} context
 * @returns {Classification}
 */
export function classifyRequest(url, context) {
  const entity = entityOf(url);
  if (entity && entity.needsConsent !== null) return entity;
  const { hostname } = new URL(url);
  const declared = context.declared.find((entry) => entry.hosts.some((host) => matchesHost(hostname, host)));
  if (declared) return fromConfig(declared);
  return entity ?? UNKNOWN;
}

/** The site (registrable domain) of a URL, as third-party-web computes it; the host for IPs. */
export function siteOf(url) {
  try {
    return thirdPartyWeb.getRootDomain(url) || new URL(url).hostname;
  } catch {
    return new URL(url).hostname;
  }
}
