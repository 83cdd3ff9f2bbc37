import { describe, expect, it, vi } from 'vitest';
import { emit, listen, type Listeners } from '../../../src/core/emitter';

describe('emitter', () => {
  it('calls the listeners of the event, in order, and mirrors it on window', () => {
    const listeners: Listeners = {};
    const calls: string[] = [];
    listen(listeners, 'consent', (payload) => calls.push(`a ${payload}`));
    listen(listeners, 'consent', (payload) => calls.push(`b ${payload}`));
    listen(listeners, 'change', () => calls.push('change'));
    const onWindow = vi.fn((event: Event) => calls.push(`window ${(event as CustomEvent).detail}`));
    addEventListener('instria-consent:consent', onWindow);
    emit(listeners, 'consent', 1);
    removeEventListener('instria-consent:consent', onWindow);
    expect(calls).toEqual(['a 1', 'b 1', 'window 1']);
  });

  it('returns the removal of a listener', () => {
    const listeners: Listeners = {};
    const fn = vi.fn();
    const off = listen(listeners, 'consent', fn);
    off();
    emit(listeners, 'consent', 1);
    expect(fn).not.toHaveBeenCalled();
  });

  it('a throwing listener stops neither the others nor the window event, and nothing reaches the caller', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const listeners: Listeners = {};
    const after = vi.fn();
    const onWindow = vi.fn();
    listen(listeners, 'consent', () => {
      throw new Error('page bug');
    });
    listen(listeners, 'consent', after);
    addEventListener('instria-consent:consent', onWindow);
    expect(() => emit(listeners, 'consent', 1)).not.toThrow();
    removeEventListener('instria-consent:consent', onWindow);
    expect(after).toHaveBeenCalledWith(1);
    expect(onWindow).toHaveBeenCalledTimes(1);
  });

  it('a listener removed by an earlier one during the same event is still called once', () => {
    const listeners: Listeners = {};
    const second = vi.fn();
    let off = () => {};
    listen(listeners, 'consent', () => off());
    off = listen(listeners, 'consent', second);
    emit(listeners, 'consent', 1);
    emit(listeners, 'consent', 2);
    expect(second.mock.calls).toEqual([[1]]);
  });
});
