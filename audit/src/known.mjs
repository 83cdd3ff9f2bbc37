// The audit's own list of cookie names and storage keys: who writes each, why, and whether it
// needs consent, each with the vendor's page that says so. A name that is on no list (nor in
// the site's configuration) is reported as unknown: never guessed from its spelling.
//
// `name` is exact, or ends with `*` for a prefix (`_ga_*` = `_ga_` then anything). `where` is
// `cookie`, `storage` (localStorage / sessionStorage / IndexedDB) or `both`. `category` is one
// of `essential` (exempt from consent, ePrivacy Directive art. 5(3): strictly necessary for a
// service the visitor asked for, or the consent choice itself), `functional`, `analytics`,
// `marketing`; every category but `essential` needs consent.
// See: https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32002L0058 (art. 5(3))

const GA = 'https://support.google.com/analytics/answer/11397207';
const GA_LEGACY = 'https://developers.google.com/analytics/devguides/collection/analyticsjs/cookie-usage';
const GOOGLE = 'https://policies.google.com/technologies/cookies';
const GOOGLE_ADS = 'https://business.safety.google/adscookies/';
const META = 'https://www.facebook.com/privacy/policies/cookies/';
const CLARITY = 'https://learn.microsoft.com/en-us/clarity/setup-and-installation/cookie-list';
const UET = 'https://help.ads.microsoft.com/apex/index/3/en/60212';
const MATOMO = 'https://matomo.org/faq/general/faq_146/';
const HOTJAR = 'https://help.hotjar.com/hc/en-us/articles/6952777582999-Cookies-Set-by-the-Hotjar-Tracking-Code';
const TIKTOK = 'https://ads.tiktok.com/help/article/using-cookies-with-tiktok-pixel';
const LINKEDIN = 'https://www.linkedin.com/legal/l/cookie-table';
const HUBSPOT = 'https://knowledge.hubspot.com/privacy-and-consent/what-cookies-does-hubspot-set-in-a-visitor-s-browser';
const SEGMENT = 'https://segment.com/docs/connections/sources/catalog/libraries/website/javascript/identity/';
const POSTHOG = 'https://posthog.com/docs/libraries/js/persistence';
const CLOUDFLARE = 'https://developers.cloudflare.com/fundamentals/reference/policies-compliances/cloudflare-cookies/';
const STRIPE = 'https://docs.stripe.com/disputes/prevention/advanced-fraud-detection';
const INSTRIA = 'https://github.com/instria/consent/blob/main/docs/cookie-format.md';
const INSTRIA_RECORDS = 'https://github.com/instria/consent/blob/main/docs/integrations.md';
const PHP = 'https://www.php.net/manual/en/session.configuration.php#ini.session.name';
const DJANGO = 'https://docs.djangoproject.com/en/stable/ref/settings/#csrf-cookie-name';

/**
 * @typedef {'essential' | 'functional' | 'analytics' | 'marketing'} KnownCategory
 * @typedef {{ name: string, where: 'cookie' | 'storage' | 'both', vendor: string, purpose: string, category: KnownCategory, source: string }} KnownItem
 */

