import nodeConsole from 'node:console';
import { afterEach, vi } from 'vitest';
import { createEngineWithDecisions, type EngineSetup } from '../../src/core/consent';
import type { Consent, ConsentOptions, DefaultCategory } from '../../src/core/types';
import { memoryStorage } from '../../src/storage/memory';

/**
 * Shared helpers for the unit tests: one factory of consent instances, the page's URL, and the console spies that
 * keep expected warnings and errors out of the run while letting the test assert on them.
 */

/** The instances `testConsent` made, destroyed after each test of the file that imports this module. */
const made: Consent[] = [];
afterEach(() => {
  for (const consent of made.splice(0)) consent.destroy();
});

/**
 * The unit tests' consent instance: the engine with its decision code preinstalled, its decision
 * kept in memory (`stored`: one already there, encoded), destroyed after the test. `options` as
 * `createConsent` takes them (a `storage` there wins); `setup` as the engine's entries give it
 * (`loadUI`, `plugins`).
 *
 * @example const consent = testConsent({ categories, plugins: [gating()] }, { stored: encodeDecision(…) });
 */
export function testConsent<const C extends string = DefaultCategory>(
  options: ConsentOptions<C> = {},
  { stored = null, setup = {} }: { stored?: string | null; setup?: Omit<EngineSetup, 'loadDecisions'> } = {},
): Consent<C> {
  const consent = createEngineWithDecisions<C>({ storage: memoryStorage(stored), ...options }, setup);
  made.push(consent as Consent);
  return consent;
}

/**
 * Deletes every cookie the page can see. With a date in the past, not `Max-Age=0`: happy-dom
 * counts a cookie as expired only once its expiry is strictly before now, so a `Max-Age=0`
 * cookie read back within the same millisecond is still there (empty).
 */
export function clearCookies(): void {
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]!.trim();
    if (name) document.cookie = `${name}=;expires=Thu, 01 Jan 1970 00:00:00 GMT;path=/`;
  }
}

/** Moves happy-dom's page to `url` (its default is http://localhost:3000/). */
export function setURL(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

/**
 * Silences `console[method]` for the rest of the test (restored by `vi.restoreAllMocks()`) and
 * returns what was said, one string per call, the `[instria-consent]` prefix left out.
 *
 * @example const warned = consoleSpy('warn'); resolveOptions({ revision: 'x' }); expect(warned()).toEqual([…]);
 */
export function consoleSpy(method: 'warn' | 'error'): () => string[] {
  const spy = vi.spyOn(console, method).mockImplementation(() => {});
  return () =>
    spy.mock.calls.map((call) =>
      call
        .filter((part, i) => !(i === 0 && part === '[instria-consent]'))
        .map((part) => (part instanceof Error ? `${part.name}: ${part.message}` : String(part)))
        .join(' '),
    );
}

/** happy-dom's report of a resource it does not fetch: `Failed to load script "…". JavaScript file loading is disabled.` */
const REFUSED = /^Failed to load (?:script|module|iframe page|external stylesheet) "([^"]*)"\. \w+ (?:file|page) loading is disabled\.$/;

/**
 * The URLs the page asked happy-dom to load (scripts, modules, iframes, stylesheets) since the
 * call. happy-dom loads none of them here and prints each refusal with a stack trace on Node's
 * own console, which `vi.spyOn(console)` does not reach: this spy takes those reports, so a
 * test can assert which resources the code made the browser request. Any other message still
 * reaches the console. Restored by `vi.restoreAllMocks()`.
 *
 * @example const loads = refusedLoads(); consent.acceptAll(); expect(loads()).toEqual(['https://cdn.test/a.js']);
 */
export function refusedLoads(): () => string[] {
  const urls: string[] = [];
  const error = nodeConsole.error.bind(nodeConsole);
  vi.spyOn(nodeConsole, 'error').mockImplementation((...args: unknown[]) => {
    const url = args[0] instanceof Error && REFUSED.exec(args[0].message)?.[1];
    if (url && args.length === 1) urls.push(url);
    else error(...args);
  });
  return () => [...urls];
}
