// The consent module of the README's Vue and Svelte quick starts (test/unit/docs.test.ts), the
// app's one instance; vue.test.ts and svelte.test.ts render the components that import it.
import { createConsent } from '@instria/consent';

export const consent = createConsent({
  categories: { essential: { required: true }, analytics: {}, media: {} },
});
