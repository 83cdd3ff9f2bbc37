import { afterEach, describe, expect, it, vi } from 'vitest';
import { KNOWN_ANALYTICS, KNOWN_MARKETING, KNOWN_SERVICES } from '../../../src/core/cleanup';
import { resolveOptions } from '../../../src/core/options';
import { setURL } from '../support';

afterEach(() => vi.restoreAllMocks());
const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => {});

describe('resolveOptions', () => {
  it('fills in the privacy policy defaults', () => {
    const options = resolveOptions(undefined);
    expect(options).toMatchObject({
      revision: 1,
      expiresAfterDays: 182,
      // `auto`, resolved: happy-dom's page has no lang and its browser speaks en-US.
      language: 'en',
      privacyPolicyUrl: '/privacy',
      gpc: true,
      googleConsentMode: false,
      optional: ['analytics'],
      cookie: { name: 'instria_consent', path: '/', sameSite: 'Lax', domain: undefined },
    });
    expect(options.categories).toEqual({ essential: { required: true }, analytics: { required: false } });
  });

  it('resolves the language once, to the language shown', () => {
    document.documentElement.lang = 'pt-BR';
    try {
      expect(resolveOptions({}).language).toBe('pt');
      expect(resolveOptions({ language: 'no' }).language).toBe('nb');
      expect(resolveOptions({ language: 'ja' }).language).toBe('en');
      expect(resolveOptions({ language: 'ja', translations: { ja: {} } }).language).toBe('ja');
    } finally {
      document.documentElement.lang = '';
    }
  });

  it('clamps expiresAfterDays to 1..395 with a warning', () => {
    const warn = quiet();
    expect(resolveOptions({ expiresAfterDays: 1000 }).expiresAfterDays).toBe(395);
    expect(resolveOptions({ expiresAfterDays: 0 }).expiresAfterDays).toBe(1);
    expect(warn).toHaveBeenCalledWith('[instria-consent]', expect.stringContaining('outside 1..395'));
  });

  it.each([
    ['an unknown option', { analytcs: true }, 'unknown option "analytcs"'],
    ['a wrong type', { revision: 'two' }, 'option "revision" is invalid ("two")'],
    ['a bad category id', { categories: { 'bad id': {} } }, 'category "bad id" is not valid'],
    ['a duplicate service id', { categories: { a: { services: { x: {} } }, b: { services: { x: {} } } } }, 'service id "x"'],
    ['a cookie domain of another site', { cookie: { domain: 'other.example' } }, 'cookie.domain "other.example"'],
  ])('warns once about %s and uses a safe value', (_, input, message) => {
    const warn = quiet();
    expect(() => resolveOptions(input as never)).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![1]).toContain(message);
  });

  it('never throws on garbage', () => {
    quiet();
    for (const input of [null, 42, 'x', [], { categories: 'x' }, { cookie: 5 }, { categories: { a: null } }]) {
      expect(() => resolveOptions(input as never)).not.toThrow();
    }
  });

  describe('cookie.domain', () => {
    const initial = location.href;
    afterEach(() => setURL(initial));

    it('accepts a domain that covers the host, with or without its leading dot, silently', () => {
      const warn = quiet();
      setURL('https://www.shop.example.com/cart');
      expect(resolveOptions({ cookie: { domain: 'example.com' } }).cookie.domain).toBe('example.com');
      expect(resolveOptions({ cookie: { domain: '.shop.example.com' } }).cookie.domain).toBe('.shop.example.com');
      expect(resolveOptions({ cookie: { domain: 'www.shop.example.com' } }).cookie.domain).toBe('www.shop.example.com');
      expect(warn).not.toHaveBeenCalled();
    });

    it('refuses a single-label domain such as localhost, even as the host: host-only, with a warning', () => {
      // happy-dom's default page is http://localhost:3000: a domain without a dot is never kept.
      const warn = quiet();
      expect(resolveOptions({ cookie: { domain: 'localhost' } }).cookie.domain).toBeUndefined();
      expect(warned(warn)).toEqual(['cookie.domain "localhost" does not cover this page\'s host; the cookie is host-only']);
    });

    it('refuses a look-alike that only ends with the same letters', () => {
      const warn = quiet();
      setURL('https://www.badexample.com/');
      expect(resolveOptions({ cookie: { domain: 'example.com' } }).cookie.domain).toBeUndefined();
      expect(warn).toHaveBeenCalledTimes(1);
    });
  });

  it('maps googleConsentMode: true to default settings', () => {
    expect(resolveOptions({ googleConsentMode: true }).googleConsentMode).toEqual({});
    expect(resolveOptions({ googleConsentMode: { waitForUpdate: 800 } }).googleConsentMode).toEqual({ waitForUpdate: 800 });
  });
});

/** Every development warning's text, arguments joined as the console shows them. */
const warned = (spy: ReturnType<typeof quiet>) => spy.mock.calls.map((call) => call.slice(1).join(' '));

