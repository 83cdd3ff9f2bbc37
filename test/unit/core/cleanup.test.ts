import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsent as createHeadless } from '../../../src/core';
import {
  KNOWN_ANALYTICS,
  KNOWN_MARKETING,
  KNOWN_SERVICES,
  SUSPECTS,
  clearTrackers,
  cookieDomains,
  cookiePaths,
  eraseCookie,
  hasLeftovers,
  matchesName,
  newestDecision,
  trackersOf,
} from '../../../src/core/cleanup';
import { encodeDecision } from '../../../src/core/codec';
import { installDecisions } from '../../../src/core/decisions';
import { createEngine } from '../../../src/core/engine';
import { resolveOptions } from '../../../src/core/options';
import type { ConsentOptions, ConsentState, ResolvedOptions } from '../../../src/core/types';
import { createConsent } from '../../../src/index';
import { memoryStorage } from '../../../src/storage/memory';
import { clearCookies, consoleSpy, setURL } from '../support';

afterEach(() => vi.restoreAllMocks());

// Deletion must try every domain and path a tracker may have used: GA writes its cookies at the
// highest possible domain level. See: https://developers.google.com/analytics/resources/concepts/gaConceptsCookies
describe('cookieDomains', () => {
  it('tries host-only, the host and every parent domain (GA writes at the highest level)', () => {
    expect(cookieDomains('app.example.co.uk')).toEqual([undefined, 'app.example.co.uk', 'example.co.uk', 'co.uk']);
    expect(cookieDomains('www.example.test')).toEqual([undefined, 'www.example.test', 'example.test']);
  });

  it('tries host-only alone for an IP address or a single-label host', () => {
    expect(cookieDomains('127.0.0.1')).toEqual([undefined]);
    expect(cookieDomains('[::1]')).toEqual([undefined]);
    expect(cookieDomains('localhost')).toEqual([undefined]);
  });
});

describe('cookiePaths', () => {
  it('tries / and every ancestor of the current path, and the path itself', () => {
    expect(cookiePaths('/')).toEqual(['/']);
    expect(cookiePaths('/blog/2026/post')).toEqual(['/', '/blog', '/blog/2026', '/blog/2026/post']);
    expect(cookiePaths('/docs/')).toEqual(['/', '/docs']);
  });
});

describe('KNOWN_ANALYTICS', () => {
  it.each(['_ga', '_ga_ABC123', '_gid', '_gat_UA-1', '_dc_gtm_UA-1', '_pk_id.1.abcd', '_pk_ses.1.abcd', '_hjSessionUser_1', '_clck'])(
    'matches %s',
    (name) => expect(matchesName(name, KNOWN_ANALYTICS)).toBe(true),
  );

  it.each(['session', 'instria_consent', '_gallery', 'mtm_consent_removed', 'gamer'])('leaves %s alone', (name) => {
    expect(matchesName(name, KNOWN_ANALYTICS)).toBe(false);
  });
});

// Every known name is anchored at both ends, so a site's own cookie that merely
// starts alike is never deleted.
const ANALYTICS_NAMES = [
  '_ga', '_ga_X', '_ga_ABC123', '_gid', '_gat', '_gat_UA-1', '_gat_gtag_UA_1_1', '_dc_gtm_UA-1', 'AMP_TOKEN',
  '_pk_id.1.abcd', '_pk_ses.1.abcd', '_pk_ref.12.1f2e', '_pk_cvar.1.ab', '_pk_hsr.1.ab', '_pk_testcookie', '_pk_testcookie.1.ab',
  '_hjSessionUser_1', '_hjSession_1', '_hjid', '_hjFirstSeen', '_hjAbsoluteSessionInProgress', '_hjIncludedInSessionSample_1',
  '_hjTLDTest', '_hjLocalStorageTest', '_hjUserAttributes', '_hjRecordingLastActivity', 'hjViewportId', '_clck', '_clsk',
  // Matomo's remembered consent: left behind, it would let Matomo measure again.
  'mtm_consent', 'mtm_cookie_consent',
];
const MARKETING_NAMES = ['_gcl_au', '_gcl_aw', '_gac_UA-1-1', '_gac_gb_GTM-1', '_fbp', '_fbc'];
const SITE_NAMES = [
  '_gateway_session', '_gallery', '_gamer', '_ga4only', '_gidx', '_gatsby', '_pk_cart', '_pk_id', '_hjalmar', '_hj',
  '_clckx', '_gclid', '_gcl', '_fbpx', '_gacha', 'session', 'instria_consent', 'mtm_consent_removed', 'mtm_consentx', 'theme',
];

