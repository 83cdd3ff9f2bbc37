import { createConsent } from '@instria/consent';

// One instance for the whole app, created once at module scope: components may mount and
// unmount without ever creating a second banner.
export const consent = createConsent({
  privacyPolicyUrl: '/privacy',
  categories: {
    essential: { required: true },
    analytics: { services: { ga4: { label: 'Google Analytics', cookies: [/^_ga/, '_gid'] } } },
    media: { services: { youtube: { label: 'YouTube' } } },
  },
});

// The analytics module is downloaded and started only once analytics is granted.
consent.whenGranted('analytics', () => {
  void import('./analytics').then((analytics) => analytics.start());
});
