import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONSENT_COOKIE } from '../../../src/core/cleanup';
import { decodeDecision } from '../../../src/core/codec';
import { gating } from '../../../src/core/gating/index';
import type { CategoryOptions, Consent, ConsentOptions, ConsentStorage } from '../../../src/core/types';
import { cookieStorage } from '../../../src/storage/cookie';
import { memoryStorage } from '../../../src/storage/memory';
import { refusedLoads, testConsent } from '../support';
import { Banner } from '../../../src/ui/banner';
import { Preferences } from '../../../src/ui/preferences';
import { translator } from '../../../src/ui/i18n';

// Provenance: a stored decision grants only what it covered. A service or a
// category added to the configuration since is undecided (pending): never granted, asked for
// alone, with every earlier choice kept.

/** The site before: analytics with one service. */
const before = {
  essential: { required: true },
  analytics: { label: 'Analytics', services: { ga4: { label: 'Google Analytics' } } },
} satisfies Record<string, CategoryOptions>;

/** The site after: a new service in analytics. */
const newService = {
  essential: { required: true },
  analytics: { label: 'Analytics', services: { ga4: { label: 'Google Analytics' }, hotjar: { label: 'Hotjar' } } },
} satisfies Record<string, CategoryOptions>;

/** The site after: a new category (with a service). */
const newCategory = {
  ...before,
  marketing: { label: 'Marketing', services: { ads: { label: 'Google Ads' } } },
} satisfies Record<string, CategoryOptions>;

const instances: Consent[] = [];
function make(categories: Record<string, CategoryOptions>, storage: ConsentStorage, options: ConsentOptions = {}) {
  return testConsent({ categories, storage, gating: false, ...options });
}

/** A visitor's decision on the old site, as stored. */
function decidedBefore(decide: (consent: Consent) => void, categories: Record<string, CategoryOptions> = before) {
  const storage = memoryStorage();
  decide(make(categories, storage));
  return storage;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  document.documentElement.lang = 'en';
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});
afterEach(() => {
  for (const consent of instances.splice(0)) consent.destroy();
  render(null, document.body);
  vi.restoreAllMocks();
});

describe('a service added to an accepted category', () => {
  it('is pending and not granted; the rest of the decision stands and the banner asks', () => {
    const storage = decidedBefore((c) => c.acceptAll());
    const consent = make(newService, storage);
    const state = consent.state.get();
    expect(state.decided).toBe(true);
    expect(state.method).toBe('accept-all');
    expect(state.pending).toEqual({ categories: [], services: ['hotjar'] });
    expect(consent.granted('analytics')).toBe(true);
    expect(consent.granted('analytics', 'ga4')).toBe(true);
    expect(consent.granted('analytics', 'hotjar')).toBe(false);
    expect(state.services.hotjar).toBe(false);
    expect(consent.view.get()).toBe('banner');
  });

  it('stays pending until decided, and whenGranted waits for it', () => {
    const storage = decidedBefore((c) => c.acceptAll());
    const consent = make(newService, storage);
    const ran = vi.fn();
    consent.whenGranted('analytics', ran, 'hotjar');
    expect(ran).not.toHaveBeenCalled();
    consent.set({}, { services: { hotjar: true } });
    expect(ran).toHaveBeenCalledTimes(1);
    expect(consent.state.get().pending).toEqual({ categories: [], services: [] });
    expect(make(newService, storage).view.get()).toBe('hidden');
  });

  it('is listed in the stored decision once decided, so it is never asked for again', () => {
    const storage = decidedBefore((c) => c.acceptAll());
    make(newService, storage).set({}, { services: { hotjar: false } });
    expect(decodeDecision(storage.read())!.services).toEqual({ ga4: true, hotjar: false });
    const again = make(newService, storage);
    expect(again.state.get().pending.services).toEqual([]);
    expect(again.granted('analytics', 'ga4')).toBe(true);
    expect(again.granted('analytics', 'hotjar')).toBe(false);
  });
});

describe('refusals stay refusals', () => {
  it('a service added to a refused category is refused with it, and nothing is asked', () => {
    const storage = decidedBefore((c) => c.rejectAll());
    const consent = make(newService, storage);
    expect(consent.state.get()).toMatchObject({ decided: true, pending: { categories: [], services: [] } });
    expect(consent.granted('analytics', 'hotjar')).toBe(false);
    expect(consent.view.get()).toBe('hidden');
  });

  it('a refused service stays refused when another service of its category is new', () => {
    const storage = decidedBefore((c) => c.set({ analytics: true }, { services: { ga4: false } }));
    const consent = make(newService, storage);
    expect(consent.state.get().pending.services).toEqual(['hotjar']);
    expect(consent.granted('analytics', 'ga4')).toBe(false);
  });
});

