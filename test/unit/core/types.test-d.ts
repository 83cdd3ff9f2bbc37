import { describe, expectTypeOf, it } from 'vitest';
import { createConsent } from '../../../src/core';

describe('category ids are typed from the options', () => {
  it('accepts configured ids and rejects a misspelt one', () => {
    const consent = createConsent({ categories: { essential: { required: true }, analytics: {}, marketing: {} } });
    expectTypeOf(consent.granted).parameter(0).toEqualTypeOf<'essential' | 'analytics' | 'marketing'>();
    // @ts-expect-error a misspelt category id does not compile
    consent.granted('analytcs');
    // @ts-expect-error nor does it in set()
    consent.set({ analytcs: true });
    consent.set({ analytics: true });
  });

  it('defaults to essential and analytics', () => {
    const consent = createConsent();
    expectTypeOf(consent.state.get().categories).toEqualTypeOf<Readonly<Record<'essential' | 'analytics', boolean>>>();
    // @ts-expect-error not configured
    consent.whenGranted('marketing', () => {});
  });

  it('types what is pending with the category ids, read-only', () => {
    const consent = createConsent({ categories: { essential: { required: true }, analytics: {}, marketing: {} } });
    const { pending } = consent.state.get();
    expectTypeOf(pending.categories).toEqualTypeOf<readonly ('essential' | 'analytics' | 'marketing')[]>();
    expectTypeOf(pending.services).toEqualTypeOf<readonly string[]>();
    // @ts-expect-error read-only
    pending.categories.push('marketing');
  });
});
