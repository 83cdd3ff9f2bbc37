// The README's "API" snippet, type-checked by `tsc`; the docs check (test/unit/docs.test.ts)
// holds the README to this file.
import { createConsent } from '@instria/consent';

const consent = createConsent({ privacyPolicyUrl: '/privacy' });
consent.whenGranted('analytics', () => import('./analytics'));
const off = consent.state.subscribe((state) => console.log(state.categories));

export { off };
