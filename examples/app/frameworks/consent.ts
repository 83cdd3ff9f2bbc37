/**
 * The app's one consent instance, shared by its components (ConsentStatus.tsx, ConsentStatus.vue).
 * Creating it at import is SSR-safe: on the server it grants nothing and touches no browser global.
 */
import { createConsent } from '@instria/consent';

export const consent = createConsent({ privacyPolicyUrl: '/privacy' });
