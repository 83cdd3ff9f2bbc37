import { decodeDecision } from './codec';
import { documentCookie, safe } from './env';
import { isAsking } from './pending';
import type { ConsentState, NameMatcher, ResolvedOptions } from './types';

// The built-in lists, from the vendors' cookie tables (below). Each name is anchored at both ends, so that a
// site's own cookie that merely starts alike (`_gateway_session`, `_pk_cart`, `_hjalmar`) stays.
// See: https://support.google.com/analytics/answer/11397207
// See: https://developers.google.com/analytics/resources/concepts/gaConceptsCookies
// See: https://matomo.org/faq/general/faq_146/
// See: https://help.hotjar.com/hc/en-us/articles/6952777582999-Cookies-Set-by-the-Hotjar-Tracking-Code

/** Google Analytics (gtag.js, analytics.js, Tag Manager): `_ga`, `_ga_<container-id>`, `_gid`, `_gat`, `_gat_<id>`, `_dc_gtm_<id>`, `AMP_TOKEN`. */
const GOOGLE_ANALYTICS: NameMatcher[] = [/^_ga(_\w+)?$/, '_gid', /^_gat(_[\w-]+)?$/, /^_dc_gtm_[\w-]+$/, 'AMP_TOKEN'];
/** Google's ad-click cookies: the conversion linker's `_gcl_<kind>` (`_gcl_au`, `_gcl_aw`…) and GA's campaign `_gac_<property-id>`. */
const GOOGLE_CLICKS: NameMatcher[] = [/^_gcl_[a-z]+$/, /^_gac_[\w-]+$/];
/**
 * Matomo: `_pk_<kind>.<site-id>.<domain-hash>`, its test cookie, and the consent it remembers
 * (`mtm_consent`, `mtm_cookie_consent`), which would let it measure again; `mtm_consent_removed`
 * records the opt-out and stays.
 */
const MATOMO: NameMatcher[] = [/^_pk_(id|ses|ref|cvar|hsr)\.\d+\.[\da-f]+$/, /^_pk_testcookie[\w.]*$/, /^mtm_(cookie_)?consent$/];
/** Hotjar: `_hj` then a capitalised name (`_hjSessionUser_<site>`, `_hjUserAttributes`…), the legacy `_hjid`, and `hjViewportId`. */
const HOTJAR: NameMatcher[] = [/^_hj([A-Z]\w*|id)$/, 'hjViewportId'];
/** Microsoft Clarity's first-party cookies. */
const CLARITY: NameMatcher[] = ['_clck', '_clsk'];
/** Meta (Facebook) Pixel's first-party cookies. */
const META_PIXEL: NameMatcher[] = ['_fbp', '_fbc'];

/** Removed with a category named `analytics`: Google Analytics, Matomo, Hotjar, Microsoft Clarity (Plausible writes none). */
export const KNOWN_ANALYTICS: NameMatcher[] = /* @__PURE__ */ GOOGLE_ANALYTICS.concat(MATOMO, HOTJAR, CLARITY);

/** Removed with a category named `marketing`: Google's ad-click cookies and Meta Pixel's. */
export const KNOWN_MARKETING: NameMatcher[] = /* @__PURE__ */ GOOGLE_CLICKS.concat(META_PIXEL);

/**
 * The built-in list of a well-known service, by its id in the configuration: removed with it, or
 * with its category, whatever that category is called. Without a prototype, so that a service
 * id such as `constructor` finds nothing.
 */
// Pure annotations: the script tag imports this module for `hasLeftovers` alone.
export const KNOWN_SERVICES: Record<string, NameMatcher[]> = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(null), {
  ga4: GOOGLE_ANALYTICS,
  googleAnalytics: GOOGLE_ANALYTICS,
  gtag: GOOGLE_ANALYTICS,
  googleAds: GOOGLE_CLICKS,
  matomo: MATOMO,
  hotjar: HOTJAR,
  clarity: CLARITY,
  metaPixel: META_PIXEL,
});

/**
 * Every name of the built-in lists starts like this (a unit test holds them to it): enough for
 * the script tag to tell whether a refused category may have something left to remove,
 * without carrying the lists. A name that only starts alike costs a download, never a deletion.
 */
export const SUSPECTS = /^(_(gat?(_|$)|gid|dc_gtm_|gcl_|gac_|pk_|hj|cl[cs]k|fb[cp])|AMP_TOKEN|hjViewportId|mtm_(cookie_)?consent$)/;

/** Whether `name` is one of `matchers`. */
export const matchesName = (name: string, matchers: readonly NameMatcher[]): boolean =>
  matchers.some((m) => (typeof m === 'string' ? m === name : (m.lastIndex = 0, m.test(name))));

/** A list from the configuration, if it is one (`cookies` is not type-checked at run time). */
const list = (value: unknown): NameMatcher[] => (Array.isArray(value) ? value : []);

/**
 * What to remove when `categories` and `services` are refused, and what to keep because a
 * category or service still granted in `state` claims it. Removed: each refused category's and
 * service's `cookies`, the built-in list of each known service it declares, the built-in list of
 * a category named `analytics` or `marketing`, and Google's ad-click cookies with any of them that
 * holds a Google service. Kept: the consent cookie, and the `cookies` and built-in lists of what
 * is granted (a granted `analytics` or `marketing` category's own list only when it declares no
 * services, since then it stands for them).
 */
