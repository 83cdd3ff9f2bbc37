import { EVENT_PREFIX } from './constants';
import { DEV, safe } from './env';

/** The `on()` listeners of an instance, by event. */
export type Listeners = Record<string, Set<(payload: any) => void>>;

/**
 * Adds `fn` to the listeners of `event`; returns its removal.
 *
 * @example const off = listen(listeners, 'consent', (state) => console.log(state));
 */
export function listen(listeners: Listeners, event: string, fn: (payload: any) => void): () => void {
  (listeners[event] ??= new Set()).add(fn);
  return () => listeners[event]!.delete(fn);
}

/**
 * Calls the listeners of `event` (one that throws stops neither the others nor the caller), then
 * dispatches `instria-consent:<event>` on `window` with `payload` as its `detail`: the same event
 * for page code that has no instance at hand (a tag manager, the script tag's other scripts).
 *
 * @example emit(listeners, 'consent', state); // and window's 'instria-consent:consent'
 */
export function emit(listeners: Listeners, event: string, payload: unknown): void {
  for (const fn of [...(listeners[event] ?? [])]) safe(() => fn(payload), undefined, DEV && `a consent.on('${event}') listener`);
  safe(() => dispatchEvent(new CustomEvent(EVENT_PREFIX + event, { detail: payload })));
}