describe('warnings name the option, the bad value and the default used', () => {
  it.each([
    ['revision', 'two', '"two"', '1'],
    ['expiresAfterDays', 'long', '"long"', '182'],
    ['language', 5, '5', '"auto"'],
    ['translations', 'fr', '"fr"', '{}'],
    ['privacyPolicyUrl', 7, '7', '"/privacy"'],
    ['gpc', 'yes', '"yes"', 'true'],
    ['recordEndpoint', 42, '42', 'none'],
    ['reloadOnWithdraw', 1, '1', 'false'],
    ['theme', 'pink', '"pink"', '"auto"'],
    ['widget', 'big', '"big"', '"none"'],
    ['nonce', 3, '3', 'none'],
    ['gating', 'no', '"no"', 'true'],
    ['plugins', {}, '{}', '[]'],
    ['categories', 'x', '"x"', '{"essential":{"required":true},"analytics":{}}'],
    ['cookie', 5, '5', '{"name":"instria_consent","path":"/","sameSite":"Lax"}'],
    ['googleConsentMode', 'on', '"on"', 'false'],
    ['storage', 5, '5', 'cookie, else localStorage, else memory'],
    ['controller', 5, '5', 'the host name'],
    ['layout', 'card', '"card"', '"bar"'],
    ['logo', '/logo.svg', '"/logo.svg"', 'none'],
    ['logo', { src: '/logo.svg' }, '{"src":"/logo.svg"}', 'none'],
    ['logo', null, 'null', 'none'],
  ])('%s', (key, bad, shown, fallback) => {
    const warn = quiet();
    resolveOptions({ [key]: bad } as never);
    expect(warned(warn)).toEqual([`option "${key}" is invalid (${shown}); using the default ${fallback}`]);
  });

  it.each([
    ['name', 'bad name', '"bad name"', '"instria_consent"'],
    ['path', 'x', '"x"', '"/"'],
    ['sameSite', 'lax', '"lax"', '"Lax"'],
  ])('cookie.%s', (key, bad, shown, fallback) => {
    const warn = quiet();
    resolveOptions({ cookie: { [key]: bad } } as never);
    expect(warned(warn)).toEqual([`option "cookie.${key}" is invalid (${shown}); using the default ${fallback}`]);
  });

  it('expiresAfterDays out of range: the value given and the value used', () => {
    const warn = quiet();
    resolveOptions({ expiresAfterDays: 1000 });
    expect(warned(warn)).toEqual(['option "expiresAfterDays" is outside 1..395 (1000); using 395']);
  });
});

describe('essential means essential', () => {
  const errors = () => vi.spyOn(console, 'error').mockImplementation(() => {});

  it.each([
    ['a known analytics cookie', { cookies: ['_gid'] }],
    ['a pattern covering a known cookie', { cookies: [/^_ga/] }],
    ['a declared advertising cookie', { cookies: [{ name: '_fbp', purpose: 'ads' }] }],
    ['a service with a known cookie', { services: { ga4: { cookies: [/^_ga_/] } } }],
    ['a service that lists hosts', { services: { chat: { hosts: ['chat.example'] } } }],
    ['a known service', { services: { matomo: {} } }],
  ])('a required category with %s is rejected and made optional', (_, config) => {
    const error = errors();
    const options = resolveOptions({ categories: { essential: { required: true, ...config }, analytics: {} } });
    expect(options.categories.essential.required).toBe(false);
    expect(options.optional).toEqual(['essential', 'analytics']);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]!.join(' ')).toContain('category "essential" is required but holds analytics or advertising trackers');
  });

  // The script tag checks against one compact pattern rather than carrying cleanup.ts's lists:
  // it must know every entry of them, whatever they become.
  it.each([...KNOWN_ANALYTICS, ...KNOWN_MARKETING].map((entry) => [String(entry), entry]))(
    'knows %s from the built-in clean-up lists',
    (_, entry) => {
      vi.spyOn(console, 'error').mockImplementation(() => {});
      expect(resolveOptions({ categories: { essential: { required: true, cookies: [entry] } } }).optional).toEqual(['essential']);
    },
  );

  it.each(Object.keys(KNOWN_SERVICES))('knows the built-in service %s', (service) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(resolveOptions({ categories: { essential: { required: true, services: { [service]: {} } } } }).optional).toEqual(['essential']);
  });

  it('keeps a required category of first-party cookies required, silently', () => {
    const error = errors();
    const warn = quiet();
    const options = resolveOptions({
      categories: {
        essential: { required: true, cookies: ['session', /^csrf_/, { name: 'lang', purpose: 'Language' }], services: { auth: { cookies: ['sid'] } } },
        analytics: { services: { ga4: { cookies: [/^_ga/], hosts: ['google-analytics.com'] } } },
      },
    });
    expect(options.categories.essential.required).toBe(true);
    expect(options.optional).toEqual(['analytics']);
    expect([...error.mock.calls, ...warn.mock.calls]).toEqual([]);
  });

  it('gives every reader of cookies names and patterns, whatever form they were declared in', () => {
    const declared = [{ name: /^_ga_/, purpose: 'Counts visits', duration: '13 months', provider: 'Google' }, '_gid', /^_pk_/];
    const options = resolveOptions({ categories: { analytics: { cookies: declared, services: { ga4: { cookies: declared } } } } });
    expect(options.categories.analytics.cookies).toEqual([/^_ga_/, '_gid', /^_pk_/]);
    expect(options.services.ga4!.cookies).toEqual([/^_ga_/, '_gid', /^_pk_/]);
    expect(options.categories.analytics.declared).toBe(declared);
    expect(options.services.ga4!.declared).toBe(declared);
  });

  it('drops a cookie entry that is not a name, a pattern or { name }, with a warning', () => {
    const warn = quiet();
    const options = resolveOptions({ categories: { analytics: { cookies: ['_gid', 5, null, { purpose: 'x' }] as never, services: { a: { cookies: 'x' as never } } } } });
    expect(options.categories.analytics.cookies).toEqual(['_gid']);
    expect(options.services.a!.cookies).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(4);
    expect(warned(warn)[0]).toContain('category "analytics": a cookie entry is not a name, a RegExp or { name }; ignored 5');
  });
});

