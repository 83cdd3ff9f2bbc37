/**
 * The headless example: the engine from `@instria/consent/core` (no Preact, no CSS) and a
 * consent UI of the page's own, drawn from `consent.view`. Bundled by examples/app/build.mjs.
 */
import { createConsent, footerLinks, googleConsentMode } from '@instria/consent/core';
import { loadAnalytics, renderConsentUI } from './my-consent-ui';

const consent = createConsent({
  privacyPolicyUrl: '/examples/website/privacy.html',
  // The core installs no add-on by itself: list the ones you use.
  plugins: [googleConsentMode(), footerLinks()],
});
consent.view.subscribe((view) => renderConsentUI(consent, view));
consent.whenGranted('analytics', loadAnalytics);
