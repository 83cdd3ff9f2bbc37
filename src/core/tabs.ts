import { EVENT_PREFIX } from './constants';
import { safe } from './env';

/**
 * Calls `changed` when another tab may have changed the store of `name`: on a message from a tab
 * that called the returned `notify()` (a `BroadcastChannel`, where the browser has one), and
 * whenever this tab is shown again (a change made while the channel was missing or this tab was
 * frozen). `changed` re-reads the store and compares: the messages carry nothing. What stops
 * listening is handed to `teardown` (the engine's, run on `destroy()`).
 *
 * @example
 * const notify = syncTabs('instria_consent', () => reread(), (stop) => teardowns.push(stop));
 * notify(); // after this tab wrote a decision
 */
export function syncTabs(name: string, changed: () => void, teardown: (stop: () => void) => void): () => void {
  const channel = safe(() => new BroadcastChannel(EVENT_PREFIX + name), null);
  if (channel) channel.onmessage = changed;
  const onVisible = () => document.visibilityState === 'visible' && changed();
  document.addEventListener('visibilitychange', onVisible);
  teardown(() => {
    channel?.close();
    document.removeEventListener('visibilitychange', onVisible);
  });
  return () => safe(() => channel?.postMessage(0));
}
