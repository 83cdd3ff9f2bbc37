import { installDecisions } from './decisions';
import { createConsentEngine as engineWith, type DefaultCategory, type EngineSetup } from './engine';
import type { Consent, ConsentOptions, ConsentStorage } from './types';

export type { DefaultCategory, EngineSetup } from './engine';

/** Keeps the decision for this page only: the default when a setup gives no store. */
function pageStorage(): ConsentStorage {
  let value: string | null = null;
  return { read: () => value, write: (v) => ((value = v), true), clear: () => (value = null) };
}

/**
 * The engine with its decision code at hand, as the npm entries use it: every action takes
 * effect at once. (The script tag starts the engine without it and loads it on first need.)
 */
export const createConsentEngine = <const C extends string = DefaultCategory>(
  input?: ConsentOptions<C>,
  setup: Omit<EngineSetup, 'loadDecisions'> = {},
): Consent<C> => engineWith(input, { decisions: installDecisions, storage: pageStorage, ...setup });
