'use client';
import { createConsent } from '@instria/consent';
import { consentOptions } from '../consent-options';

// A module-level singleton: the module is evaluated once per page load, so client-side
// navigation keeps this one instance and its one banner. On the server it is inert (no
// decision, nothing granted, no browser global touched).
export const consent = createConsent(consentOptions);
