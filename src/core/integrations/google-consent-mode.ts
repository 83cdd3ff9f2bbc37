import type { ConsentState, GoogleConsentModeOptions, GoogleConsentType, Plugin } from '../types';

/**
 * Which category grants which consent type when no `mapping` says otherwise (Google Analytics
 * Help 13802165, parameter table). A type whose category does not exist stays `denied`.
 */
export const DEFAULT_GCM_MAPPING: Readonly<Partial<Record<GoogleConsentType, string>>> = {
  ad_storage: 'marketing',
  ad_user_data: 'marketing',
  ad_personalization: 'marketing',
  analytics_storage: 'analytics',
  functionality_storage: 'functional',
  personalization_storage: 'functional',
};

/** Name of the `dataLayer` event pushed after each decision, for Google Tag Manager triggers. */
export const GTM_EVENT = 'instria_consent_update';

/**
 * Google Consent Mode v2. At install (before any Google tag can run) it pushes
 * `gtag('consent', 'default', …)` with every type `denied` except `security_storage`, then after
 * each decision exactly one `gtag('consent', 'update', …)` and a `dataLayer` event
 * `instria_consent_update` carrying the choices, for Tag Manager triggers.
 *
 * The entries are `arguments` objects, as Google's own snippet pushes: gtag.js ignores plain
 * arrays for consent commands. See: https://developers.google.com/tag-platform/security/guides/consent
 *
 * @example
 * createConsent({ plugins: [googleConsentMode({ mapping: { ad_storage: 'ads' }, region: ['FR'] })] });
 */
export const googleConsentMode =
  ({ mapping, waitForUpdate = 500, region, adsDataRedaction = true, urlPassthrough }: GoogleConsentModeOptions = {}): Plugin =>
  (consent) => {
    const categoryOf = { ...DEFAULT_GCM_MAPPING, ...mapping };
    const w = window as unknown as { dataLayer?: unknown[] };
    // Re-read `window.dataLayer` on each push: a page may create it after us, and GTM wraps its push.
    const push = (entry: unknown) => (w.dataLayer ||= []).push(entry);
    const gtag: (...args: unknown[]) => void = function () {
      // eslint-disable-next-line prefer-rest-params
      push(arguments);
    };
    /** Every type, granted when its category is granted (never without a decision). */
    const types = (state?: ConsentState) => {
      const out: Record<string, string> = {};
      for (const type in categoryOf) {
        out[type] = state?.decided && state.categories[categoryOf[type as GoogleConsentType]!] ? 'granted' : 'denied';
      }
      // Strictly necessary security storage needs no consent, whatever the mapping says.
      out.security_storage = 'granted';
      return out;
    };
    const wait = { wait_for_update: waitForUpdate };
    // A region-scoped default first; the global one (without `region`) stays denied as well.
    if (region?.length) gtag('consent', 'default', { ...types(), ...wait, region });
    gtag('consent', 'default', { ...types(), ...wait });
    if (adsDataRedaction) gtag('set', 'ads_data_redaction', true);
    if (urlPassthrough) gtag('set', 'url_passthrough', true);

    const update = (state: ConsentState) => {
      gtag('consent', 'update', types(state));
      push({ event: GTM_EVENT, instria_consent: { categories: state.categories, services: state.services, method: state.method } });
    };
    const offConsent = consent.on('consent', update);
    // `reset()` (here or in another tab) leaves no decision: Google tags must stop using storage.
    const offReset = consent.state.listen((state) => state.decided || update(state));
    return () => (offConsent(), offReset());
  };
