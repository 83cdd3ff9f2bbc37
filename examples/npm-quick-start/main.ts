import { createConsent, mountPreferencesLink } from '@instria/consent';

const consent = createConsent({
  privacyPolicyUrl: '/privacy',
  categories: {
    essential: { required: true },
    analytics: { services: { ga4: { label: 'Google Analytics', cookies: [/^_ga/, '_gid'] } } },
  },
});

// The analytics module is downloaded and started only once analytics is granted.
consent.whenGranted('analytics', () => {
  void import('./analytics').then((analytics) => analytics.start());
});

// "Cookie preferences" in the footer, in the consent UI's language.
mountPreferencesLink(document.querySelector('#app-footer')!, consent);
