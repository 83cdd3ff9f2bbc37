import { grantedOrDenied, vendorSignal } from './vendor-signal';

/**
 * Microsoft Advertising's UET Consent Mode: `uetq.push('consent', 'default', { ad_storage: 'denied' })`
 * at install, queued in `window.uetq` (the array UET's own snippet keeps, and bat.js reads when it
 * loads), then `uetq.push('consent', 'update', { ad_storage })` after each decision, `granted`
 * with the `marketing` category (a mapping names another). Required for EEA, UK and Swiss
 * traffic since May 2025. `window.uetq` is read again at each push: bat.js replaces the array
 * with its own object, which takes the same calls. On a refusal, UET's first-party cookies go.
 * See: https://learn.microsoft.com/en-us/advertising/msa-help/hlp_ba_conc_uet_consent
 *
 * @example createConsent({ plugins: [microsoftConsentMode({ mapping: { ad_storage: 'ads' } })] });
 */
export const microsoftConsentMode = /* @__PURE__ */ vendorSignal<'ad_storage'>({
  option: 'microsoftConsentMode',
  mapping: { ad_storage: 'marketing' },
  service: 'microsoftAds',
  // UET's first-party visitor and session ids, and the click id it keeps.
  cookies: ['_uetsid', '_uetvid', '_uetmsclkid'],
  send(granted) {
    const w = window as unknown as { uetq?: { push(...args: unknown[]): void } };
    (w.uetq ||= []).push('consent', granted ? 'update' : 'default', { ad_storage: grantedOrDenied(granted?.ad_storage) });
  },
});