describe('the built-in lists', () => {
  it.each(ANALYTICS_NAMES)('KNOWN_ANALYTICS matches %s', (name) => expect(matchesName(name, KNOWN_ANALYTICS)).toBe(true));
  it.each(MARKETING_NAMES)('KNOWN_MARKETING matches %s', (name) => expect(matchesName(name, KNOWN_MARKETING)).toBe(true));
  it.each(SITE_NAMES)('leaves the site cookie %s alone', (name) => {
    expect(matchesName(name, [...KNOWN_ANALYTICS, ...KNOWN_MARKETING, ...Object.values(KNOWN_SERVICES).flat()])).toBe(false);
  });

  it('anchors every pattern at both ends', () => {
    for (const list of [KNOWN_ANALYTICS, KNOWN_MARKETING, ...Object.values(KNOWN_SERVICES)]) {
      for (const matcher of list) if (matcher instanceof RegExp) expect(matcher.source).toMatch(/^\^.*\$$/);
    }
  });

  it('has a list for each documented service id, and none for inherited property names', () => {
    const has = (service: string, name: string) => matchesName(name, KNOWN_SERVICES[service] ?? []);
    for (const service of ['ga4', 'googleAnalytics', 'gtag']) {
      expect(has(service, '_ga') && has(service, '_ga_X') && has(service, '_gid'), service).toBe(true);
    }
    expect(has('googleAds', '_gcl_au') && has('googleAds', '_gac_UA-1-1') && !has('googleAds', '_ga')).toBe(true);
    expect(has('matomo', '_pk_id.1.abcd') && !has('matomo', '_pk_cart')).toBe(true);
    expect(has('hotjar', '_hjSessionUser_1') && has('hotjar', 'hjViewportId')).toBe(true);
    expect(has('clarity', '_clck') && has('metaPixel', '_fbp')).toBe(true);
    for (const inherited of ['constructor', '__proto__', 'toString']) expect(KNOWN_SERVICES[inherited]).toBeUndefined();
  });

  it('SUSPECTS, the script tag\'s quick test, covers every built-in name and skips the look-alikes', () => {
    for (const name of [...ANALYTICS_NAMES, ...MARKETING_NAMES]) expect(SUSPECTS.test(name), name).toBe(true);
    for (const name of ['_gateway_session', '_gallery', '_gamer', 'session', 'instria_consent', 'theme']) expect(SUSPECTS.test(name), name).toBe(false);
  });
});

/** The state of `options` where exactly `granted` (categories and services) are granted. */
function stateOf(options: ResolvedOptions, granted: string[]): ConsentState {
  const categories: Record<string, boolean> = {};
  const services: Record<string, boolean> = {};
  for (const id in options.categories) categories[id] = !!options.categories[id]!.required || granted.includes(id);
  for (const service in options.serviceCategory) services[service] = granted.includes(service) || granted.includes(options.serviceCategory[service]!);
  return { decided: true, categories, services, id: 'x', decidedAt: 0, revision: 1, method: 'custom', pending: { categories: [], services: [] } };
}

const EVERY_NAME = [...ANALYTICS_NAMES, ...MARKETING_NAMES, ...SITE_NAMES];

/** Which of EVERY_NAME a refusal of `categories`/`services` removes, with `granted` still granted. */
function removed(categories: ConsentOptions['categories'], granted: string[], refused: string[], services: string[] = []) {
  const options = resolveOptions({ categories }) as ResolvedOptions;
  const [remove, keep] = trackersOf(options, stateOf(options, granted), refused, services);
  return EVERY_NAME.filter((name) => matchesName(name, remove) && !matchesName(name, keep));
}