describe('a new category', () => {
  it('is pending alone: the decision stays valid for what it covers', () => {
    const storage = decidedBefore((c) => c.acceptAll());
    const id = decodeDecision(storage.read())!.id;
    const consent = make(newCategory, storage);
    const state = consent.state.get();
    expect(state).toMatchObject({ decided: true, id, method: 'accept-all' });
    expect(state.pending).toEqual({ categories: ['marketing'], services: ['ads'] });
    expect(consent.granted('analytics', 'ga4')).toBe(true);
    expect(consent.granted('marketing')).toBe(false);
    expect(consent.granted('marketing', 'ads')).toBe(false);
    expect(consent.view.get()).toBe('banner');
  });

  it('set() of another category leaves it pending, never refused for the visitor', () => {
    const storage = decidedBefore((c) => c.acceptAll());
    const consent = make(newCategory, storage);
    consent.set({ analytics: false });
    expect(consent.state.get().pending).toEqual({ categories: ['marketing'], services: ['ads'] });
    expect(decodeDecision(storage.read())!.categories).toEqual({ analytics: false });
    expect(consent.view.get()).toBe('banner');
  });

  it('acceptAll() and rejectAll() still decide every optional category and service', () => {
    const storage = decidedBefore((c) => c.set({ analytics: false }));
    const consent = make(newCategory, storage);
    consent.acceptAll();
    expect(consent.state.get()).toMatchObject({ categories: { analytics: true, marketing: true }, pending: { categories: [], services: [] } });
  });
});

describe('Global Privacy Control and what is new', () => {
  afterEach(() => delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl);

  it('refuses the new items alone, with no banner; earlier grants stay', async () => {
    const storage = decidedBefore((c) => c.acceptAll());
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    const consent = make(newCategory, storage);
    await flush();
    expect(consent.state.get()).toMatchObject({
      method: 'gpc',
      categories: { analytics: true, marketing: false },
      services: { ga4: true, ads: false },
      pending: { categories: [], services: [] },
    });
    expect(consent.view.get()).toBe('hidden');
  });
});

describe('the banner when something is new', () => {
  const show = (consent: Consent) => {
    const { t } = translator(consent.options);
    render(h(Banner, { consent, t, pending: consent.state.get().pending }), document.body);
    return [...document.querySelectorAll('button')];
  };

  it('says what is new, in English and in French', () => {
    const storage = decidedBefore((c) => c.acceptAll());
    show(make(newService, storage));
    expect(document.querySelector('[data-part=new]')!.textContent).toBe('New since your last choice: Hotjar (Analytics)');
    show(make(newCategory, storage, { language: 'fr' }));
    expect(document.querySelector('[data-part=new]')!.textContent).toBe('Nouveau depuis votre dernier choix\u00a0: Google Ads (Marketing)');
  });

  it('Accept all decides the new category only and keeps an earlier refusal of another one', () => {
    const storage = decidedBefore((c) => c.set({ analytics: false }));
    const consent = make(newCategory, storage);
    show(consent)[0]!.click();
    expect(consent.state.get()).toMatchObject({
      decided: true,
      categories: { analytics: false, marketing: true },
      services: { ga4: false, ads: true },
      pending: { categories: [], services: [] },
    });
    expect(consent.view.get()).toBe('hidden');
    const reloaded = make(newCategory, storage);
    expect(reloaded.granted('analytics')).toBe(false);
    expect(reloaded.granted('marketing', 'ads')).toBe(true);
    expect(reloaded.view.get()).toBe('hidden');
  });

  it('Accept all grants the new service only, keeping an earlier refusal of a sibling service', () => {
    const storage = decidedBefore((c) => c.set({ analytics: true }, { services: { ga4: false } }));
    const consent = make(newService, storage);
    show(consent)[0]!.click();
    expect(consent.state.get().services).toEqual({ ga4: false, hotjar: true });
  });

  it('Reject all refuses the new items only, keeping earlier grants', () => {
    const storage = decidedBefore((c) => c.acceptAll());
    const consent = make(newCategory, storage);
    show(consent)[1]!.click();
    expect(consent.state.get()).toMatchObject({ categories: { analytics: true, marketing: false }, services: { ga4: true, ads: false } });
    expect(consent.state.get().pending).toEqual({ categories: [], services: [] });
  });
});

describe('the preferences dialog when something is new', () => {
  it('shows the new items off and the earlier choices as they were', () => {
    const storage = decidedBefore((c) => c.acceptAll());
    const consent = make({ ...newCategory, analytics: newService.analytics }, storage);
    const { t, lang } = translator(consent.options);
    render(h(Preferences, { consent, state: consent.state.get(), t, lang, onDismiss: () => {} }), document.body);
    const box = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!.checked;
    expect([box('analytics'), box('ga4'), box('hotjar'), box('marketing'), box('ads')]).toEqual([true, true, false, false, false]);
  });
});

