// @vitest-environment node
// The receiver against abuse and at scale: the defects an adversarial audit measured on the
// node:http receiver (a forged flood stored without limit, no cap per consent id, a chunked body
// read to its end, an export built in one string that blocked inserts), each with a test that
// failed on it; then the limits that must never refuse what the SDK sends.
import { request } from 'node:http';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_BODY_BYTES,
  type ConsentRecordV2,
  type StartOptions,
  createRecordStore,
  recordIdOf,
  startReceiver,
} from '../../../examples/consent-log-server/server.mjs';
import { MAX_CATEGORIES, MAX_CONTROLLER, MAX_SERVICES, MAX_URL, RECORD_SCHEMA, validateRecord } from '../../../examples/consent-log-server/schema.mjs';
import { ID_PATTERN, MAX_EXPIRY_DAYS } from '../../../src/core/constants';
import { recordOf, recordV2Of } from './consent-log-records';

const SITE = 'https://www.instria.test';
const running: { close(): Promise<void> }[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((receiver) => receiver.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(options: StartOptions = {}) {
  const receiver = await startReceiver({ port: 0, dbFile: ':memory:', allowedOrigins: [SITE], exportToken: 'tok', ...options });
  running.push(receiver);
  const post = (body: object | string, headers: Record<string, string> = {}) =>
    fetch(`${receiver.url}/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: SITE, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = (path: string, init: RequestInit = {}) => fetch(`${receiver.url}${path}`, { ...init, headers: { authorization: 'Bearer tok', ...init.headers } });
  return { ...receiver, post, get };
}

const consentId = (i: number) => `f0f0f0f0-${String(i).padStart(6, '0')}`;

describe('consent-log receiver: abuse limits', () => {
  it('limits a forged flood from one client: 429 past the limit, readable cross-origin, nothing stored', async () => {
    const { post, store } = await start({ rateLimit: 20 });
    const statuses = [];
    for (let i = 0; i < 60; i++) statuses.push(await post(recordOf(consentId(i), 1795780800000)));
    expect(statuses.filter((r) => r.status === 201)).toHaveLength(20);
    const refused = statuses.slice(20);
    expect(refused.map((r) => r.status)).toEqual(Array(40).fill(429));
    // Readable by the page (CORS), so the SDK sees a 429 and backs off rather than a network error.
    expect(refused[0]!.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await store.all('SELECT count(*) AS n FROM records')).toEqual([{ n: 20 }]);
  });

  it('limits each client by its address behind a trusted proxy; the address is kept in memory only', async () => {
    const { post, store } = await start({ rateLimit: 3, trustProxy: true });
    const from = (ip: string, i: number) => post(recordOf(consentId(i), 1795780800000), { 'x-forwarded-for': ip });
    for (let i = 0; i < 3; i++) expect((await from('203.0.113.7', i)).status).toBe(201);
    expect((await from('203.0.113.7', 3)).status).toBe(429);
    expect((await from('198.51.100.2', 4)).status).toBe(201);
    const stored = JSON.stringify(await store.all('SELECT * FROM records'));
    expect(stored).not.toMatch(/203\.0\.113|198\.51\.100/);
  });

  it('caps the records of one consent id (403: the SDK drops the record instead of retrying it)', async () => {
    const { post, store } = await start({ perConsent: 5 });
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await post(recordOf('a1a1a1a1-cap', 1795780800000 + i))).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 403, 403, 403]);
    expect(await store.list({ consentId: 'a1a1a1a1-cap' })).toHaveLength(5);
  });

  it.each([
    ['413 (too large)', () => JSON.stringify({ pad: 'x'.repeat(MAX_BODY_BYTES) }), {}, 413],
    ['400 (malformed JSON)', () => '{"recordId":', {}, 400],
    ['415 (form post)', () => 'a=b', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['422 (not a record)', () => JSON.stringify({ ...recordOf(consentId(1), 1795780800000), ip: '203.0.113.7' }), {}, 422],
    ['403 (another origin)', () => JSON.stringify(recordOf(consentId(1), 1795780800000)), { origin: 'https://evil.test' }, 403],
  ])('answers a refusal %s with CORS headers, so the SDK can read it and drop the record', async (_name, body, headers, status) => {
    const { post } = await start();
    const response = await post(body(), headers);
    expect(response.status).toBe(status);
    expect(response.headers.get('access-control-allow-origin')).toBe((headers as { origin?: string }).origin ?? SITE);
    expect(await response.json()).toEqual({ error: expect.any(String) });
  });

  it('cuts a chunked body at the limit: the 413 comes while the client is still sending', async () => {
    const { url, store } = await start();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${url}/records`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } });
      req.on('response', (response) => resolve(response.statusCode!));
      req.on('error', reject);
      req.write(`{"pad":"${'x'.repeat(MAX_BODY_BYTES)}`);
      // …and never ends: a receiver that reads to the end never answers.
      setTimeout(() => req.destroy(), 4000);
    });
    expect(status).toBe(413);
    expect(await store.list()).toEqual([]);
  });
});