describe('trackersOf: what a refusal removes, and what a granted category keeps', () => {
  const google = ['_ga', '_ga_X', '_gid', '_gat', '_gcl_au', '_gac_UA-1-1'];

  it('gives a category of any id the built-in lists of the known services it declares, with Google\'s click cookies', () => {
    const gone = removed({ essential: { required: true }, stats: { services: { ga4: {}, hotjar: {} } } }, [], ['stats']);
    expect(gone).toEqual(expect.arrayContaining([...google, '_hjSessionUser_1', 'hjViewportId']));
    expect(gone).not.toContain('_pk_id.1.abcd'); // no Matomo declared
    expect(gone).not.toContain('_fbp');
    expect(gone.filter((name) => SITE_NAMES.includes(name))).toEqual([]);
  });

  it('clears the click cookies with Google Ads in a category of any id, and leaves GA to its granted category', () => {
    const categories = { stats: { services: { ga4: {} } }, ads: { services: { googleAds: {}, metaPixel: {} } } };
    expect(removed(categories, ['stats'], ['ads'])).toEqual(['_gcl_au', '_gcl_aw', '_gac_UA-1-1', '_gac_gb_GTM-1', '_fbp', '_fbc']);
  });

  it('keeps the click cookies while the category holding Google Ads is granted', () => {
    const categories = { stats: { services: { gtag: {} } }, ads: { services: { googleAds: {} } } };
    const gone = removed(categories, ['ads'], ['stats']);
    expect(gone).toEqual(expect.arrayContaining(['_ga', '_ga_X', '_gid']));
    expect(gone).not.toContain('_gcl_au');
    expect(gone).not.toContain('_gac_UA-1-1');
  });

  it('keeps 0.1\'s built-in lists for categories named analytics and marketing; Google\'s click cookies go with analytics too', () => {
    const categories = { analytics: {}, marketing: {} };
    expect(removed(categories, ['marketing'], ['analytics'])).toEqual(ANALYTICS_NAMES);
    expect(removed({ analytics: {} }, [], ['analytics'])).toEqual([...ANALYTICS_NAMES, '_gcl_au', '_gcl_aw', '_gac_UA-1-1', '_gac_gb_GTM-1']);
    expect(removed(categories, ['analytics'], ['marketing'])).toEqual(MARKETING_NAMES);
  });

  it('removes a service withdrawn alone even though its granted category has a built-in list', () => {
    const categories = { analytics: { services: { ga4: {}, matomo: {} } } };
    const gone = removed(categories, ['analytics'], [], ['matomo']);
    expect(gone).toEqual(['_pk_id.1.abcd', '_pk_ses.1.abcd', '_pk_ref.12.1f2e', '_pk_cvar.1.ab', '_pk_hsr.1.ab', '_pk_testcookie', '_pk_testcookie.1.ab', 'mtm_consent', 'mtm_cookie_consent']);
  });

  it('never removes the consent cookie, and survives odd configurations', () => {
    const warned = consoleSpy('warn');
    const categories = {
      analytics: { cookies: [/^instria/, 'theme'], services: { constructor: {}, toString: { cookies: 'oops' as never } } },
    };
    expect(removed(categories, [], ['analytics'])).toContain('theme');
    expect(removed(categories, [], ['analytics'])).not.toContain('instria_consent');
    // The options drop `constructor` (a name the stored value cannot hold) and the cookies that are
    // not a list, with a warning each time they are resolved; `toString` is an id like any other.
    const dropped = ['service id "constructor" is not valid or used twice; ignored', 'service "toString".cookies must be an array; ignored oops'];
    expect(warned()).toEqual([...dropped, ...dropped]);
  });
});

