import { EVENT_PREFIX } from './constants';
import { safe } from './env';

/** The link between the tabs of a site that share a consent store (`syncTabs`). */
export interface Tabs {
  /** Tells the other tabs that this one changed the store: they re-read it. */
  notify(): void;
  /** Stops listening (`destroy()`). */
  stop(): void;
}

/**
 * Calls `changed` when another tab may have changed the store of `name`: on a message from a tab
 * that called `notify()` (a `BroadcastChannel`, where the browser has one), and whenever this
 * tab is shown again (a change made while the channel was missing or this tab was frozen).
 * `changed` re-reads the store and compares: the messages carry nothing.
 *
 * @example
 * const tabs = syncTabs('instria_consent', () => reread());
 * tabs.notify(); // after this tab wrote a decision
 */
export function syncTabs(name: string, changed: () => void): Tabs {
  const channel = safe(() => new BroadcastChannel(EVENT_PREFIX + name), null);
  if (channel) channel.onmessage = changed;
  const onVisible = () => document.visibilityState === 'visible' && changed();
  document.addEventListener('visibilitychange', onVisible);
  return {
    // The message only wakes the other tabs, but postMessage needs one: see
    // https://html.spec.whatwg.org/multipage/web-messaging.html#dom-broadcastchannel-postmessage
    notify: () => safe(() => channel?.postMessage(0)),
    stop() {
      channel?.close();
      document.removeEventListener('visibilitychange', onVisible);
    },
  };
}
