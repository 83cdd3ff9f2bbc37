import type { GoogleConsentModeOptions, Plugin } from '../types';

/** Google Consent Mode v2. (Being built: issue 6.) */
export const googleConsentMode = (_options: GoogleConsentModeOptions = {}): Plugin => () => undefined;
