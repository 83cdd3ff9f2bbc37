import type { ConsentOptions } from '@instria/consent';

// The options the browser and the server share: the server reads the cookie with the same
// categories (and revision, cookie name…) the banner writes it with.
export const consentOptions = {
  privacyPolicyUrl: '/privacy',
  categories: {
    essential: { required: true },
    analytics: { services: { ga4: { label: 'Google Analytics', cookies: [/^_ga/, '_gid'] } } },
  },
} satisfies ConsentOptions;
