import type { Plugin } from '../types';

/** Declarative gating of `data-consent` elements. (Being built: issue 4.) */
export const gating = (): Plugin => () => undefined;
