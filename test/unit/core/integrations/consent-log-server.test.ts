// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import {
  type ConsentRecord,
  type ConsentRecordV1,
  type ConsentRecordV2,
  MAX_BODY_BYTES,
  createRecordStore,
  recordIdOf,
  startReceiver,
  toCsv,
  validateRecord,
} from '../../../../examples/consent-log-server/server.mjs';
import { hashInput as hashInputOf, textHash as textHashOf } from '../../../../examples/consent-log-server/text-hash.mjs';

const SITE = 'https://www.instria.test';
const receivers: { close(): Promise<void> }[] = [];
const dirs: string[] = [];

const record = (over: Partial<ConsentRecordV1> = {}): ConsentRecordV1 => {
  const base: ConsentRecordV1 = {
    recordId: '3f0c8f0e-4d6b-4b8e-9a57-0c5a3c1d2e4f-1795780800000-reject-all-gdd',
    schemaVersion: 1,
    consentId: '3f0c8f0e-4d6b-4b8e-9a57-0c5a3c1d2e4f',
    time: new Date(1795780800000).toISOString(),
    revision: 1,
    method: 'reject-all',
    categories: { essential: 'granted', analytics: 'denied' },
    services: { matomo: 'denied' },
    language: 'fr',
    sdkVersion: '0.1.0',
    pageUrl: 'https://www.instria.test/tarifs',
  };
  return { ...base, ...over };
};

/** The same decision as the SDK 0.2 sends it: schema 2. */
const recordV2 = (over: Partial<ConsentRecordV2> = {}): ConsentRecordV2 => ({
  ...record(),
  schemaVersion: 2,
  channel: 'banner',
  textHash: 'a'.repeat(64),
  controller: 'Instria',
  policyUrl: 'https://www.instria.test/confidentialite?v=3',
  expiresAt: new Date(1795780800000 + 182 * 864e5).toISOString(),
  previousRecordId: null,
  ...over,
});

/** A dismissal of the dialog before any decision: no consent, no expiry. */
const dismissal = (): ConsentRecordV2 =>
  recordV2({
    recordId: '0a1b2c3d-4d6b-4b8e-9a57-0c5a3c1d2e4f-1795780800000-dismiss-gdd',
    consentId: '0a1b2c3d-4d6b-4b8e-9a57-0c5a3c1d2e4f',
    method: 'dismiss',
    channel: 'dialog',
    expiresAt: null,
  });