/** The largest record the SDK can send: every limit of schema.mjs reached at once. */
function largestRecord(): ConsentRecordV2 {
  const id = (prefix: string, i: number) => `${prefix}${String(i).padStart(39, '0')}`;
  const base = recordV2Of('b'.repeat(64), 1795780800000);
  const record: ConsentRecordV2 = {
    ...base,
    method: 'accept-all',
    categories: Object.fromEntries(Array.from({ length: MAX_CATEGORIES }, (_, i) => [id('c', i), 'granted'])),
    services: Object.fromEntries(Array.from({ length: MAX_SERVICES }, (_, i) => [id('s', i), 'granted'])),
    sdkVersion: '0.2.0-'.padEnd(40, 'x'),
    pageUrl: `${SITE}/${'p'.repeat(MAX_URL - SITE.length - 1)}`,
    policyUrl: `${SITE}/${'q'.repeat(MAX_URL - SITE.length - 1)}`,
    controller: '\u001f'.repeat(MAX_CONTROLLER),
  };
  record.recordId = recordIdOf(record);
  record.previousRecordId = recordIdOf({ ...record, time: new Date(1795780700000).toISOString() });
  return record;
}

describe('consent-log receiver: limits that fit what the SDK sends', () => {
  it('accepts the largest record the SDK can send (1,000 services, 8 kB page paths), within the body limit', async () => {
    const record = largestRecord();
    const bytes = Buffer.byteLength(JSON.stringify(record));
    expect(bytes).toBeLessThanOrEqual(MAX_BODY_BYTES);
    // The limit is that record, not much more.
    expect(MAX_BODY_BYTES - bytes).toBeLessThan(4096);
    const { post } = await start();
    expect((await post(record)).status).toBe(201);
  });

  it('accepts what odd but valid configurations send: ids like constructor or prototype, a 10-digit revision', async () => {
    const { post, store } = await start();
    const record = { ...recordOf(consentId(9), 1795780800000), revision: 1234567890, categories: { essential: 'granted', constructor: 'granted', prototype: 'denied' }, services: { toString: 'granted' } } as const;
    const odd = { ...record, recordId: recordIdOf(record) };
    expect((await post(odd)).status).toBe(201);
    expect(await store.list()).toEqual([{ ...odd, receivedAt: expect.any(String) }]);
  });

  it('takes the SDK\'s own id pattern and expiry ceiling, so the two cannot drift apart', () => {
    const v2 = (RECORD_SCHEMA as { allOf: { else: { properties: Record<string, { propertyNames?: { pattern: string } }> } }[] }).allOf[1]!.else.properties;
    expect(v2.services!.propertyNames!.pattern).toBe(ID_PATTERN.source);
    expect(v2.categories!.propertyNames!.pattern).toBe(ID_PATTERN.source);
    // An expiry up to 396 days after the decision: the SDK's 395-day ceiling and a day of clock skew.
    const at = (days: number) => ({ ...recordV2Of(consentId(1), 1795780800000), expiresAt: new Date(1795780800000 + days * 864e5).toISOString() });
    expect(validateRecord(at(MAX_EXPIRY_DAYS))).toBeNull();
    expect(validateRecord(at(MAX_EXPIRY_DAYS + 2))).toBe('invalid field "expiresAt"');
  });

  it('refuses one service more than the limit, and a page path longer than a server accepts', async () => {
    const { post } = await start();
    const record = largestRecord();
    const more = { ...record, services: { ...record.services, extra: 'granted' as const } };
    more.recordId = recordIdOf(more);
    expect((await post(more)).status).toBe(422);
    expect((await post({ ...record, pageUrl: `${record.pageUrl}p` })).status).toBe(422);
  });
});

