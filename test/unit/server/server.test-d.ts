import { describe, expectTypeOf, it } from 'vitest';
import { bannerPreload, consentCookie, consentCookieHandler, needsBanner, readConsent } from '../../../src/server';
import type { ConsentState } from '../../../src/server';

// The server entry is typed by the configured category ids, as createConsent is.
describe('@instria/consent/server types', () => {
  const config = { categories: { essential: { required: true }, analytics: {}, marketing: {} }, revision: 2 };

  it('reads a state typed by the configured categories', () => {
    const state = readConsent('instria_consent=…', config);
    expectTypeOf(state).toEqualTypeOf<ConsentState<'essential' | 'analytics' | 'marketing'>>();
    expectTypeOf(state.categories.marketing).toEqualTypeOf<boolean>();
    // @ts-expect-error a misspelt category does not compile
    void state.categories.analytcs;
    expectTypeOf(readConsent(null).categories).toEqualTypeOf<Readonly<Record<'essential' | 'analytics', boolean>>>();
  });

  it('takes a header, a Fetch Request or a Node request', () => {
    readConsent(new Request('https://instria.fr/'), config);
    readConsent({ headers: { cookie: 'a=1' } }, config);
    readConsent({ headers: { cookie: ['a=1', 'b=2'] } }, config);
    // @ts-expect-error not a request
    readConsent(42, config);
  });

  it('writes from a state or a value, and answers as a handler', () => {
    expectTypeOf(consentCookie(readConsent('', config), { ...config, secure: true })).toEqualTypeOf<string>();
    expectTypeOf(consentCookie('1.abc', { ...config, request: new Request('https://instria.fr/') })).toEqualTypeOf<string>();
    expectTypeOf(needsBanner('', config)).toEqualTypeOf<boolean>();
    expectTypeOf(bannerPreload('', { ...config, as: 'header', base: '/dist/' })).toEqualTypeOf<string>();
    // @ts-expect-error html or header
    bannerPreload('', { as: 'json' });
    expectTypeOf(consentCookieHandler(config)).returns.toEqualTypeOf<Promise<boolean>>();
  });
});