describe('deleting on every variant', () => {
  const initial = location.href;
  afterEach(() => {
    for (const pair of document.cookie.split(';')) {
      const name = pair.split('=')[0]!.trim();
      if (name) eraseCookie(name);
    }
    localStorage.clear();
    setURL(initial);
  });
  const at = setURL;

  it('eraseCookie removes the host-only, parent-domain and deeper-path copies', () => {
    at('http://www.example.test/shop/item');
    document.cookie = 'x=1;path=/';
    document.cookie = 'x=2;path=/shop;domain=www.example.test';
    document.cookie = 'x=3;path=/;domain=example.test';
    document.cookie = 'y=keep;path=/';
    eraseCookie('x');
    expect(document.cookie).toBe('y=keep');
  });

  it('clearTrackers removes what matches and is not kept, cookies and storage alike', () => {
    at('http://www.example.test/');
    for (const name of ['_ga', '_gcl_au', '_gateway_session']) document.cookie = `${name}=1;path=/;domain=example.test`;
    localStorage.setItem('_hjSessionUser_1', '{}');
    localStorage.setItem('_hjalmar', 'keep');
    clearTrackers([...KNOWN_ANALYTICS, ...KNOWN_MARKETING], ['_gcl_au']);
    expect(document.cookie.split('; ').sort()).toEqual(['_gateway_session=1', '_gcl_au=1']);
    expect(Object.keys(localStorage)).toEqual(['_hjalmar']);
  });
});

describe('newestDecision', () => {
  const value = (time: number, method: 'accept-all' | 'withdraw') =>
    encodeDecision({ id: 'abcdefgh-0001', time, revision: 1, method, categories: { analytics: method === 'accept-all' }, services: {} });
  const old = value(1_700_000_000_000, 'accept-all');
  const recent = value(1_700_000_500_000, 'withdraw');

  it('takes the newest decision whatever the order the browser sends them in', () => {
    expect(newestDecision([old, recent])).toBe(recent);
    expect(newestDecision([recent, old])).toBe(recent);
    expect(newestDecision([recent])).toBe(recent);
  });

  it('prefers a valid decision to a malformed one, and reports a lone malformed one', () => {
    expect(newestDecision(['garbage', old])).toBe(old);
    expect(newestDecision(['garbage', 'junk'])).toBe('garbage');
  });
});

describe('hasLeftovers: the script tag\'s test for something left to remove', () => {
  const options = resolveOptions({
    categories: { essential: { required: true }, analytics: { cookies: ['my_tracker'], services: { ga4: {} } }, media: {} },
  }) as ResolvedOptions;
  afterEach(() => {
    clearCookies();
    localStorage.clear();
  });

  it('is false with nothing left, or only look-alikes, or nothing refused', () => {
    expect(hasLeftovers(options, stateOf(options, []))).toBe(false);
    document.cookie = '_gateway_session=1;path=/';
    expect(hasLeftovers(options, stateOf(options, []))).toBe(false);
    document.cookie = '_ga=1;path=/';
    const cookie = vi.spyOn(document, 'cookie', 'get');
    expect(hasLeftovers(options, stateOf(options, ['analytics', 'media']))).toBe(false);
    expect(cookie, 'everything accepted: nothing to look for, nothing read').not.toHaveBeenCalled();
    cookie.mockRestore();
  });

  it('is true with a built-in name or a declared one of a refused category, in a cookie or storage', () => {
    document.cookie = '_ga=1;path=/';
    expect(hasLeftovers(options, stateOf(options, []))).toBe(true);
    document.cookie = '_ga=;expires=Thu, 01 Jan 1970 00:00:00 GMT;path=/';
    document.cookie = 'my_tracker=1;path=/';
    expect(hasLeftovers(options, stateOf(options, ['media']))).toBe(true);
    document.cookie = 'my_tracker=;expires=Thu, 01 Jan 1970 00:00:00 GMT;path=/';
    localStorage.setItem('_hjSessionUser_1', '{}');
    expect(hasLeftovers(options, stateOf(options, ['analytics']))).toBe(true);
    localStorage.clear();
    sessionStorage.setItem('my_tracker', '1');
    expect(hasLeftovers(options, stateOf(options, ['media'])), 'sessionStorage alone is not read at start').toBe(false);
    sessionStorage.clear();
  });

  it('does not look while the visitor is asked: the banner brings the decision code, which cleans up', () => {
    document.cookie = '_ga=1;path=/';
    const asked = { ...stateOf(options, []), decided: false };
    const cookie = vi.spyOn(document, 'cookie', 'get');
    expect(hasLeftovers(options, asked)).toBe(false);
    expect(cookie).not.toHaveBeenCalled();
    expect(hasLeftovers(options, { ...stateOf(options, []), pending: { categories: ['media'], services: [] } })).toBe(false);
    cookie.mockRestore();
    expect(hasLeftovers(options, stateOf(options, []))).toBe(true);
  });

  it('never throws on a bad cookies option, which the options drop: the built-in names still count', () => {
    const warned = consoleSpy('warn');
    const bad = resolveOptions({ categories: { analytics: { cookies: 5 as never } } }) as ResolvedOptions;
    expect(warned()).toEqual(['category "analytics".cookies must be an array; ignored 5']);
    expect(hasLeftovers(bad, stateOf(bad, []))).toBe(false);
    document.cookie = '_ga=1;path=/';
    expect(hasLeftovers(bad, stateOf(bad, []))).toBe(true);
  });
});

