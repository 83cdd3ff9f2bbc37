import type { Consent } from './types';

/**
 * Points where the engine lets add-ons step in, as Preact's `options` hooks do
 * (https://github.com/preactjs/preact/blob/main/src/options.js): the engine's public method
 * calls the hook; an add-on keeps the hook it finds and installs its own, which calls the one it
 * kept (a chain). `destroy()` puts the engine's own back, so no add-on stays chained to a dead
 * instance, and no public method is ever replaced. Internal for now: `hooksOf(consent)`.
 *
 * @example
 * const hooks = hooksOf(consent);
 * const previous = hooks.whenGranted;
 * hooks.whenGranted = (category, fn, service) => previous(category, () => (log(category), fn()), service);
 */
export interface ConsentHooks {
  /**
   * What `consent.whenGranted(category, fn, service)` does: the engine's own runs `fn` once,
   * now or when granted, and returns the unsubscribe. Gating wraps it so that a due `fn` runs
   * after the gated scripts found before it.
   */
  whenGranted: Consent['whenGranted'];
}

/** The instance as the engine builds it: the public API and its hooks. */
export type HookedConsent = Consent & { readonly _hooks: ConsentHooks };

/** The hooks of an instance made by the engine. */
export const hooksOf = (consent: Consent): ConsentHooks => (consent as HookedConsent)._hooks;
