/**
 * True in a browser page; false during SSR and in workers without a DOM. Always true in the
 * script-tag files (`__SCRIPT_TAG__`), which drop the SSR branches.
 */
export const isBrowser = (): boolean => __SCRIPT_TAG__ || (typeof window !== 'undefined' && typeof document !== 'undefined');

/**
 * Runs `fn` in a microtask, like `queueMicrotask`, which some embedded browsers lack (or a page
 * replaced): a promise reaction is one everywhere.
 */
export const later = (fn: () => unknown): void => void Promise.resolve().then(fn);

/**
 * `document[name]` through its accessor, the first one up the prototype chain (with `value`:
 * sets it). Markup can shadow a member of `document` (`<img name="cookie">`, `<form
 * name="currentScript">`: a document's named elements override its own members), which would
 * make every cookie write a no-op or hand the SDK another element for its own tag; a named
 * element is a plain value there, skipped.
 * See: https://html.spec.whatwg.org/multipage/dom.html#dom-document-nameditem
 */
export function fromDocument(name: 'cookie', value?: string): string;
export function fromDocument(name: 'currentScript'): HTMLOrSVGScriptElement | null;
export function fromDocument(name: string, value?: string): unknown {
  let owner: object = document;
  let member: PropertyDescriptor | undefined;
  while (!(member = Object.getOwnPropertyDescriptor(owner, name))?.get) owner = Object.getPrototypeOf(owner);
  return value === undefined ? member.get!.call(document) : (member.set!.call(document, value), value);
}

/** `document.cookie`, safe from markup (see `fromDocument`); with `value`, writes it. */
export const documentCookie = (value?: string): string => fromDocument('cookie', value);

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