describe('consent-log receiver: logs', () => {
  it('logs each request with its id, and neither the client address nor the consent id', async () => {
    const lines: string[] = [];
    const { post, get } = await start({ logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } } as never });
    const record = recordOf(consentId(7), 1795780800000);
    const answer = await post(record, { 'x-forwarded-for': '203.0.113.7' });
    expect(answer.status).toBe(201);
    await get(`/subjects/${record.consentId}`);
    const id = answer.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const mine = lines.map((line) => JSON.parse(line)).filter((entry) => entry.reqId === id);
    expect(mine.map((entry) => entry.msg)).toEqual(['incoming request', 'record', 'request completed']);
    expect(mine[1]).toMatchObject({ outcome: 'stored', method: 'reject-all' });
    // Every line about a request (the server's own "listening on" line names its address, not a client's).
    const all = lines.filter((line) => line.includes('"reqId"')).join('\n');
    expect(all).not.toContain('127.0.0.1');
    expect(all).not.toContain('203.0.113.7');
    expect(all).not.toContain(record.consentId);
    expect(all).toContain('/subjects/:consentId');
  });
});

/** A SQLite file of `rows` records received one millisecond apart from 2026-01-01, written in one statement. */
function largeTable(rows: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'consent-log-'));
  dirs.push(dir);
  const file = join(dir, 'large.sqlite');
  void createRecordStore(file).close();
  const db = new Database(file);
  db.pragma('synchronous = OFF');
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows - 1})
    INSERT INTO records (record_id, schema_version, consent_id, time, received_at, revision, method, categories, services, language, sdk_version, page_url)
    SELECT printf('e0e0e0e0-%08d-1795780800000-reject-all-gd', i), 1, printf('e0e0e0e0-%08d', i), '2026-01-01T00:00:00.000Z',
      strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', printf('+%d.%03d seconds', i / 1000, i % 1000)), 1, 'reject-all',
      '{"essential":"granted","analytics":"denied"}', '{}', 'fr', '0.1.0', 'https://www.instria.test/tarifs' FROM n`);
  db.close();
  return file;
}

describe('consent-log receiver: exports at scale', () => {
  it('streams an export: its first bytes leave before the table is read, one batch in memory at a time', async () => {
    const file = largeTable(10_000);
    const store = createRecordStore(file);
    let pages = 0;
    let largest = 0;
    const counting = {
      ...store,
      async *rows(...args: Parameters<typeof store.rows>) {
        for await (const rows of store.rows(...args)) {
          pages++;
          largest = Math.max(largest, rows.length);
          yield rows;
        }
      },
    };
    const { get } = await start({ store: counting, retentionDays: 0 });
    const response = await get('/export.csv');
    const reader = response.body!.getReader();
    const text = new TextDecoder();
    let chunk = await reader.read();
    expect(pages).toBeLessThan(5);
    let lines = 0;
    for (; !chunk.done; chunk = await reader.read()) lines += text.decode(chunk.value).split('\n').length - 1;
    expect(pages).toBe(10);
    expect(largest).toBe(1000);
    // The header, then every row.
    expect(lines).toBe(10_001);
    await store.close();
  }, 30_000);

  it('serves inserts during an export: a post never waits for the export to finish', async () => {
    const { get, post } = await start({ dbFile: largeTable(20_000), retentionDays: 0 });
    // A first post, so the timed ones below are warm.
    expect((await post(recordOf(consentId(99), 1795780800000))).status).toBe(201);
    const began = Date.now();
    // Read to the last byte, without parsing: the export is over when the server has sent it all.
    const exported = get('/export.csv').then(async (response) => {
      let lines = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) lines += Buffer.from(chunk).toString('latin1').split('\n').length - 1;
      return { lines, took: Date.now() - began };
    });
    let finished = false;
    void exported.then(() => (finished = true));
    const waits: number[] = [];
    // Posts every 20 ms while the export runs, each timed.
    for (let i = 0; !finished; i++) {
      const sent = Date.now();
      expect((await post(recordOf(consentId(100 + i), 1795780800000))).status).toBe(201);
      waits.push(Date.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const { lines, took } = await exported;
    // The export holds what was there when it started (the header, the rows, the first post): not the posts made during it.
    expect(lines).toBe(20_002);
    // Posts went on during the export, none held for most of it (the one-string export held the
    // first post sent during it for two thirds of the export's time, with 20,000 rows).
    expect(waits.length).toBeGreaterThan(2);
    expect(Math.max(...waits)).toBeLessThan(took / 2);
  }, 30_000);
});

describe('consent-log receiver: exports, data subjects, retention, add-ons', () => {
  it('filters an export by date of receipt and by consent id; refuses a date that is not one', async () => {
    const store = createRecordStore(':memory:');
    for (let i = 0; i < 6; i++) await store.insert(recordOf(consentId(i % 2), 1795780800000 + i), new Date(Date.UTC(2026, 0, 1 + i)));
    const { get } = await start({ store, retentionDays: 0 });
    const json = async (path: string) => ((await (await get(path)).json()) as { receivedAt: string; consentId: string }[]);
    expect((await json('/export.json?from=2026-01-02&to=2026-01-04')).map((r) => r.receivedAt.slice(0, 10))).toEqual(['2026-01-02', '2026-01-03']);
    expect((await json(`/export.json?consentId=${consentId(1)}`)).map((r) => r.receivedAt.slice(0, 10))).toEqual(['2026-01-02', '2026-01-04', '2026-01-06']);
    expect((await get('/export.csv?from=yesterday')).status).toBe(400);
    expect((await get('/export.json?to=tomorrow')).status).toBe(400);
    expect((await get('/export.csv?consentId=%27%20OR%201=1')).status).toBe(400);
  });

  it('looks up and erases one consent id\'s records, with the export token only', async () => {
    const { post, get, url } = await start();
    for (let i = 0; i < 3; i++) await post(recordOf(consentId(i % 2), 1795780800000 + i));
    expect((await fetch(`${url}/subjects/${consentId(0)}`)).status).toBe(401);
    expect((await fetch(`${url}/subjects/${consentId(0)}`, { method: 'DELETE' })).status).toBe(401);
    const { records } = (await (await get(`/subjects/${consentId(0)}`)).json()) as { records: { consentId: string }[] };
    expect(records.map((r) => r.consentId)).toEqual([consentId(0), consentId(0)]);
    expect(await (await get(`/subjects/${consentId(0)}`, { method: 'DELETE' })).json()).toEqual({ erased: 2 });
    expect(await (await get(`/subjects/${consentId(0)}`)).json()).toEqual({ records: [] });
    expect((await (await get('/export.json')).json()) as unknown[]).toHaveLength(1);
    expect((await get('/subjects/not%20an%20id')).status).toBe(400);
  });

  it('purges records received longer ago than RETENTION_DAYS when it starts, then on schedule', async () => {
    const store = createRecordStore(':memory:');
    const daysAgo = (days: number) => new Date(Date.now() - days * 864e5);
    await store.insert(recordOf(consentId(1), 1795780800000), daysAgo(31));
    await store.insert(recordOf(consentId(2), 1795780800000), daysAgo(29));
    await start({ store, retentionDays: 30, purgeEvery: 50 });
    await vi.waitFor(async () => expect((await store.list()).map((r) => r.consentId)).toEqual([consentId(2)]));
    await store.insert(recordOf(consentId(3), 1795780800000), daysAgo(40));
    await vi.waitFor(async () => expect(await store.list()).toHaveLength(1));
  });

  it('registers add-ons (plugins) on the app, with the store', async () => {
    const probe = async (app: import('fastify').FastifyInstance, { store }: { store: { dialect: string } }) => {
      app.get('/probe', async () => ({ dialect: store.dialect }));
    };
    const { url } = await start({ plugins: [probe as never] });
    expect(await (await fetch(`${url}/probe`)).json()).toEqual({ dialect: 'sqlite' });
  });
});

describe('consent-log receiver: the statistics dashboard', () => {
  it('is served by the receiver itself, behind the export token, counting what was posted', async () => {
    const { post, get, url } = await start();
    const now = Date.now();
    for (let i = 0; i < 6; i++) expect((await post(recordV2Of(consentId(i), now - i * 1000))).status).toBe(201);
    expect((await fetch(`${url}/dashboard`)).status).toBe(200); // the page shell: no numbers
    expect((await fetch(`${url}/dashboard/data.json`)).status).toBe(401);
    const data = await (await get('/dashboard/data.json')).json();
    expect(data.totals.decisions).toBe(6);
  });

  it('is off without an export token, and left out with dashboard: false', async () => {
    expect((await fetch(`${(await start({ exportToken: undefined })).url}/dashboard/data.json`)).status).toBe(403);
    expect((await (await start({ dashboard: false })).get('/dashboard/data.json')).status).toBe(404);
  });
});