describe('gating and a pending service', () => {
  it('never activates its tags until it is granted; the decided service runs at once', async () => {
    const storage = decidedBefore((c) => c.acceptAll());
    document.body.innerHTML =
      '<script type="text/plain" data-consent="analytics" data-service="ga4" id="a">a()</script>' +
      '<script type="text/plain" data-consent="analytics" data-service="hotjar" id="b">b()</script>';
    const consent = make(newService, storage, { plugins: [gating()] });
    await flush();
    expect(document.querySelector<HTMLScriptElement>('#a')!.type).toBe('');
    expect(document.querySelector<HTMLScriptElement>('#b')!.type).toBe('text/plain');
    consent.set({}, { services: { hotjar: true } });
    expect(document.querySelector<HTMLScriptElement>('#b')!.type).toBe('');
  });
});

describe('auto-blocking and a pending service', () => {
  /** A visitor who accepted before `hotjar` (with hosts) was added, and a tag a script injects for it. */
  const pendingHotjar = () => {
    const storage = decidedBefore((c) => c.acceptAll());
    const withHosts = {
      ...newService,
      analytics: { services: { ...newService.analytics.services, hotjar: { hosts: ['static.hotjar.test'] } } },
    };
    const consent = make(withHosts, storage, { plugins: [gating()] });
    const tag = Object.assign(document.createElement('script'), { src: 'https://static.hotjar.test/c.js' });
    document.body.appendChild(tag);
    return { consent, tag };
  };

  it('holds its injected tags\' URLs until it is granted, then sets them', () => {
    const loads = refusedLoads();
    const { consent, tag } = pendingHotjar();
    expect(tag.getAttribute('src')).toBeNull();
    expect(loads()).toEqual([]);
    consent.set({ analytics: true });
    expect(tag.getAttribute('src')).toBe('https://static.hotjar.test/c.js');
    expect(loads()).toEqual(['https://static.hotjar.test/c.js']);
  });

  it('keeps holding it while it stays pending through another decision', () => {
    const loads = refusedLoads();
    const { consent, tag } = pendingHotjar();
    consent.set({}, { services: {} });
    expect(consent.state.get().pending.services).toContain('hotjar');
    expect(tag.getAttribute('src')).toBeNull();
    expect(loads()).toEqual([]);
    consent.set({}, { services: { hotjar: true } });
    expect(tag.getAttribute('src')).toBe('https://static.hotjar.test/c.js');
    expect(loads()).toEqual(['https://static.hotjar.test/c.js']);
  });
});

describe('a decision too large for a cookie', () => {
  /** 150 services with 30-character ids: about 5 kB written in full. */
  const many = (): Record<string, CategoryOptions> => {
    const services = (prefix: string) =>
      Object.fromEntries(Array.from({ length: 75 }, (_, i) => [`${prefix}-vendor-${String(i).padStart(3, '0')}`.padEnd(30, 'x'), {}]));
    return { essential: { required: true }, analytics: { services: services('analytics') }, marketing: { services: services('marketing') } };
  };
  const cookie = () => cookieStorage({ name: 'instria_consent', path: '/', sameSite: 'Lax' }, CONSENT_COOKIE);

  afterEach(() => {
    document.cookie = 'instria_consent=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('is stored in the compact form with a development warning, and a reload stays decided with the right grants', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const categories = many();
    const ids = Object.keys(categories.marketing!.services!);
    make(categories, cookie()).set({ analytics: true, marketing: true }, { services: { [ids[3]!]: false } });
    expect(warn).toHaveBeenCalledWith('[instria-consent]', expect.stringMatching(/compact/));
    const value = cookie().read()!;
    expect(value.length).toBeLessThan(3000);
    const reloaded = make(categories, cookie());
    expect(reloaded.state.get()).toMatchObject({ decided: true, method: 'custom', pending: { categories: [], services: [] } });
    expect(reloaded.view.get()).toBe('hidden');
    expect(Object.values(reloaded.state.get().services).filter((granted) => !granted)).toHaveLength(1);
    expect(reloaded.granted('marketing', ids[3]!)).toBe(false);
    expect(reloaded.granted('marketing', ids[4]!)).toBe(true);
  });

  it('keeps provenance in the compact form: a service added since is pending', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const categories = many();
    make(categories, cookie()).acceptAll();
    const added = { ...categories, analytics: { services: { ...categories.analytics!.services, hotjar: {} } } };
    const reloaded = make(added, cookie());
    expect(reloaded.state.get().pending.services).toEqual(['hotjar']);
    expect(reloaded.granted('analytics', 'hotjar')).toBe(false);
    expect(reloaded.granted('analytics', Object.keys(categories.analytics!.services!)[0]!)).toBe(true);
  });
});
