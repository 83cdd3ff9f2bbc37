/**
 * The app-frontend example: `@instria/consent` imported from npm by its package name (resolved
 * through the package's `exports` to `dist/`), bundled by examples/app/build.mjs.
 */
import { createConsent } from '@instria/consent';
import { renderFooterLink, wireControls } from './ui';

const consent = createConsent({
  privacyPolicyUrl: '/examples/website/privacy.html',
  googleConsentMode: true,
  categories: {
    essential: { required: true },
    analytics: { services: { ga4: { label: 'Google Analytics', cookies: [/^_ga/] } } },
  },
});

// The decision, live: `state` is a nanostores atom (React: useStore, Vue: useStore).
const stateView = document.querySelector<HTMLElement>('#consent-state');
consent.state.subscribe((state) => {
  if (stateView) stateView.textContent = JSON.stringify(state, null, 2);
});

// The analytics client is downloaded and started only once analytics is granted.
consent.whenGranted('analytics', () => {
  void import('./analytics').then((analytics) => analytics.start());
});

wireControls(consent);
const footer = document.querySelector('#app-footer');
if (footer) renderFooterLink(footer);
