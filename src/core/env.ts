/** True in a browser page; false during SSR and in workers without a DOM. */
export const isBrowser = (): boolean => typeof window !== 'undefined' && typeof document !== 'undefined';

/**
 * Runs `fn` in a microtask, like `queueMicrotask`, which some embedded browsers lack (or a page
 * replaced): a promise reaction is one everywhere.
 */
export const later = (fn: () => unknown): void => void Promise.resolve().then(fn);

/** A plain object: not null, not an array. */
export const isObject = (value: unknown): value is Record<string, any> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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
 * Fail closed: `what` failed (`the consent UI could not be loaded`), so nothing it would have
 * granted is granted. Said in production builds too, by this one helper for every such failure.
 */
export const failed =
  (what: string) =>
  (error: unknown): void =>
    console.warn(`[instria-consent] ${what}; nothing is granted.`, error);

/**
 * Runs `fn` and swallows what it throws: the host page must never see our errors, and an error
 * in the page's own callback (`what`, e.g. "a consent.state listener") must never stop our work;
 * development builds report it as the page's. Returns `fallback` (by default undefined) when it
 * throws.
 */
export function safe<T>(fn: () => T): T | undefined;
export function safe<T>(fn: () => T, fallback: T, what?: string | false): T;
export function safe<T>(fn: () => T, fallback?: T, what?: string | false): T | undefined {
  try {
    return fn();
  } catch (error) {
    DEV && (what ? warn(`${what} threw (an error in the page's code; consent was still applied):`, error) : warn(error));
    return fallback;
  }
}

/** `bytes` as lowercase hexadecimal, two digits each (a consent id, a SHA-256 digest). */
export const hex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => (byte + 256).toString(16).slice(1)).join('');
