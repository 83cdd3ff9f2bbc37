import { afterEach, describe, expect, it, vi } from 'vitest';
import { gating } from '../../../src/core/gating/index';
import { hooksOf } from '../../../src/core/hooks';
import type { Consent, Plugin } from '../../../src/core/types';
import { testConsent } from '../support';

const categories = { essential: { required: true }, analytics: {} };
let consent: Consent | undefined;
const make = (plugins: Plugin[]) => (consent = testConsent({ categories, gating: false, plugins }));

afterEach(() => consent?.destroy());

describe('hooks', () => {
  it('consent.whenGranted calls the whenGranted hook, which add-ons chain in install order', () => {
    const calls: string[] = [];
    const chain =
      (name: string): Plugin =>
      (instance) => {
        const hooks = hooksOf(instance);
        const previous = hooks.whenGranted;
        hooks.whenGranted = (category, fn, service) => {
          calls.push(`${name} ${category}`);
          return previous(category, fn, service);
        };
      };
    const instance = make([chain('a'), chain('b')]);
    instance.whenGranted('analytics', () => calls.push('run'));
    expect(calls).toEqual(['b analytics', 'a analytics']);
    instance.acceptAll();
    expect(calls).toEqual(['b analytics', 'a analytics', 'run']);
  });

  it('no add-on replaces a public method, and destroy() unchains every hook', () => {
    let own: Consent['whenGranted'] | undefined;
    let engineHook: Consent['whenGranted'] | undefined;
    const instance = make([(i) => void ((own = i.whenGranted), (engineHook = hooksOf(i).whenGranted)), gating()]);
    expect(instance.whenGranted, 'gating left the engine’s own whenGranted in place').toBe(own);
    expect(hooksOf(instance).whenGranted, 'gating chained the hook').not.toBe(engineHook);
    instance.destroy();
    expect(hooksOf(instance).whenGranted).toBe(engineHook);
    const fn = vi.fn();
    instance.whenGranted('essential', fn);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