async function start(options: Parameters<typeof startReceiver>[0] = {}) {
  const receiver = await startReceiver({ port: 0, dbFile: ':memory:', allowedOrigins: [SITE], exportToken: 'tok', ...options });
  receivers.push(receiver);
  const post = (body: string | object, headers: Record<string, string> = {}) =>
    fetch(`${receiver.url}/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: SITE, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { ...receiver, post };
}

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('consent-log receiver: validation', () => {
  it('accepts a valid record', () => {
    expect(validateRecord(record())).toBeNull();
  });

  it('derives the record id from the content: same decision, same id; another choice, another id', () => {
    const { recordId: _, ...rest } = record();
    expect(recordIdOf(rest)).toBe(record().recordId);
    expect(recordIdOf({ ...rest, services: { matomo: 'granted' } })).toBe(`${rest.consentId}-1795780800000-reject-all-gdg`);
  });

  it.each([
    ['an unknown field (an IP address)', { ...record(), ip: '203.0.113.7' }, /unknown field "ip"/],
    ['a user agent', { ...record(), userAgent: 'Mozilla/5.0' }, /unknown field/],
    ['a missing field', (({ language: _, ...rest }) => rest)(record()), /missing field "language"/],
    ['a page URL with a query string', record({ pageUrl: 'https://www.instria.test/?email=a@b.c' }), /pageUrl/],
    ['a page URL with a fragment', record({ pageUrl: 'https://www.instria.test/#x' }), /pageUrl/],
    ['"dismiss" in a schema 1 record (a schema 2 method)', { ...record(), method: 'dismiss' }, /method/],
    ['schema 2 fields in a schema 1 record', { ...record(), channel: 'banner' }, /unknown field "channel"/],
    ['a grant that is not granted/denied', { ...record(), categories: { analytics: true } }, /categories/],
    ['another schema version', { ...record(), schemaVersion: 3 }, /schemaVersion/],
    ['a schema version as a string', { ...record(), schemaVersion: '1' }, /schemaVersion/],
    ['a record id that is not consentId-time-method-choices', record({ recordId: 'anything' }), /recordId/],
    ['a record id that does not match the choices', record({ categories: { essential: 'granted', analytics: 'granted' } }), /recordId/],
    ['a time that is not ISO 8601 UTC', record({ time: 'yesterday' }), /time/],
    ['an array', [record()], /JSON object/],
  ])('rejects %s', (_name, value, message) => {
    expect(validateRecord(value)).toMatch(message);
  });
});

describe('consent-log receiver: schema 2', () => {
  it('accepts schema 2 records, a dismissal before any decision, and schema 1 still', () => {
    expect(validateRecord(recordV2())).toBeNull();
    expect(validateRecord(recordV2({ textHash: null, previousRecordId: `${record().consentId}-1795780000000-accept-all-ggg` }))).toBeNull();
    expect(validateRecord(dismissal())).toBeNull();
    expect(validateRecord(record())).toBeNull();
  });

  it.each([
    ['a missing v2 field', (({ controller: _, ...rest }) => rest)(recordV2()), /missing field "controller"/],
    ['an unknown channel', recordV2({ channel: 'footer' as never }), /channel/],
    ['a GPC decision from another channel', recordV2({ method: 'gpc', channel: 'banner', recordId: `${record().consentId}-1795780800000-gpc-gdd` }), /channel/],
    ['a dismissal outside the dialog', { ...dismissal(), channel: 'banner' }, /channel/],
    ['a text hash that is not 64 hex digits', recordV2({ textHash: 'ABC' }), /textHash/],
    ['a text hash as a number', recordV2({ textHash: 12 as never }), /textHash/],
    ['an empty controller', recordV2({ controller: '' }), /controller/],
    ['a controller that is not a string', recordV2({ controller: ['Instria'] as never }), /controller/],
    ['a relative policy URL', recordV2({ policyUrl: '/privacy' }), /policyUrl/],
    ['a javascript: policy URL', recordV2({ policyUrl: 'javascript:alert(1)' }), /policyUrl/],
    ['an expiry before the decision', recordV2({ expiresAt: new Date(1795780700000).toISOString() }), /expiresAt/],
    ['an expiry beyond 13 months', recordV2({ expiresAt: new Date(1795780800000 + 400 * 864e5).toISOString() }), /expiresAt/],
    ['no expiry for a decision', recordV2({ expiresAt: null }), /expiresAt/],
    ['a previous record of another consent id', recordV2({ previousRecordId: 'ffffffff-1795780000000-accept-all-g' }), /previousRecordId/],
    ['a record that is its own previous one', recordV2({ previousRecordId: record().recordId }), /previousRecordId/],
  ])('rejects %s', (_name, value, message) => {
    expect(validateRecord(value)).toMatch(message);
  });

  it('stores the new fields and exports them in JSON and CSV, beside schema 1 records', async () => {
    const { url, post } = await start();
    expect((await post(record())).status).toBe(201);
    expect((await post(dismissal())).status).toBe(201);
    const later = recordV2({
      recordId: `${record().consentId}-1795780900000-accept-all-ggg`,
      time: new Date(1795780900000).toISOString(),
      method: 'accept-all',
      categories: { essential: 'granted', analytics: 'granted' },
      services: { matomo: 'granted' },
      previousRecordId: record().recordId,
    });
    expect((await post(later)).status).toBe(201);
    const auth = { authorization: 'Bearer tok' };
    const json = await (await fetch(`${url}/export.json`, { headers: auth })).json();
    // Each in the shape it was sent, plus receivedAt.
    expect(json).toEqual([
      { ...record(), receivedAt: expect.any(String) },
      { ...dismissal(), receivedAt: expect.any(String) },
      { ...later, receivedAt: expect.any(String) },
    ]);
    expect(Object.keys(json[2])).toEqual([...Object.keys(record()).slice(0, 4), 'receivedAt', ...Object.keys(later).slice(4)]);
    const lines = (await (await fetch(`${url}/export.csv`, { headers: auth })).text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'recordId,schemaVersion,consentId,time,receivedAt,revision,method,categories,services,language,sdkVersion,pageUrl,channel,textHash,controller,policyUrl,expiresAt,previousRecordId',
    );
    expect(lines[1]).toMatch(/,https:\/\/www\.instria\.test\/tarifs,,,,,,$/);
    expect(lines[2]).toMatch(/,dialog,a{64},Instria,https:\/\/www\.instria\.test\/confidentialite\?v=3,,$/);
    expect(lines[3]).toContain(`,banner,${'a'.repeat(64)},Instria,`);
    expect(lines[3]!.endsWith(`,${record().recordId}`)).toBe(true);
  });

  it('adds the schema 2 columns to a store an earlier receiver created', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'consent-log-'));
    dirs.push(dir);
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    old.exec(`CREATE TABLE records (record_id TEXT PRIMARY KEY, schema_version INTEGER NOT NULL, consent_id TEXT NOT NULL,
      time TEXT NOT NULL, received_at TEXT NOT NULL, revision INTEGER NOT NULL, method TEXT NOT NULL, categories TEXT NOT NULL,
      services TEXT NOT NULL, language TEXT NOT NULL, sdk_version TEXT NOT NULL, page_url TEXT NOT NULL) WITHOUT ROWID`);
    old.close();
    const store = createRecordStore(file);
    expect(await store.insert(record())).toBe('stored');
    expect(await store.insert(recordV2({ recordId: `${record().consentId}-1795780900000-reject-all-gdd`, time: new Date(1795780900000).toISOString() }))).toBe('stored');
    expect((await store.list()).map((r) => [r.schemaVersion, 'channel' in r ? r.channel : undefined])).toEqual([
      [1, undefined],
      [2, 'banner'],
    ]);
    await store.close();
  });
});

describe('consent-log receiver: HTTP', () => {
  it('stores a record once however often it is posted (201, then 200 duplicate)', async () => {
    const { post, store } = await start();
    const first = await post(record());
    expect(first.status).toBe(201);
    expect(first.headers.get('access-control-allow-origin')).toBe(SITE);
    const again = await post(record());
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ recordId: record().recordId, duplicate: true });
    expect(await store.list()).toHaveLength(1);
    expect((await store.list())[0]).toMatchObject({ ...record(), receivedAt: expect.stringMatching(/Z$/) });
  });

  it('accepts text/plain, what navigator.sendBeacon sends for a string', async () => {
    const { post, store } = await start();
    expect((await post(record(), { 'content-type': 'text/plain;charset=UTF-8' })).status).toBe(201);
    expect(await store.list()).toHaveLength(1);
  });

  it.each([
    ['malformed JSON', '{"recordId": ', {}, 400],
    ['a record with an extra field', JSON.stringify({ ...record(), ip: '203.0.113.7' }), {}, 422],
    ['a form post', 'recordId=x', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['a body over the limit', JSON.stringify({ ...record(), pad: 'x'.repeat(MAX_BODY_BYTES) }), {}, 413],
    ['an empty body', '', {}, 400],
    ['a __proto__ key (prototype poisoning)', JSON.stringify(record()).replace('{', '{"__proto__":{"x":1},'), {}, 400],
  ])('rejects %s with a 4xx and stores nothing', async (_name, body, headers, status) => {
    const { post, store } = await start();
    const response = await post(body, headers);
    expect(response.status).toBe(status);
    expect(await store.list()).toEqual([]);
  });

  it('rejects an oversized body sent without a content-length (chunked)', async () => {
    const { url, store } = await start();
    const big = JSON.stringify({ ...record(), pad: 'x'.repeat(MAX_BODY_BYTES) });
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const response = await fetch(`${url}/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await store.list()).toEqual([]);
  });

  it('answers CORS preflights; another origin is refused with a 403 it can read (so the SDK drops the record)', async () => {
    const { url, post, store } = await start();
    const preflight = await fetch(`${url}/records`, {
      method: 'OPTIONS',
      headers: { origin: SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
    const other = await post(record(), { origin: 'https://evil.test' });
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBe('https://evil.test');
    expect(await store.list()).toEqual([]);
  });

  it('exports JSON and CSV with the export token only', async () => {
    const { url, post } = await start();
    await post(record());
    await post(
      record({
        recordId: `${record().consentId}-1795780900000-accept-all-ggg`,
        time: new Date(1795780900000).toISOString(),
        method: 'accept-all',
        categories: { essential: 'granted', analytics: 'granted' },
        services: { matomo: 'granted' },
      }),
    );
    expect((await fetch(`${url}/export.json`)).status).toBe(401);
    const auth = { authorization: 'Bearer tok' };
    const json = await (await fetch(`${url}/export.json`, { headers: auth })).json();
    expect(json.map((r: ConsentRecord) => r.method)).toEqual(['reject-all', 'accept-all']);
    const csv = await fetch(`${url}/export.csv`, { headers: auth });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/^recordId,schemaVersion,consentId,time,receivedAt,revision,method,categories,services,language,sdkVersion,pageUrl,/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',reject-all,"{""essential"":""granted"",""analytics"":""denied""}",');
  });

  it('exports are disabled without a token, and a wrong token is refused', async () => {
    const { url, post } = await start({ exportToken: undefined });
    await post(record());
    expect((await fetch(`${url}/export.json`)).status).toBe(403);
    const withToken = await start();
    expect((await fetch(`${withToken.url}/export.csv`, { headers: { authorization: 'Bearer tok2' } })).status).toBe(401);
  });

  it('keeps records in the SQLite file across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'consent-log-'));
    dirs.push(dir);
    const dbFile = join(dir, 'records.sqlite');
    const first = await start({ dbFile });
    expect((await first.post(record())).status).toBe(201);
    await first.close();
    const second = await start({ dbFile });
    expect((await second.store.list()).map((r) => r.recordId)).toEqual([record().recordId]);
    expect((await second.post(record())).status).toBe(200);
  });
});

describe('toCsv', () => {
  it('neutralises spreadsheet formulas and quotes separators', () => {
    const csv = toCsv([{ ...record(), receivedAt: '2026-11-27T00:00:00.000Z', sdkVersion: '=HYPERLINK("x")' }]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('text-hash.mjs: a site recomputes textHash', () => {
  it('gives the SDK\'s hash for the same options and texts, with and without texts', async () => {
    const sdk = await import('../../../../src/core/integrations/records');
    const options = {
      revision: 3,
      categories: {
        essential: { required: true, label: 'Essential' },
        analytics: { label: 'Analytics', cookies: [/^_ga/], services: { ga4: { label: 'Google Analytics', hosts: ['google-analytics.com'] } } },
      },
    };
    const texts = { acceptAll: 'Tout accepter', text: '{site} utilise des cookies…', site: 'Instria' };
    expect(textHashOf(options, texts)).toBe(await sdk.textHash(options, texts));
    expect(textHashOf(options)).toBe(await sdk.textHash(options));
    expect(hashInputOf(options, texts)).toBe(sdk.hashInput(options, texts));
  });
});
