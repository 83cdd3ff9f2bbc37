/** True in a browser page; false during SSR and in workers without a DOM. */
export const isBrowser = (): boolean => typeof window !== 'undefined' && typeof document !== 'undefined';

/**
 * True in development builds. Guard every `warn()` call with it (`DEV && warn(…)`): bundlers
 * inline it, so production bundles lose the call and its message strings.
 */
export const DEV = process.env.NODE_ENV !== 'production';

/**
 * A development warning, removed from production bundles.
 * Bad input never throws into the host page; it is reported here and replaced by a safe value.
 */
export function warn(...args: unknown[]): void {
  if (DEV) console.warn('[instria-consent]', ...args);
}

/**
 * Runs `fn` and swallows what it throws: the host page must never see our errors, and an error
 * in the page's own callback (`what`, e.g. "a consent.state listener") must never stop our work;
 * development builds report it as the page's.
 */
export function safe<T>(fn: () => T, fallback: T, what?: string | false): T;
export function safe(fn: () => unknown): void;
export function safe<T>(fn: () => T, fallback?: T, what?: string | false): T | undefined {
  try {
    return fn();
  } catch (error) {
    DEV && (what ? warn(`${what} threw (an error in the page's code; consent was still applied):`, error) : warn(error));
    return fallback;
  }
}