// A refused category's trackers go on every page view, not only when a decision
// is made, from every entry; the script tag fetches its decision code for it only when needed.
describe('clean-up on every page view', () => {
  const refusal = () =>
    encodeDecision({ id: 'abcdef12-3456', time: Date.now() - 1000, revision: 1, method: 'reject-all', categories: { analytics: false }, services: {} });
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  afterEach(() => {
    clearCookies();
    localStorage.clear();
  });
  const plant = () => {
    document.cookie = '_ga=GA1.1.1;path=/';
    document.cookie = '_gcl_au=1.1;path=/';
    document.cookie = '_gateway_session=keep;path=/';
    localStorage.setItem('_hjSessionUser_1', '{}');
  };
  const left = () => document.cookie.split('; ').map((pair) => pair.split('=')[0]).sort();

  /** The engine as the script tag starts it: no decision code, and `hasLeftovers` as `eager`. */
  const scriptTag = () => {
    const load = vi.fn(() => Promise.resolve(installDecisions));
    const consent = createEngine(
      { storage: memoryStorage(refusal()) },
      { loadDecisions: load, eager: (options, state) => hasLeftovers(options, state) },
    );
    return { consent, load };
  };

  it('script tag: a returning refuser with leftovers gets the decision code, which removes them; the banner stays hidden', async () => {
    plant();
    const { consent, load } = scriptTag();
    expect(consent.view.get()).toBe('hidden');
    expect(load).toHaveBeenCalledTimes(1);
    await flush();
    expect(left()).toEqual(['_gateway_session']);
    expect(localStorage.getItem('_hjSessionUser_1')).toBeNull();
  });

  it('script tag: a returning refuser with nothing left downloads nothing', async () => {
    document.cookie = '_gateway_session=keep;path=/';
    const { load } = scriptTag();
    await flush();
    expect(load).not.toHaveBeenCalled();
  });

  it.each([
    // The UI's entry asks for the privacy policy link its banner shows.
    ['@instria/consent', createConsent, ['option "privacyPolicyUrl" is not set']],
    ['@instria/consent/core', createHeadless, []],
  ])('%s: a returning refuser loses the leftovers at once', (_, create, warnings) => {
    const warned = consoleSpy('warn');
    document.cookie = `instria_consent=${refusal()};path=/`;
    plant();
    const consent = create();
    expect(warned()).toEqual(warnings.map((text) => expect.stringContaining(text)));
    expect(consent.state.get().method).toBe('reject-all');
    expect(left()).toEqual(['_gateway_session', 'instria_consent']);
    expect(localStorage.getItem('_hjSessionUser_1')).toBeNull();
  });
});
