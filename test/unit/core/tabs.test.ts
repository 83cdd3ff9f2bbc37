import { afterEach, describe, expect, it, vi } from 'vitest';
import { syncTabs } from '../../../src/core/tabs';

const tick = () => new Promise((resolve) => setTimeout(resolve, 50));
// Node's BroadcastChannel reaches every worker: names of this file's own, so that the other test
// files' engines (which run in parallel on 'instria_consent') are not heard here.
const NAME = `tabs_test_${Math.random().toString(36).slice(2)}`;
let stops: (() => void)[] = [];
/** A tab: its `notify`, and its `stop` (also run after each test). */
const tab = (changed: () => void, name = NAME) => {
  let stop = () => {};
  const notify = syncTabs(name, changed, (fn) => stops.push((stop = fn)));
  return { notify, stop: () => stop() };
};

afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
});

describe('syncTabs', () => {
  it('tells the other tabs of the same store, not itself nor those of another store', async () => {
    const self = vi.fn();
    const other = vi.fn();
    const elsewhere = vi.fn();
    const a = tab(self);
    tab(other);
    tab(elsewhere, `${NAME}_other`);
    a.notify();
    await tick();
    expect([self.mock.calls.length, other.mock.calls.length, elsewhere.mock.calls.length]).toEqual([0, 1, 0]);
  });

  it('asks for a re-read when the tab is shown again', () => {
    const changed = vi.fn();
    tab(changed);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(changed).toHaveBeenCalledTimes(document.visibilityState === 'visible' ? 1 : 0);
    expect(document.visibilityState).toBe('visible');
  });

  it('the stop it hands to teardown ends both', async () => {
    const changed = vi.fn();
    const a = tab(() => {});
    tab(changed).stop();
    a.notify();
    document.dispatchEvent(new Event('visibilitychange'));
    await tick();
    expect(changed).not.toHaveBeenCalled();
  });

  it('works without BroadcastChannel (shown again still re-reads), and notify() never throws', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const changed = vi.fn();
      const tabs = tab(changed);
      expect(() => tabs.notify()).not.toThrow();
      document.dispatchEvent(new Event('visibilitychange'));
      expect(changed).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
      vi.unstubAllGlobals();
    }
  });
});
