import { describe, expectTypeOf, it } from 'vitest';
import { createConsent as createHeadless, googleConsentMode, gating, consentRecords } from '../../src/core';
import type { EngineOptions as HeadlessOptions } from '../../src/core';
import { createConsent } from '../../src/index';
import type { ConsentMethod, ConsentOptions, ConsentState, DefaultCategory, EngineOptions, Method } from '../../src/index';

// Each entry's options type says what that entry does.
describe('@instria/consent/core takes only the options it reads', () => {
  it('rejects the options of the full entry’s integrations and UI', () => {
    // @ts-expect-error an integration is a plugin here
    createHeadless({ googleConsentMode: true });
    // @ts-expect-error consent records too
    createHeadless({ recordEndpoint: '/records' });
    // @ts-expect-error gating too
    createHeadless({ gating: true });
    // @ts-expect-error there is no UI to style
    createHeadless({ theme: 'dark' });
    // @ts-expect-error nor to shape
    createHeadless({ layout: 'box' });
    // @ts-expect-error nor a logo to show
    createHeadless({ logo: { src: '/logo.svg', alt: 'Instria' } });
    // @ts-expect-error nor a floating button
    createHeadless({ widget: 'floating' });
    // @ts-expect-error nor a <style> to sign
    createHeadless({ nonce: 'abc' });
  });

  it('accepts what the engine reads, and the integrations as plugins', () => {
    createHeadless({
      categories: { essential: { required: true }, analytics: {} },
      revision: 2,
      expiresAfterDays: 30,
      cookie: { name: 'consent' },
      language: 'fr',
      translations: { fr: { placeholderAllow: 'Autoriser' } },
      privacyPolicyUrl: '/privacy',
      controller: 'Instria',
      gpc: false,
      matomo: { exempt: true },
      reloadOnWithdraw: true,
      plugins: [googleConsentMode(), gating(), consentRecords('/records')],
    });
    expectTypeOf<keyof HeadlessOptions>().toEqualTypeOf<
      | 'categories'
      | 'revision'
      | 'expiresAfterDays'
      | 'cookie'
      | 'language'
      | 'translations'
      | 'privacyPolicyUrl'
      | 'controller'
      | 'gpc'
      | 'matomo'
      | 'reloadOnWithdraw'
      | 'plugins'
      | 'storage'
    >();
  });
});

describe('@instria/consent takes every option', () => {
  it('accepts the integrations and the UI options besides the engine’s', () => {
    createConsent({ googleConsentMode: true, recordEndpoint: '/records', gating: false, theme: 'dark', layout: 'box', widget: 'floating', nonce: 'abc' });
    createConsent({ microsoftConsentMode: true, clarity: { mapping: { analytics_Storage: 'analytics' } }, metaPixel: true, tiktokPixel: { mapping: { consent: 'marketing' } } });
    // @ts-expect-error a vendor's own signal names only
    createConsent({ clarity: { mapping: { analytics_storage: 'analytics' } } });
    expectTypeOf<ConsentOptions>().toExtend<EngineOptions>();
    expectTypeOf<Exclude<keyof ConsentOptions, keyof EngineOptions>>().toEqualTypeOf<
      | 'googleConsentMode'
      | 'microsoftConsentMode'
      | 'clarity'
      | 'metaPixel'
      | 'tiktokPixel'
      | 'recordEndpoint'
      | 'serverCookie'
      | 'gating'
      | 'theme'
      | 'layout'
      | 'logo'
      | 'widget'
      | 'nonce'
    >();
  });
});

describe('renamed and moved names', () => {
  it('keeps Method as a deprecated alias of ConsentMethod', () => {
    expectTypeOf<Method>().toEqualTypeOf<ConsentMethod>();
    expectTypeOf<ConsentState['method']>().toEqualTypeOf<ConsentMethod | null>();
  });

  it('types the default categories', () => {
    expectTypeOf<DefaultCategory>().toEqualTypeOf<'essential' | 'analytics'>();
  });
});
