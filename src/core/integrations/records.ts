import type { Plugin } from '../types';

/** Proof-of-consent records. (Being built: issue 6.) */
export const consentRecords = (_endpoint: string): Plugin => () => undefined;
