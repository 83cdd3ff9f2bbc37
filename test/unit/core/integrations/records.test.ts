import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeDecision } from '../../../../src/core/codec';
import { createEngineWithDecisions } from '../../../../src/core/consent';
import { gating } from '../../../../src/core/gating/index';
import {
  OUTBOX_KEY,
  OUTBOX_LIMIT,
  RECORD_SCHEMA_VERSION,
  buildRecord,
  consentRecords,
  hashInput,
  textHash,
  type ConsentRecord,
  type RecordHooks,
} from '../../../../src/core/integrations/records';
import type { Consent, ConsentStorage } from '../../../../src/core/types';
import { memoryStorage } from '../../../../src/storage/memory';
import { refusedLoads, testConsent } from '../../support';

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
  return testConsent({ categories, storage, plugins: [consentRecords(ENDPOINT)], ...extra });
}

/** Bodies of every POST made, parsed. */
const posted = (): ConsentRecord[] => fetchMock.mock.calls.map(([, init]) => JSON.parse((init as RequestInit).body as string));
const outbox = (): { last?: string; queue: ConsentRecord[] } | null => JSON.parse(localStorage.getItem(OUTBOX_KEY)!);
/**
 * Lets pending work run: the SHA-256 of each record (Web Crypto, asynchronous), then the fetch
 * promises and their continuations.
 */
const settle = async () => {
  await hashed();
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
/** Waits for every SHA-256 started (each starts a microtask after its decision): their records are then in the outbox. */
let digests: Promise<unknown>[] = [];
const hashed = async () => {
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 10; i++) await Promise.resolve();
    await Promise.allSettled(digests);
  }
};
const realDigest = crypto.subtle.digest.bind(crypto.subtle);

