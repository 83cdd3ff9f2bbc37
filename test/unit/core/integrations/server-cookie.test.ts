import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installDecisions } from '../../../../src/core/decisions';
import { withServerCookie } from '../../../../src/core/integrations/server-cookie';
import type { ConsentOptions, ConsentStorage } from '../../../../src/core/types';
import { memoryStorage } from '../../../../src/storage/memory';
import { consoleSpy, testConsent } from '../../support';

let fetchMock: ReturnType<typeof vi.fn>;
let store: ConsentStorage;
/** What the store held when each request was made: the script's write comes first. */
let storedAtFetch: (string | null)[];

beforeEach(() => {
  store = memoryStorage();
  storedAtFetch = [];
  fetchMock = vi.fn(async () => (storedAtFetch.push(store.read()), new Response(null, { status: 204 })));
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const make = (options: ConsentOptions = {}) =>
  testConsent({ storage: store, ...options }, { setup: { decisions: withServerCookie(installDecisions) } });

/** Lets the sender's promise chain run. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

/** URL and init of each request sent. */
const requests = () => fetchMock.mock.calls.map(([url, init]) => [String(url), init as RequestInit] as const);

describe('serverCookie', () => {
  it('posts each decision, once written by script, to the same-origin endpoint', async () => {
    const consent = make({ serverCookie: '/consent-cookie' });
    consent.acceptAll();
    await settle();
    expect(requests()).toEqual([
      ['http://localhost:3000/consent-cookie', { method: 'POST', body: store.read(), credentials: 'same-origin', keepalive: true }],
    ]);
    expect(storedAtFetch).toEqual([store.read()]);
    consent.set({ analytics: false });
    consent.withdraw();
    await settle();
    expect(requests().map(([, init]) => init.body)).toEqual([expect.stringMatching(/^1\..*\.0\./), expect.stringMatching(/\.2\./), store.read()]);
  });

  it('posts an empty body on reset, after the script cleared its cookie', async () => {
    const consent = make({ serverCookie: '/consent-cookie' });
    consent.rejectAll();
    consent.reset();
    await settle();
    expect(requests().map(([, init]) => init.body)).toEqual([expect.stringMatching(/^1\./), '']);
    expect(storedAtFetch[1]).toBeNull();
  });

  it('accepts an absolute URL of this origin', async () => {
    make({ serverCookie: 'http://localhost:3000/api/consent' }).acceptAll();
    await settle();
    expect(requests()[0]![0]).toBe('http://localhost:3000/api/consent');
  });

  it('ignores a URL of another origin, with a development warning', async () => {
    const warned = consoleSpy('warn');
    const consent = make({ serverCookie: 'https://elsewhere.test/consent-cookie' });
    consent.acceptAll();
    await settle();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(consent.state.get().decided).toBe(true);
    expect(warned()).toEqual(['option "serverCookie" must be a URL of this site (got "https://elsewhere.test/consent-cookie"); ignored']);
  });

  it('sends nothing without the option', async () => {
    make().acceptAll();
    await settle();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it.each([
    ['answers 500', () => new Response(null, { status: 500 })],
    ['is unreachable', () => Promise.reject(new TypeError('Failed to fetch'))],
  ])('loses nothing when the endpoint %s: the decision stays, one warning, nothing thrown', async (_, answer) => {
    const warned = consoleSpy('warn');
    fetchMock.mockImplementation(answer);
    const consent = make({ serverCookie: '/consent-cookie' });
    expect(() => consent.acceptAll()).not.toThrow();
    consent.rejectAll();
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(consent.state.get().method).toBe('reject-all');
    expect(store.read()).toMatch(/^1\./);
    expect(warned()).toEqual([expect.stringMatching(/^the serverCookie endpoint http:\/\/localhost:3000\/consent-cookie failed \((500|TypeError: Failed to fetch)\); the decision is kept in the cookie written by script/)]);
  });

  it('never throws where fetch itself throws', async () => {
    consoleSpy('warn');
    fetchMock.mockImplementation(() => {
      throw new Error('no fetch here');
    });
    const consent = make({ serverCookie: '/consent-cookie' });
    expect(() => consent.acceptAll()).not.toThrow();
    await settle();
    expect(consent.state.get().decided).toBe(true);
  });

  it('is on in @instria/consent', async () => {
    const { createConsent } = await import('../../../../src/index');
    const consent = createConsent({ serverCookie: '/consent-cookie', storage: store, gating: false });
    try {
      consent.rejectAll();
      await settle();
      expect(requests()).toEqual([['http://localhost:3000/consent-cookie', expect.objectContaining({ body: store.read() })]]);
    } finally {
      consent.destroy();
    }
  });

  it('is read from the script tag as data-server-cookie', async () => {
    const { readTagOptions } = await import('../../../../src/script-tag/boot');
    const script = document.createElement('script');
    script.dataset.serverCookie = '/consent-cookie';
    script.dataset.revision = '2';
    script.dataset.gpc = 'false';
    expect(readTagOptions(script)).toEqual({ serverCookie: '/consent-cookie', revision: 2, gpc: false });
  });
});
