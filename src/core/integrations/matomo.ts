import type { Plugin } from '../types';

/**
 * Matomo cookie consent for a service with id `matomo` (in any category). At install it queues
 * `requireCookieConsent`, so Matomo sets no cookie before consent (it still measures without
 * cookies); when the service is granted, `rememberCookieConsentGiven` for the hours the decision
 * has left; on withdrawal, `forgetCookieConsentGiven` (the engine deletes the `_pk_*` cookies).
 * See: https://developer.matomo.org/guides/tracking-consent
 *
 * @example
 * createConsent({
 *   categories: { essential: { required: true }, analytics: { services: { matomo: {} } } },
 *   plugins: [matomo()],
 * });
 */
export const matomo = (): Plugin => (consent) => {
  const w = window as unknown as { _paq?: unknown[][] };
  const paq = (...call: unknown[]) => (w._paq = w._paq || []).push(call);
  let granted = false;
  paq('requireCookieConsent');
  return consent.on('consent', (state) => {
    if (state.services.matomo) {
      // Matomo's consent cookie must not outlive the decision it stands for.
      const left = state.decidedAt! + consent.options.expiresAfterDays * 864e5 - Date.now();
      paq('rememberCookieConsentGiven', Math.ceil(left / 36e5));
    } else if (granted) {
      paq('forgetCookieConsentGiven');
    }
    granted = !!state.services.matomo;
  });
};
