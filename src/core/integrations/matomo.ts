import { DEV, documentCookie, later, safe, warn } from '../env';
import type { Plugin } from '../types';

/**
 * Matomo consent for a service with id `matomo` (in any category). At install it queues
 * `requireConsent`, so Matomo measures nothing before consent (no cookie, no request); when the
 * service is granted, `rememberConsentGiven` for the hours the decision has left; on withdrawal,
 * `forgetConsentGiven` (the engine deletes the `_pk_*` cookies), also at start when Matomo still
 * remembers a consent that ours no longer covers.
 * With `matomo: { exempt: true }` (the CNIL-exempt mode, see the README), the cookie-consent
 * calls instead: `requireCookieConsent`, `rememberCookieConsentGiven`, `forgetCookieConsentGiven`,
 * so Matomo measures without cookies before consent.
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
  const exempt = consent.options.matomo?.exempt;
  DEV && exempt !== undefined && typeof exempt !== 'boolean' && warn('option "matomo.exempt" has an invalid value; using false', exempt);
  // The company policy and the CNIL: consent by default; the exemption only where the site opts in.
  const kind = exempt === true ? 'CookieConsent' : 'Consent';
  let granted = false;
  paq(`require${kind}`);
  // A consent Matomo remembers (its `mtm_consent` / `mtm_cookie_consent` cookie) that ours no
  // longer covers (revision raised, decision expired, refused elsewhere) is forgotten before
  // Matomo's script can read it; a visitor without that cookie gets no call and no cookie.
  later(
    () =>
      consent.state.get().services.matomo ||
      (safe(documentCookie, '').includes(`mtm_${exempt === true ? 'cookie_' : ''}consent=`) && paq(`forget${kind}Given`)),
  );
  return consent.on('consent', (state) => {
    if (state.services.matomo) {
      // Matomo's consent cookie must not outlive the decision it stands for.
      const left = state.decidedAt! + consent.options.expiresAfterDays * 864e5 - Date.now();
      paq(`remember${kind}Given`, Math.ceil(left / 36e5));
    } else if (granted) {
      paq(`forget${kind}Given`);
    }
    granted = !!state.services.matomo;
  });
};