/** @type {KnownItem[]} */
export const KNOWN = [
  // Our own: the decision (the consent cookie, or its localStorage fallback) and the outbox of
  // consent records not yet acknowledged (proof of consent, GDPR art. 7(1)).
  { name: 'instria_consent', where: 'both', vendor: 'Instria Consent', purpose: 'Remembers the visitor’s consent choice', category: 'essential', source: INSTRIA },
  { name: 'instria_consent_records', where: 'storage', vendor: 'Instria Consent', purpose: 'Consent records waiting to be sent (proof of consent)', category: 'essential', source: INSTRIA_RECORDS },

  { name: '_ga', where: 'cookie', vendor: 'Google Analytics', purpose: 'Distinguishes visitors', category: 'analytics', source: GA },
  { name: '_ga_*', where: 'cookie', vendor: 'Google Analytics', purpose: 'Keeps the session state of a GA4 property', category: 'analytics', source: GA },
  { name: '_gid', where: 'cookie', vendor: 'Google Analytics', purpose: 'Distinguishes visitors (24 hours)', category: 'analytics', source: GA_LEGACY },
  { name: '_gat', where: 'cookie', vendor: 'Google Analytics', purpose: 'Throttles the request rate', category: 'analytics', source: GA_LEGACY },
  { name: '_gat_*', where: 'cookie', vendor: 'Google Analytics', purpose: 'Throttles the request rate', category: 'analytics', source: GA_LEGACY },
  { name: '_dc_gtm_*', where: 'cookie', vendor: 'Google Analytics', purpose: 'Throttles the request rate (Tag Manager)', category: 'analytics', source: GA_LEGACY },
  { name: 'AMP_TOKEN', where: 'cookie', vendor: 'Google Analytics', purpose: 'Client id from the AMP Client ID service', category: 'analytics', source: GA_LEGACY },
  { name: '__utm*', where: 'cookie', vendor: 'Google Analytics (legacy ga.js)', purpose: 'Visitor, session and campaign tracking', category: 'analytics', source: GA_LEGACY },
  { name: '_gcl_*', where: 'both', vendor: 'Google Ads', purpose: 'Conversion linker: ad clicks to conversions', category: 'marketing', source: GOOGLE_ADS },
  { name: '_gac_*', where: 'cookie', vendor: 'Google Ads', purpose: 'Campaign information for Analytics', category: 'marketing', source: GOOGLE_ADS },
  { name: 'IDE', where: 'cookie', vendor: 'Google (DoubleClick)', purpose: 'Ad personalisation and measurement', category: 'marketing', source: GOOGLE_ADS },
  { name: 'test_cookie', where: 'cookie', vendor: 'Google (DoubleClick)', purpose: 'Checks that the browser accepts cookies, for ads', category: 'marketing', source: GOOGLE_ADS },
  { name: 'DSID', where: 'cookie', vendor: 'Google (DoubleClick)', purpose: 'Ad personalisation across devices', category: 'marketing', source: GOOGLE_ADS },
  { name: 'NID', where: 'cookie', vendor: 'Google', purpose: 'Preferences and ad personalisation', category: 'marketing', source: GOOGLE },
  { name: 'YSC', where: 'cookie', vendor: 'YouTube (Google)', purpose: 'Counts views of embedded videos', category: 'marketing', source: GOOGLE },
  { name: 'VISITOR_INFO1_LIVE', where: 'cookie', vendor: 'YouTube (Google)', purpose: 'Bandwidth estimate and ad personalisation', category: 'marketing', source: GOOGLE },
  { name: 'VISITOR_PRIVACY_METADATA', where: 'cookie', vendor: 'YouTube (Google)', purpose: 'Stores the visitor’s consent state for YouTube', category: 'marketing', source: GOOGLE },

  { name: '_fbp', where: 'cookie', vendor: 'Meta Pixel', purpose: 'Identifies browsers for ads and measurement', category: 'marketing', source: META },
  { name: '_fbc', where: 'cookie', vendor: 'Meta Pixel', purpose: 'Stores the last ad click (fbclid)', category: 'marketing', source: META },
  { name: 'fr', where: 'cookie', vendor: 'Meta (Facebook)', purpose: 'Ad delivery and measurement', category: 'marketing', source: META },

  { name: '_clck', where: 'both', vendor: 'Microsoft Clarity', purpose: 'Keeps the Clarity user id', category: 'analytics', source: CLARITY },
  { name: '_clsk', where: 'both', vendor: 'Microsoft Clarity', purpose: 'Joins page views into one recording', category: 'analytics', source: CLARITY },
  { name: 'CLID', where: 'cookie', vendor: 'Microsoft Clarity', purpose: 'Identifies the first time Clarity saw this user', category: 'analytics', source: CLARITY },
  { name: 'MUID', where: 'cookie', vendor: 'Microsoft', purpose: 'Identifies browsers across Microsoft sites (ads, Clarity)', category: 'marketing', source: CLARITY },
  { name: 'ANONCHK', where: 'cookie', vendor: 'Microsoft Clarity', purpose: 'Tells whether MUID is transferred to ANID', category: 'marketing', source: CLARITY },
  { name: '_uetsid', where: 'both', vendor: 'Microsoft Advertising (UET)', purpose: 'Session id for conversion tracking', category: 'marketing', source: UET },
  { name: '_uetvid', where: 'both', vendor: 'Microsoft Advertising (UET)', purpose: 'Visitor id for conversion tracking', category: 'marketing', source: UET },

  { name: '_pk_id*', where: 'cookie', vendor: 'Matomo', purpose: 'Visitor id', category: 'analytics', source: MATOMO },
  { name: '_pk_ses*', where: 'cookie', vendor: 'Matomo', purpose: 'Session of the visit', category: 'analytics', source: MATOMO },
  { name: '_pk_ref*', where: 'cookie', vendor: 'Matomo', purpose: 'Referrer of the visit', category: 'analytics', source: MATOMO },
  { name: '_pk_cvar*', where: 'cookie', vendor: 'Matomo', purpose: 'Custom variables of the visit', category: 'analytics', source: MATOMO },
  { name: '_pk_hsr*', where: 'cookie', vendor: 'Matomo', purpose: 'Heatmap and session recording', category: 'analytics', source: MATOMO },
  { name: '_pk_testcookie*', where: 'cookie', vendor: 'Matomo', purpose: 'Checks that cookies can be written', category: 'analytics', source: MATOMO },
  { name: 'mtm_consent', where: 'cookie', vendor: 'Matomo', purpose: 'Remembers consent to Matomo tracking', category: 'analytics', source: MATOMO },
  { name: 'mtm_cookie_consent', where: 'cookie', vendor: 'Matomo', purpose: 'Remembers consent to Matomo cookies', category: 'analytics', source: MATOMO },
  { name: 'mtm_consent_removed', where: 'cookie', vendor: 'Matomo', purpose: 'Remembers the visitor’s opt-out', category: 'essential', source: MATOMO },

  { name: '_hj*', where: 'both', vendor: 'Hotjar', purpose: 'Session recording and heatmaps', category: 'analytics', source: HOTJAR },
  { name: 'hjViewportId', where: 'storage', vendor: 'Hotjar', purpose: 'Stores the visitor’s viewport details', category: 'analytics', source: HOTJAR },

  { name: '_ttp', where: 'both', vendor: 'TikTok Pixel', purpose: 'Measures ad performance, identifies browsers', category: 'marketing', source: TIKTOK },
  { name: '_tt_*', where: 'cookie', vendor: 'TikTok Pixel', purpose: 'Tells whether TikTok Pixel cookies are enabled', category: 'marketing', source: TIKTOK },
  { name: 'ttcsid*', where: 'cookie', vendor: 'TikTok Pixel', purpose: 'Session id for ad measurement', category: 'marketing', source: TIKTOK },
  { name: 'tt_*', where: 'storage', vendor: 'TikTok Pixel', purpose: 'Pixel session and app information', category: 'marketing', source: TIKTOK },

  { name: 'li_sugr', where: 'cookie', vendor: 'LinkedIn', purpose: 'Probabilistic browser identifier', category: 'marketing', source: LINKEDIN },
  { name: 'bcookie', where: 'cookie', vendor: 'LinkedIn', purpose: 'Browser identifier', category: 'marketing', source: LINKEDIN },
  { name: 'lidc', where: 'cookie', vendor: 'LinkedIn', purpose: 'Data-centre routing', category: 'marketing', source: LINKEDIN },
  { name: 'UserMatchHistory', where: 'cookie', vendor: 'LinkedIn', purpose: 'Ad id syncing', category: 'marketing', source: LINKEDIN },
  { name: 'AnalyticsSyncHistory', where: 'cookie', vendor: 'LinkedIn', purpose: 'Time of the last analytics sync', category: 'marketing', source: LINKEDIN },
  { name: 'li_fat_id', where: 'cookie', vendor: 'LinkedIn', purpose: 'Member-indirect id for conversion tracking', category: 'marketing', source: LINKEDIN },

  { name: '__hstc', where: 'cookie', vendor: 'HubSpot', purpose: 'Tracks visitors (domain, times, session count)', category: 'analytics', source: HUBSPOT },
  { name: 'hubspotutk', where: 'cookie', vendor: 'HubSpot', purpose: 'Visitor identity, passed on form submission', category: 'analytics', source: HUBSPOT },
  { name: '__hssc', where: 'cookie', vendor: 'HubSpot', purpose: 'Tracks sessions', category: 'analytics', source: HUBSPOT },
  { name: '__hssrc', where: 'cookie', vendor: 'HubSpot', purpose: 'Tells whether the browser restarted', category: 'analytics', source: HUBSPOT },

  { name: 'ajs_anonymous_id', where: 'both', vendor: 'Segment', purpose: 'Anonymous visitor id', category: 'analytics', source: SEGMENT },
  { name: 'ajs_user_id', where: 'both', vendor: 'Segment', purpose: 'Identified user id', category: 'analytics', source: SEGMENT },
  { name: 'ph_*_posthog', where: 'both', vendor: 'PostHog', purpose: 'Visitor id and session state', category: 'analytics', source: POSTHOG },

  { name: '__cf_bm', where: 'cookie', vendor: 'Cloudflare', purpose: 'Bot management', category: 'essential', source: CLOUDFLARE },
  { name: 'cf_clearance', where: 'cookie', vendor: 'Cloudflare', purpose: 'Proves a passed security challenge', category: 'essential', source: CLOUDFLARE },
  { name: '_cfuvid', where: 'cookie', vendor: 'Cloudflare', purpose: 'Rate limiting shared among visitors', category: 'essential', source: CLOUDFLARE },
  { name: '__stripe_mid', where: 'cookie', vendor: 'Stripe', purpose: 'Fraud prevention', category: 'essential', source: STRIPE },
  { name: '__stripe_sid', where: 'cookie', vendor: 'Stripe', purpose: 'Fraud prevention (session)', category: 'essential', source: STRIPE },
  { name: 'PHPSESSID', where: 'cookie', vendor: 'PHP', purpose: 'Server session', category: 'essential', source: PHP },
  { name: 'csrftoken', where: 'cookie', vendor: 'Django', purpose: 'Protects forms against cross-site request forgery', category: 'essential', source: DJANGO },
];

/** Whether `name` is the item's name, or starts with its prefix. Case-sensitive: cookie names are. */
export function matchesKnown(item, name) {
  const star = item.name.indexOf('*');
  if (star < 0) return item.name === name;
  const head = item.name.slice(0, star);
  const tail = item.name.slice(star + 1);
  return name.length > head.length + tail.length - 1 && name.startsWith(head) && name.endsWith(tail);
}

/**
 * The list's entry for a cookie (`kind` 'cookie') or a storage key / database name (`kind`
 * 'storage'), or undefined. An exact name wins over a prefix.
 * @param {string} name
 * @param {'cookie' | 'storage'} kind
 * @returns {KnownItem | undefined}
 */
export function knownItem(name, kind) {
  const fits = KNOWN.filter((item) => (item.where === 'both' || item.where === kind) && matchesKnown(item, name));
  return fits.find((item) => !item.name.includes('*')) ?? fits[0];
}
