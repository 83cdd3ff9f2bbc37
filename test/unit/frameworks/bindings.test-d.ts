import { h as preactH } from 'preact';
import { createElement, type ReactNode } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import { h, type ComputedRef } from 'vue';
import { createConsent } from '../../../src/core';
import type { ConsentState } from '../../../src/core';
import * as preact from '../../../src/preact';
import * as react from '../../../src/react';
import * as vue from '../../../src/vue';

const consent = createConsent({ categories: { essential: { required: true }, analytics: {}, media: {} } });
type Ids = 'essential' | 'analytics' | 'media';

// The hooks and gates take the category ids the instance was configured with: a misspelt id
// does not compile.
describe('@instria/consent/react', () => {
  it('types the state and the category by the configured ids', () => {
    expectTypeOf(react.useConsent(consent)).toEqualTypeOf<ConsentState<Ids>>();
    expectTypeOf(react.useGranted(consent, 'analytics')).toEqualTypeOf<boolean>();
    expectTypeOf(react.useGranted(consent, 'analytics', 'ga4')).toEqualTypeOf<boolean>();
    // @ts-expect-error not a configured category
    react.useGranted(consent, 'analytcs');
    createElement(react.ConsentGate<Ids>, { consent, category: 'media', fallback: 'Off' }, 'video');
    // @ts-expect-error not a configured category
    createElement(react.ConsentGate<Ids>, { consent, category: 'medias' });
    // @ts-expect-error the instance is required
    createElement(react.ConsentGate<Ids>, { category: 'media' });
    expectTypeOf(react.ConsentGate<Ids>).returns.toEqualTypeOf<ReactNode>();
  });

  it('infers the ids from the instance in a gate’s props', () => {
    expectTypeOf<react.ConsentGateProps<Ids>['category']>().toEqualTypeOf<Ids>();
    react.ConsentGate({ consent, category: 'media' });
    // @ts-expect-error not a configured category
    react.ConsentGate({ consent, category: 'medias' });
  });
});

describe('@instria/consent/preact', () => {
  it('types the state and the category by the configured ids', () => {
    expectTypeOf(preact.useConsent(consent)).toEqualTypeOf<ConsentState<Ids>>();
    expectTypeOf(preact.useGranted(consent, 'media')).toEqualTypeOf<boolean>();
    // @ts-expect-error not a configured category
    preact.useGranted(consent, 'analytcs');
    preact.ConsentGate({ consent, category: 'media' });
    // @ts-expect-error not a configured category
    preact.ConsentGate({ consent, category: 'medias' });
    preactH(preact.ConsentGate<Ids>, { consent, category: 'media', fallback: 'Off' });
  });
});

describe('@instria/consent/vue', () => {
  it('returns readonly refs typed by the configured ids', () => {
    const state = vue.useConsent(consent);
    expectTypeOf(state).toEqualTypeOf<ComputedRef<ConsentState<Ids>>>();
    expectTypeOf(vue.useGranted(consent, 'analytics')).toEqualTypeOf<ComputedRef<boolean>>();
    // @ts-expect-error a readonly ref
    state.value = consent.state.get();
    // @ts-expect-error not a configured category
    vue.useGranted(consent, 'analytcs');
  });

  it('types the gate’s props', () => {
    h(vue.ConsentGate, { consent, category: 'media' }, { default: () => 'video', fallback: () => 'Off' });
    // @ts-expect-error the instance is required
    h(vue.ConsentGate, { category: 'media' });
  });
});