describe('layout and logo (0.2)', () => {
  it('keeps a valid layout and logo as given, and leaves both unset by default', () => {
    const warn = quiet();
    const logo = { src: '/logo.svg', alt: 'Instria' };
    expect(resolveOptions({ layout: 'box', logo })).toMatchObject({ layout: 'box', logo });
    expect(resolveOptions({ layout: 'bar', logo: { src: '/l.png', alt: '' } })).toMatchObject({ layout: 'bar', logo: { alt: '' } });
    const defaults = resolveOptions({});
    expect([defaults.layout, defaults.logo]).toEqual([undefined, undefined]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('drops a bad layout or a logo without a string src and alt (no image without its text alternative)', () => {
    quiet();
    const options = resolveOptions({ layout: 'Box', logo: { src: '/logo.svg', alt: 5 } } as never);
    expect([options.layout, options.logo]).toEqual([undefined, undefined]);
  });
});

describe('odd configurations never throw, grant or loop the banner', () => {
  it('a top-level __proto__ key (as JSON.parse makes one) is an unknown option, not a crash', () => {
    quiet();
    const options = resolveOptions(JSON.parse('{"__proto__": {"gating": false}, "revision": 2}'));
    expect(options).toMatchObject({ revision: 2, gating: true });
    expect(Object.getPrototypeOf(options)).toBe(Object.prototype);
  });

  it('categories and services named __proto__, constructor or prototype are dropped; the rest stays', () => {
    const warn = quiet();
    const categories = JSON.parse('{"__proto__": {}, "constructor": {}, "analytics": {"services": {"__proto__": {}, "prototype": {}, "ga4": {}}}}');
    const options = resolveOptions({ categories });
    expect(Object.keys(options.categories)).toEqual(['analytics']);
    expect(Object.keys(options.serviceCategory)).toEqual(['ga4']);
    expect(warn).toHaveBeenCalledTimes(4);
  });

  it('a page that pollutes Object.prototype changes no option, category or service', () => {
    const proto = Object.prototype as Record<string, unknown>;
    try {
      proto.marketing = true;
      proto.gating = false;
      const options = resolveOptions({ categories: { essential: { required: true }, analytics: { services: { ga4: {} } } } });
      expect(options.gating).toBe(true);
      expect(Object.keys({ ...options.categories })).toEqual(['essential', 'analytics']);
      expect('marketing' in options.categories || 'marketing' in options.serviceCategory).toBe(false);
    } finally {
      delete proto.marketing;
      delete proto.gating;
    }
  });

  it('keeps only http(s) and relative privacy policy URLs: never javascript: or data:', () => {
    quiet();
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,hi', 'vbscript:x']) {
      expect([url, resolveOptions({ privacyPolicyUrl: url }).privacyPolicyUrl]).toEqual([url, '/privacy']);
    }
    for (const url of ['https://example.test/privacy', 'http://example.test/p', '/privacy#cookies', 'privacy.html', '//example.test/p']) {
      expect(resolveOptions({ privacyPolicyUrl: url }).privacyPolicyUrl).toBe(url);
    }
  });

  it('accepts a revision of up to 16 digits (what the stored value holds), not beyond', () => {
    quiet();
    expect(resolveOptions({ revision: 1234567890 }).revision).toBe(1234567890);
    expect(resolveOptions({ revision: 2 ** 53 }).revision).toBe(1);
  });
});
