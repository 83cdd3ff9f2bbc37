import { installDecisions } from './decisions';
import { createEngine, type DefaultCategory, type EngineSetup } from './engine';
import type { Consent, ConsentOptions, ConsentStorage } from './types';

export type { DefaultCategory, EngineSetup } from './engine';

/** Keeps the decision for this page only: the default when a setup gives no store. */
function pageStorage(): ConsentStorage {
  let value: string | null = null;
  return { read: () => value, write: (v) => ((value = v), true), clear: () => (value = null) };
}

/**
 * The engine with its decision code preinstalled, as the npm entries use it: every action takes
 * effect at once. (The script tag starts `createEngine` without it and loads it on first need.)
 */
export const createEngineWithDecisions = <const C extends string = DefaultCategory>(
  input?: ConsentOptions<C>,
  setup: Omit<EngineSetup, 'loadDecisions'> = {},
): Consent<C> => createEngine(input, { decisions: installDecisions, storage: pageStorage, ...setup });
