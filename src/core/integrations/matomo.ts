import type { Plugin } from '../types';

/** Matomo cookie consent. (Being built: issue 6.) */
export const matomo = (): Plugin => () => undefined;
