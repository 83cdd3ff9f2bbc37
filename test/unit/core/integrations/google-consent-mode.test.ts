import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeDecision } from '../../../../src/core/codec';
import { createEngineWithDecisions } from '../../../../src/core/consent';
import { googleConsentMode } from '../../../../src/core/integrations/google-consent-mode';
import type { Consent, ConsentOptions, GoogleConsentModeOptions } from '../../../../src/core/types';
import { memoryStorage } from '../../../../src/storage/memory';
import { testConsent } from '../../support';

type W = { dataLayer?: unknown[] };
const w = window as unknown as W;
const instances: Consent[] = [];

const categories = { essential: { required: true }, analytics: {}, marketing: {}, functional: {} };

function make(gcm: GoogleConsentModeOptions = {}, options: ConsentOptions = {}, stored: string | null = null) {
  return testConsent({ categories, plugins: [googleConsentMode(gcm)], ...options }, { stored });
}

/** dataLayer entries as plain arrays (Arguments objects) or objects (events). */
const entries = () => (w.dataLayer ?? []).map((e) => (isArguments(e) ? Array.from(e as ArrayLike<unknown>) : e));
const isArguments = (e: unknown) => Object.prototype.toString.call(e) === '[object Arguments]';
const microtask = () => new Promise<void>((resolve) => queueMicrotask(resolve));

const DENIED = {
  security_storage: 'granted',
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
};

beforeEach(() => {
  delete w.dataLayer;
});
afterEach(() => {
  for (const consent of instances.splice(0)) consent.destroy();
});

describe('googleConsentMode: default', () => {
  it('pushes the default, every type denied but security_storage, then ads_data_redaction, as Arguments objects', () => {
    make();
    expect(entries()).toEqual([
      ['consent', 'default', { ...DENIED, wait_for_update: 500 }],
      ['set', 'ads_data_redaction', true],
    ]);
    expect(w.dataLayer!.every(isArguments)).toBe(true);
  });

  it('pushes before anything the page had queued is replaced, keeping existing entries', () => {
    const earlier = { event: 'page' };
    w.dataLayer = [earlier];
    make();
    expect(w.dataLayer[0]).toBe(earlier);
    expect(entries()[1]).toEqual(['consent', 'default', { ...DENIED, wait_for_update: 500 }]);
  });

  it('adds a region-scoped default before the global one, both denied', () => {
    make({ region: ['FR', 'US-CA'], waitForUpdate: 800, adsDataRedaction: false, urlPassthrough: true });
    expect(entries()).toEqual([
      ['consent', 'default', { ...DENIED, wait_for_update: 800, region: ['FR', 'US-CA'] }],
      ['consent', 'default', { ...DENIED, wait_for_update: 800 }],
      ['set', 'url_passthrough', true],
    ]);
  });
});

describe('googleConsentMode: update', () => {
  it('after Accept all: exactly one update, every mapped type granted, then the GTM event', () => {
    const consent = make();
    const before = w.dataLayer!.length;
    consent.acceptAll();
    const added = entries().slice(before);
    expect(added).toEqual([
      ['consent', 'update', { ...DENIED, ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted', analytics_storage: 'granted', functionality_storage: 'granted', personalization_storage: 'granted' }],
      {
        event: 'instria_consent_update',
        instria_consent: {
          categories: { essential: true, analytics: true, marketing: true, functional: true },
          services: {},
          method: 'accept-all',
        },
      },
    ]);
    expect(isArguments(w.dataLayer![before])).toBe(true);
  });

  it('after Reject all: the ad types stay denied', () => {
    const consent = make();
    const before = w.dataLayer!.length;
    consent.rejectAll();
    expect(entries().slice(before)[0]).toEqual(['consent', 'update', DENIED]);
  });

  it('maps each category to its types: analytics alone grants analytics_storage only', () => {
    const consent = make();
    consent.set({ analytics: true });
    expect(entries().at(-2)).toEqual(['consent', 'update', { ...DENIED, analytics_storage: 'granted' }]);
    consent.set({ analytics: false, functional: true });
    expect(entries().at(-2)).toEqual(['consent', 'update', { ...DENIED, functionality_storage: 'granted', personalization_storage: 'granted' }]);
    consent.set({ functional: false, marketing: true });
    expect(entries().at(-2)).toEqual([
      'consent',
      'update',
      { ...DENIED, ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' },
    ]);
  });

  it('a mapping overrides the default per type; a type mapped to a missing category stays denied', () => {
    const consent = createEngineWithDecisions({
      categories: { essential: { required: true }, stats: {}, ads: {} },
      storage: memoryStorage(),
      plugins: [googleConsentMode({ mapping: { analytics_storage: 'stats', ad_storage: 'ads', ad_user_data: 'ads' } })],
    });
    instances.push(consent as Consent);
    consent.acceptAll();
    expect(entries().at(-2)).toEqual([
      'consent',
      'update',
      { ...DENIED, analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted' },
    ]);
  });

  it('a returning visitor gets one update from the stored decision, in a microtask after createConsent', async () => {
    const stored = encodeDecision({ id: 'abcdef12-3456', time: Date.now() - 1000, revision: 1, method: 'custom', categories: { analytics: true, marketing: false, functional: false }, services: {} });
    make({}, {}, stored);
    expect(entries().filter((e) => Array.isArray(e) && e[1] === 'update')).toHaveLength(0);
    await microtask();
    const updates = entries().filter((e) => Array.isArray(e) && e[1] === 'update');
    expect(updates).toEqual([['consent', 'update', { ...DENIED, analytics_storage: 'granted' }]]);
  });

  it('a withdrawal pushes an update back to denied; reset() does too', () => {
    const consent = make();
    consent.acceptAll();
    consent.withdraw();
    expect(entries().at(-2)).toEqual(['consent', 'update', DENIED]);
    consent.acceptAll();
    const before = w.dataLayer!.length;
    consent.reset();
    expect(entries().slice(before)[0]).toEqual(['consent', 'update', DENIED]);
  });

  it('pushes nothing after destroy()', () => {
    const consent = make();
    consent.destroy();
    const before = w.dataLayer!.length;
    consent.acceptAll();
    expect(w.dataLayer!.length).toBe(before);
  });
});