export function trackersOf(
  options: ResolvedOptions,
  state: ConsentState,
  categories: readonly string[],
  services: readonly string[],
): [remove: NameMatcher[], keep: NameMatcher[]] {
  const remove: NameMatcher[] = [];
  const keep: NameMatcher[] = [options.cookie.name];
  let google = false;
  const add = (refused: boolean, names: unknown) => {
    (refused ? remove : keep).push(...list(names));
    google ||= refused && (names === GOOGLE_ANALYTICS || names === GOOGLE_CLICKS || names === KNOWN_ANALYTICS);
  };
  const declared = Object.values(options.serviceCategory);
  for (const id in options.categories) {
    const refused = categories.includes(id);
    if (!refused && !state.categories[id]) continue;
    add(refused, options.categories[id]!.cookies);
    if (refused || !declared.includes(id)) {
      add(refused, id === 'analytics' ? KNOWN_ANALYTICS : id === 'marketing' ? KNOWN_MARKETING : undefined);
    }
  }
  // Each service once, and only the valid ones the options kept (ids a config misspelt are not).
  for (const service in options.serviceCategory) {
    const refused = services.includes(service) || categories.includes(options.serviceCategory[service]!);
    if (!refused && !state.services[service]) continue;
    add(refused, options.services[service]!.cookies);
    add(refused, KNOWN_SERVICES[service]);
  }
  if (google) remove.push(...GOOGLE_CLICKS);
  return [remove, keep];
}

/**
 * Whether a refused category or service of `state` may have left a cookie or localStorage key here:
 * one it declares, or one that looks like a built-in name (`SUSPECTS`). The script tag loads
 * its decision code, which removes them, only then. Cookie values are tested too, and a bad
 * `cookies` option or unreadable storage answers true: either costs a download, never a deletion.
 * While the visitor is asked (a first visit), false without looking: the banner brings the
 * decision code, which cleans up then, and a first visit's start need not read every storage key.
 */
export const hasLeftovers = (options: ResolvedOptions, state: ConsentState): boolean =>
  !isAsking(state) &&
  safe(() => {
    const matchers: NameMatcher[] = [SUSPECTS];
    let refused = false;
    for (const kind of ['categories', 'services'] as const) {
      for (const id in state[kind]) state[kind][id] || ((refused = true), matchers.push(...(options[kind][id]!.cookies ?? [])));
    }
    // Nothing refused (everything accepted): nothing to look for, so nothing is read. Not
    // sessionStorage: it ends with the tab, and a tracker that wrote it also set cookies or
    // localStorage, which this finds; the clean-up it triggers removes all three.
    return (
      refused &&
      `${documentCookie()};${Object.keys(localStorage)}`.split(/[;=,] */).some((name) => matchesName(name, matchers))
    );
  }, true);

/**
 * Domains a cookie of this page may live on: host-only, the host, then every parent domain.
 * A parent that is a public suffix (`co.uk`) is refused by the browser, harmlessly.
 * See: https://www.rfc-editor.org/rfc/rfc6265#section-5.3 (step 6)
 */
export function cookieDomains(host: string): (string | undefined)[] {
  const domains: (string | undefined)[] = [undefined];
  if (/^[\d.]+$|:/.test(host)) return domains; // an IP address has no parent domain
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) domains.push(labels.slice(i).join('.'));
  return domains;
}

/** Paths a cookie of this page may be set on: `/` and each ancestor of the current path. */
export function cookiePaths(pathname: string): string[] {
  const paths = ['/'];
  let path = '';
  for (const segment of pathname.split('/').slice(1, -1)) paths.push((path += `/${segment}`));
  if (pathname !== '/' && !pathname.endsWith('/')) paths.push(pathname);
  return paths;
}

/**
 * Deletes every variant of the cookie `name` this page can reach: host-only, on the host and on
 * each parent domain, on `/` and on each ancestor of the current path.
 */
export function eraseCookie(name: string): void {
  const secure = location.protocol === 'https:' ? ';Secure' : '';
  // Where document.cookie throws (sandboxed iframe) it throws for every variant: once is enough.
  safe(() => {
    for (const domain of cookieDomains(location.hostname)) {
      for (const path of cookiePaths(location.pathname)) {
        documentCookie(`${name}=;expires=Thu, 01 Jan 1970 00:00:00 GMT;path=${path}${domain ? `;domain=${domain}` : ''}${secure}`);
      }
    }
  }, undefined);
}

/** The time of a stored decision, or -1 when it does not decode. */
const timeOf = (value: string) => decodeDecision(value)?.time ?? -1;

/**
 * Of the values of several same-name consent cookies, the one holding the newest decision; the
 * first when none decodes (so that a malformed value is still reported as one).
 */
export const newestDecision = (values: string[]): string => values.reduce((a, b) => (timeOf(b) > timeOf(a) ? b : a));

/** What the cookie store borrows from the core: which of several values counts, how to erase one. */
export const CONSENT_COOKIE = { newest: newestDecision, erase: eraseCookie };

/**
 * Deletes the cookies (visible to scripts: HttpOnly ones need the server) and the
 * localStorage/sessionStorage keys that match `matchers` and not `keep`, on every domain and
 * path variant. Returns the names of the cookies it found.
 */
export function clearTrackers(matchers: readonly NameMatcher[], keep: readonly NameMatcher[] = []): string[] {
  if (!matchers.length) return [];
  const doomed = (name: string | null): name is string => !!name && matchesName(name, matchers) && !matchesName(name, keep);
  const names = safe(documentCookie, '')
    .split(';')
    .map((pair) => pair.split('=')[0]!.trim())
    .filter(doomed);
  for (const name of new Set(names)) eraseCookie(name);
  for (const area of ['localStorage', 'sessionStorage'] as const) {
    safe(() => {
      const storage = window[area];
      for (let i = storage.length - 1; i >= 0; i--) {
        const key = storage.key(i);
        if (doomed(key)) storage.removeItem(key);
      }
    }, undefined);
  }
  return names;
}
