import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeDecision } from '../../../../src/core/codec';
import { createConsentEngine } from '../../../../src/core/consent';
import {
  OUTBOX_KEY,
  OUTBOX_LIMIT,
  RECORD_SCHEMA_VERSION,
  consentRecords,
  type ConsentRecord,
} from '../../../../src/core/integrations/records';
import type { Consent, ConsentStorage } from '../../../../src/core/types';
import { memoryStorage } from '../../../../src/storage/memory';

const ENDPOINT = 'https://log.example.test/records';
const categories = {
  essential: { required: true },
  analytics: { services: { ga4: {}, matomo: {} } },
  marketing: {},
};
const instances: Consent[] = [];
let responses: number[];
let fetchMock: ReturnType<typeof vi.fn>;
let beacon: ReturnType<typeof vi.fn>;

function make(storage: ConsentStorage = memoryStorage(), extra: { gpc?: boolean } = {}) {
  const consent = createConsentEngine({ categories, storage, plugins: [consentRecords(ENDPOINT)], ...extra });
  instances.push(consent as Consent);
  return consent;
}

/** Bodies of every POST made, parsed. */
const posted = (): ConsentRecord[] => fetchMock.mock.calls.map(([, init]) => JSON.parse((init as RequestInit).body as string));
const outbox = (): { last?: string; queue: ConsentRecord[] } | null => JSON.parse(localStorage.getItem(OUTBOX_KEY)!);
/** Lets pending fetch promises and their continuations run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  localStorage.clear();
  responses = [];
  fetchMock = vi.fn(async () => new Response(null, { status: responses.shift() ?? 201 }));
  beacon = vi.fn(() => true);
  vi.stubGlobal('fetch', fetchMock);
  Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true });
  history.replaceState(null, '', '/pricing?utm_source=mail&email=a%40b.c#plans');
});
afterEach(() => {
  for (const consent of instances.splice(0)) consent.destroy();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('consentRecords: the record', () => {
  it('sends one minimised record per decision, with the schema fields and nothing else', async () => {
    document.documentElement.lang = 'fr-FR';
    const consent = make();
    consent.set({ analytics: true }, { services: { matomo: false } });
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(ENDPOINT);
    expect(init).toMatchObject({ method: 'POST', keepalive: true, headers: { 'content-type': 'application/json' } });
    const state = consent.state.get();
    const record = posted()[0]!;
    expect(record).toEqual({
      recordId: `${state.id}-${state.decidedAt}-custom-ggdgd`,
      schemaVersion: RECORD_SCHEMA_VERSION,
      consentId: state.id,
      time: new Date(state.decidedAt!).toISOString(),
      revision: 1,
      method: 'custom',
      categories: { essential: 'granted', analytics: 'granted', marketing: 'denied' },
      services: { ga4: 'granted', matomo: 'denied' },
      language: 'fr',
      sdkVersion: '0.0.0-test',
      pageUrl: `${location.origin}/pricing`,
    });
    // Minimisation: no query string, fragment, user agent or anything else identifying.
    const body = (init.body as string).toLowerCase();
    expect(body).not.toMatch(/utm|email|plans|useragent|user_agent|mozilla|"ip"/);
    document.documentElement.lang = '';
  });

  it('records the language the visitor was shown, including one the site translated itself', async () => {
    document.documentElement.lang = 'de-DE';
    const consent = createConsentEngine({
      categories,
      storage: memoryStorage(),
      translations: { de: { acceptAll: 'Alle akzeptieren' } },
      plugins: [consentRecords(ENDPOINT)],
    });
    instances.push(consent as Consent);
    consent.acceptAll();
    await settle();
    expect(posted()[0]!.language).toBe('de');
  });

  it('records refusals, withdrawals and GPC too, each with its method', async () => {
    const consent = make();
    consent.rejectAll();
    await settle();
    consent.acceptAll();
    await settle();
    consent.withdraw();
    await settle();
    expect(posted().map((r) => r.method)).toEqual(['reject-all', 'accept-all', 'withdraw']);
    expect(posted()[2]!.categories).toEqual({ essential: 'granted', analytics: 'denied', marketing: 'denied' });
    expect(new Set(posted().map((r) => r.recordId)).size).toBe(3);

    localStorage.clear();
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      make(memoryStorage(), { gpc: true });
      await settle();
      expect(posted().at(-1)).toMatchObject({ method: 'gpc', categories: { analytics: 'denied', marketing: 'denied' } });
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  it('two decisions in the same millisecond get two records with distinct ids', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 10, 27, 8));
    const consent = make();
    consent.rejectAll();
    consent.set({ analytics: true });
    await settle();
    await settle();
    expect(posted().map((r) => [r.method, r.time])).toEqual([
      ['reject-all', '2026-11-27T08:00:00.000Z'],
      ['custom', '2026-11-27T08:00:00.000Z'],
    ]);
    expect(posted()[0]!.recordId).not.toBe(posted()[1]!.recordId);
  });

  it('a returning visitor with a valid stored decision produces no record', async () => {
    const stored = encodeDecision({ id: 'abcdef12-3456', time: Date.now() - 5000, revision: 1, method: 'accept-all', categories: { analytics: true, marketing: true }, services: { ga4: true, matomo: true } });
    const consent = make(memoryStorage(stored));
    const events: unknown[] = [];
    consent.on('consent', (state) => events.push(state));
    await settle();
    expect(events).toHaveLength(1);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('a decision picked up from another tab is not recorded a second time', async () => {
    const shared = memoryStorage();
    const here = make(shared);
    const other = make(shared);
    const seen: unknown[] = [];
    other.on('consent', (state) => seen.push(state));
    here.acceptAll();
    // The other tab re-reads the shared store when it is shown again.
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(seen).toHaveLength(1);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('consentRecords: delivery', () => {
  it('keeps a record until a 2xx arrives, retrying with backoff (1 s, then 2 s)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    responses = [500, 503];
    const consent = make();
    consent.acceptAll();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(outbox()!.queue).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(outbox()!.queue).toEqual([]);
    expect(new Set(posted().map((r) => r.recordId)).size).toBe(1);
  });

  it('drops a record the endpoint refuses for good (4xx), so later records are not held back', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    responses = [422, 201];
    const consent = make();
    consent.rejectAll();
    await settle();
    consent.acceptAll();
    await settle();
    expect(posted().map((record) => record.method)).toEqual(['reject-all', 'accept-all']);
    expect(outbox()?.queue).toEqual([]);
    expect(warn).toHaveBeenCalledWith('[instria-consent]', expect.stringContaining('refused a record (422)'), expect.anything());
  });

  it('keeps retrying on 429 and 408, which say "later", not "never"', async () => {
    vi.useFakeTimers();
    responses = [429, 408, 201];
    make().acceptAll();
    await vi.advanceTimersByTimeAsync(0);
    expect(outbox()?.queue).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(outbox()?.queue).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(outbox()?.queue).toEqual([]);
  });

  it('treats a network error like a failure, without an error in the page', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    make().rejectAll();
    await vi.advanceTimersByTimeAsync(0);
    expect(outbox()!.queue).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(outbox()!.queue).toHaveLength(0);
  });

  it('sends what is left in the outbox on the next page load', async () => {
    responses = [500];
    const first = make();
    first.acceptAll();
    await settle();
    const pending = outbox()!.queue;
    expect(pending).toHaveLength(1);
    first.destroy();
    // Next page: a returning visitor (no new record) whose pending one goes out at once.
    make();
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(posted()[1]).toEqual(pending[0]);
    expect(outbox()!.queue).toEqual([]);
  });

  it('hands what is pending to sendBeacon when the page is hidden, and keeps it in the outbox', async () => {
    let release!: (response: Response) => void;
    fetchMock.mockImplementationOnce(() => new Promise<Response>((resolve) => (release = resolve)));
    responses = [];
    localStorage.setItem(OUTBOX_KEY, JSON.stringify({ queue: [{ recordId: 'older-1' }] }));
    const consent = make();
    await settle();
    // "older-1" is in flight (keepalive fetch survives the page): only the new one goes by beacon.
    consent.rejectAll();
    dispatchEvent(new Event('pagehide'));
    expect(beacon).toHaveBeenCalledTimes(1);
    const [url, body] = beacon.mock.calls[0] as [string, string];
    expect(url).toBe(ENDPOINT);
    expect(JSON.parse(body)).toMatchObject({ method: 'reject-all' });
    expect(outbox()!.queue).toHaveLength(2);
    release(new Response(null, { status: 500 }));
  });

  it('bounds the outbox: past the limit the oldest record is dropped with a warning', async () => {
    fetchMock.mockImplementation(async () => new Response(null, { status: 500 }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const old = Array.from({ length: OUTBOX_LIMIT }, (_, i) => ({ recordId: `old-${i}` }));
    localStorage.setItem(OUTBOX_KEY, JSON.stringify({ queue: old }));
    make().acceptAll();
    const queue = outbox()!.queue;
    expect(queue).toHaveLength(OUTBOX_LIMIT);
    expect(queue[0]!.recordId).toBe('old-1');
    expect(queue.at(-1)!.method).toBe('accept-all');
    expect(warn.mock.calls.flat().join(' ')).toMatch(/old-0/);
    await settle();
  });

  it('works, for the page, when storage throws; nothing reaches the host page', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    responses = [500];
    const consent = make();
    expect(() => consent.acceptAll()).not.toThrow();
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    dispatchEvent(new Event('pagehide'));
    expect(beacon).toHaveBeenCalledTimes(1);
  });

  it('stops on destroy(): no retry is left scheduled', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fetchMock.mockImplementation(async () => new Response(null, { status: 500 }));
    const consent = make();
    consent.acceptAll();
    await vi.advanceTimersByTimeAsync(0);
    consent.destroy();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
