// The README's "Headless" snippet, type-checked by `tsc`; the docs check
// (test/unit/docs.test.ts) holds the README to this file.
import { createConsent, googleConsentMode } from '@instria/consent/core';

const consent = createConsent({ plugins: [googleConsentMode()] });
consent.view.subscribe((view) => myBanner.toggleAttribute('hidden', view !== 'banner'));

/** The page's own banner element, in the snippet's world. */
declare const myBanner: HTMLElement;
