import { beforeEach, describe, expect, it, vi } from 'vitest';
import { onDemand } from '../../../src/core/on-demand';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => vi.restoreAllMocks());

describe('onDemand', () => {
  it('loads nothing until first called, then once; callers queued meanwhile run in order', async () => {
    const load = vi.fn(() => Promise.resolve('code'));
    const get = onDemand(load, 'the code');
    expect(load).not.toHaveBeenCalled();
    const calls: string[] = [];
    get((value) => calls.push(`1 ${value}`));
    get((value) => calls.push(`2 ${value}`));
    expect(calls).toEqual([]);
    await flush();
    expect(calls).toEqual(['1 code', '2 code']);
    get((value) => calls.push(`3 ${value}`));
    expect(calls, 'at once once loaded').toHaveLength(3);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('runs callers at once when load returns the value itself', () => {
    const get = onDemand(() => 'code', 'the code');
    const run = vi.fn();
    get(run);
    expect(run).toHaveBeenCalledWith('code');
  });

  it('queue: true queues without loading; the next call that starts it runs both', async () => {
    const load = vi.fn(() => Promise.resolve('code'));
    const get = onDemand(load, 'the code');
    const waiting = vi.fn();
    get(waiting, true);
    await flush();
    expect(load).not.toHaveBeenCalled();
    const now = vi.fn();
    get(now);
    await flush();
    expect([waiting.mock.calls, now.mock.calls]).toEqual([[['code']], [['code']]]);
  });

  it('fails closed: drops the callers waiting, says what could not be loaded, and loads again on the next call', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const load = vi.fn((): Promise<string> => Promise.reject(new Error('404')));
    const get = onDemand(load, 'the code');
    const dropped = vi.fn();
    get(dropped);
    await flush();
    expect(dropped).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith('[instria-consent] the code could not be loaded; nothing is granted.', expect.any(Error));
    load.mockImplementation(() => Promise.resolve('code'));
    const next = vi.fn();
    get(next);
    await flush();
    expect(load).toHaveBeenCalledTimes(2);
    expect(dropped).not.toHaveBeenCalled();
    expect(next).toHaveBeenCalledWith('code');
  });

  it('no value (an instance destroyed meanwhile) drops the callers without a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const get = onDemand(() => Promise.resolve(undefined), 'the code');
    const run = vi.fn();
    get(run);
    await flush();
    expect(run).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });

  it('a throwing caller does not stop the others', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const get = onDemand(() => Promise.resolve('code'), 'the code');
    const after = vi.fn();
    get(() => {
      throw new Error('bug');
    });
    get(after);
    await flush();
    expect(after).toHaveBeenCalledWith('code');
  });
});
