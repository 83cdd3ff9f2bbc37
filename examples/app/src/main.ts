/**
 * The app-frontend example: `@instria/consent` imported from npm by its package name (resolved
 * through the package's `exports` to `dist/`), bundled by examples/app/build.mjs.
 */
import { createConsent, mountPreferencesLink } from '@instria/consent';

const consent = createConsent({
  privacyPolicyUrl: '/examples/website/privacy.html',
  googleConsentMode: true,
  categories: {
    essential: { required: true },
    analytics: { services: { ga4: { label: 'Google Analytics', cookies: [/^_ga/] } } },
  },
});

// The decision, live: `state` is a nanostores atom.
consent.state.subscribe((state) => {
  document.querySelector('#consent-state')!.textContent = JSON.stringify(state, null, 2);
});

// The analytics client is downloaded and started only once analytics is granted.
consent.whenGranted('analytics', () => {
  void import('./analytics').then((analytics) => analytics.start());
});

// "Cookie preferences" in the app's own footer, in the consent UI's language.
mountPreferencesLink(document.querySelector('#app-footer')!, consent);

// Withdrawal removes the cookies, but code that already ran stays until a reload.
consent.on('change', ({ reloadRecommended }) => {
  document.querySelector<HTMLElement>('#reload-notice')!.hidden = !reloadRecommended;
});

document.querySelector('#open-preferences')!.addEventListener('click', () => consent.showPreferences());
document.querySelector('#withdraw')!.addEventListener('click', () => consent.withdraw());
document.querySelector('#reload')!.addEventListener('click', () => location.reload());