beforeEach(() => {
  digests = [];
  vi.spyOn(crypto.subtle, 'digest').mockImplementation((...args: Parameters<SubtleCrypto['digest']>) => {
    const digest = realDigest(...args);
    digests.push(digest);
    return digest;
  });
  localStorage.clear();
  responses = [];
  fetchMock = vi.fn(async () => new Response(null, { status: responses.shift() ?? 201 }));
  beacon = vi.fn(() => true);
  vi.stubGlobal('fetch', fetchMock);
  Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true });
  history.replaceState(null, '', '/pricing?utm_source=mail&email=a%40b.c#plans');
});
afterEach(async () => {
  // Records still being hashed land in the outbox now, not in the next test's.
  await hashed();
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
      channel: 'api',
      textHash: await textHash(consent.options),
      controller: location.hostname,
      policyUrl: `${location.origin}/privacy`,
      expiresAt: new Date(state.decidedAt! + 182 * 864e5).toISOString(),
      previousRecordId: null,
    });
    expect(record.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(RECORD_SCHEMA_VERSION).toBe(2);
    // Minimisation: no query string, fragment, user agent or anything else identifying.
    const body = (init.body as string).toLowerCase();
    expect(body).not.toMatch(/utm|email|plans|useragent|user_agent|mozilla|"ip"/);
    document.documentElement.lang = '';
  });

  it('records the language the visitor was shown, including one the site translated itself', async () => {
    document.documentElement.lang = 'de-DE';
    const consent = createEngineWithDecisions({
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
    await hashed();
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
    await hashed();
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
    await hashed();
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
    // Its hash is computed first (Web Crypto answers within the task, long before a page can unload).
    await hashed();
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
    await hashed();
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
    await hashed();
    await vi.advanceTimersByTimeAsync(0);
    consent.destroy();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('consentRecords: schema 2 fields (proof of consent)', () => {
  it('carries controller, absolute policy URL, expiry and the channel of an API call', async () => {
    const consent = createEngineWithDecisions({
      categories,
      storage: memoryStorage(),
      privacyPolicyUrl: '../legal/privacy?v=3',
      expiresAfterDays: 30,
      plugins: [consentRecords(ENDPOINT)],
    });
    instances.push(consent as Consent);
    consent.rejectAll();
    await settle();
    const state = consent.state.get();
    expect(posted()[0]).toMatchObject({
      schemaVersion: 2,
      channel: 'api',
      // No `controller` option: the host name.
      controller: location.hostname,
      policyUrl: `${location.origin}/legal/privacy?v=3`,
      expiresAt: new Date(state.decidedAt! + 30 * 864e5).toISOString(),
      previousRecordId: null,
    });
  });

  it('names the controller the `controller` option gives', () => {
    const state = { decided: true, categories: { analytics: true }, services: {}, id: 'abcdef12-3456', decidedAt: 1795780800000, revision: 1, method: 'custom', pending: { categories: [], services: [] } } as const;
    const options = { expiresAfterDays: 182, privacyPolicyUrl: 'https://instria.fr/confidentialite' };
    expect(buildRecord(state, 'fr', { ...options, controller: 'Instria SAS' })).toMatchObject({
      controller: 'Instria SAS',
      policyUrl: 'https://instria.fr/confidentialite',
      recordId: 'abcdef12-3456-1795780800000-custom-g',
      expiresAt: new Date(1795780800000 + 182 * 864e5).toISOString(),
    });
    expect(buildRecord(state, 'fr', { ...options, controller: '' }).controller).toBe(location.hostname);
  });

  it('links each record to the previous one of the same consent id, also after a reload', async () => {
    const storage = memoryStorage();
    const first = make(storage);
    first.rejectAll();
    await settle();
    first.set({ analytics: true });
    await settle();
    first.destroy();
    // Next page load: same stored decision, same outbox.
    const second = make(storage);
    second.withdraw();
    await settle();
    const [a, b, c] = posted();
    expect([a!.previousRecordId, b!.previousRecordId, c!.previousRecordId]).toEqual([null, a!.recordId, b!.recordId]);
    expect(new Set(posted().map((r) => r.consentId)).size).toBe(1);
    // A new consent id (after reset()) starts a new chain.
    second.reset();
    second.acceptAll();
    await settle();
    expect(posted().at(-1)!.previousRecordId).toBeNull();
  });

  it('takes the channel the UI set for the next decision only; GPC is always gpc', async () => {
    const consent = make() as Consent & RecordHooks;
    consent._shown = { channel: 'banner', texts: { acceptAll: 'Accept all' } };
    consent.acceptAll();
    consent.rejectAll();
    await settle();
    expect(posted().map((r) => r.channel)).toEqual(['banner', 'api']);
    expect(posted()[0]!.textHash).toBe(await textHash(consent.options, { acceptAll: 'Accept all' }));
    expect(posted()[1]!.textHash).toBe(await textHash(consent.options));
    expect(consent._shown).toBeUndefined();

    localStorage.clear();
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      make(memoryStorage(), { gpc: true });
      await settle();
      expect(posted().at(-1)).toMatchObject({ method: 'gpc', channel: 'gpc', textHash: await textHash(consent.options) });
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  it('an embed placeholder is the channel placeholder, hashed with the texts it showed', async () => {
    const consent = make() as Consent & RecordHooks;
    const box = document.createElement('div');
    box.innerHTML = '<p data-part="placeholder-text">Video is blocked.</p><button data-part="placeholder-allow">Allow Video</button>';
    consent._shown = box;
    consent.set({}, { services: { ga4: true } });
    await settle();
    expect(posted()[0]!.channel).toBe('placeholder');
    expect(posted()[0]!.textHash).toBe(
      await textHash(consent.options, { 'placeholder-text': 'Video is blocked.', 'placeholder-allow': 'Allow Video' }),
    );
  });

  it('the "Allow" of a real embed placeholder records the placeholder channel and its texts', async () => {
    const loads = refusedLoads();
    document.body.innerHTML = '<iframe data-consent="analytics" data-service="ga4" data-src="https://video.test/e"></iframe>';
    const consent = createEngineWithDecisions({
      categories: { essential: { required: true }, analytics: { services: { ga4: { label: 'VideoTube' } } } },
      storage: memoryStorage(),
      plugins: [gating(), consentRecords(ENDPOINT)],
    });
    instances.push(consent as Consent);
    await settle();
    document.querySelector<HTMLButtonElement>('[data-part="placeholder-allow"]')!.click();
    await settle();
    expect(posted()[0]).toMatchObject({ method: 'custom', channel: 'placeholder', services: { ga4: 'granted' } });
    expect(posted()[0]!.textHash).toBe(
      await textHash(consent.options, {
        'placeholder-text': 'VideoTube is blocked. Allowing it lets VideoTube set cookies and learn about your visit.',
        'placeholder-allow': 'Allow VideoTube',
      }),
    );
    // The embed showed a blank page until the click, then its URL.
    expect(loads()).toEqual(['about:blank', 'https://video.test/e']);
    document.body.innerHTML = '';
  });

  it('records a dismissal as method dismiss, changing nothing; before any decision, under an id of its own', async () => {
    const consent = make() as Consent & RecordHooks;
    const before = consent.state.get();
    consent._dismissed!({ close: 'Close' });
    await settle();
    expect(consent.state.get()).toBe(before);
    const dismissal = posted()[0]!;
    expect(dismissal).toMatchObject({
      method: 'dismiss',
      channel: 'dialog',
      categories: { essential: 'granted', analytics: 'denied', marketing: 'denied' },
      expiresAt: null,
      previousRecordId: null,
      textHash: await textHash(consent.options, { close: 'Close' }),
    });
    expect(dismissal.consentId).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(dismissal.recordId).toBe(`${dismissal.consentId}-${Date.parse(dismissal.time)}-dismiss-gddddd`.slice(0, dismissal.recordId.length));

    // After a decision, a dismissal is chained to it and carries the decision's expiry.
    consent.acceptAll();
    await settle();
    consent._dismissed!({});
    await settle();
    const [, decision, again] = posted();
    expect(again).toMatchObject({ method: 'dismiss', consentId: decision!.consentId, previousRecordId: decision!.recordId, expiresAt: decision!.expiresAt });
    expect(consent.state.get().method).toBe('accept-all');
  });
});

describe('textHash', () => {
  const options = { revision: 1, categories: { essential: { required: true }, analytics: { label: 'Analytics', services: { ga4: { label: 'Google Analytics', cookies: [/^_ga/] } } } } };

  it('is a SHA-256 of the documented canonical JSON, stable for the same content in any key order', async () => {
    const texts = { acceptAll: 'Accept all', rejectAll: 'Reject all' };
    const input = hashInput(options, texts);
    expect(input).toBe(
      '{"options":{"categories":{"analytics":{"label":"Analytics","services":{"ga4":{"label":"Google Analytics"}}},"essential":{"required":true,"services":{}}},"revision":1},"texts":{"acceptAll":"Accept all","rejectAll":"Reject all"}}',
    );
    const expected = createHash('sha256').update(input).digest('hex');
    expect(await textHash(options, texts)).toBe(expected);
    expect(await textHash(options, { rejectAll: 'Reject all', acceptAll: 'Accept all' })).toBe(expected);
    // api/gpc decisions: the options part only.
    expect(hashInput(options)).toBe(input.slice(0, input.indexOf(',"texts"')) + '}');
  });

  it('changes when a string override, a service or the revision changes', async () => {
    const base = await textHash(options, { acceptAll: 'Accept all' });
    expect(await textHash(options, { acceptAll: 'OK for me' })).not.toBe(base);
    const withService = { ...options, categories: { ...options.categories, analytics: { ...options.categories.analytics, services: { ...options.categories.analytics.services, hotjar: {} } } } };
    expect(await textHash(withService, { acceptAll: 'Accept all' })).not.toBe(base);
    expect(await textHash({ ...options, revision: 2 }, { acceptAll: 'Accept all' })).not.toBe(base);
  });

  it('is null, not a throw, where Web Crypto is missing (an http page)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(crypto.subtle, 'digest').mockRejectedValue(new TypeError('no subtle'));
    expect(await textHash(options)).toBeNull();
  });
});

describe('records of large configurations', () => {
  it('a decision on 290 services (the most the cookie holds) with 40-character ids makes a record of about 16 kB', async () => {
    const { resolveOptions } = await import('../../../../src/core/options');
    const { toState } = await import('../../../../src/core/state');
    const ids = Array.from({ length: 290 }, (_, i) => `s${String(i).padStart(39, '0')}`);
    const options = resolveOptions({ categories: { essential: { required: true }, marketing: { services: Object.fromEntries(ids.map((id) => [id, {}])) } } });
    const state = toState(options, {
      id: '0123456789abcdef0123456789abcdef',
      time: Date.now(),
      revision: 1,
      method: 'accept-all',
      categories: { marketing: true },
      services: Object.fromEntries(ids.map((id) => [id, true])),
    });
    const record = buildRecord(state, 'en', options, 'banner', 'accept-all');
    expect(Object.keys(record.services)).toHaveLength(290);
    // What a receiver must accept (examples/consent-log-server): with a long page path and
    // policy URL (2 kB each) on top, a body of some 20 kB; a recordId of one letter a choice.
    expect(JSON.stringify(record).length).toBeLessThan(16_500);
    expect(record.recordId.length).toBeLessThan(400);
  });
});
