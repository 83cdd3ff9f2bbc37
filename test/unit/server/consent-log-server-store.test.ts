// @vitest-environment node
// The receiver's stores: the same tests against SQLite and against a real PostgreSQL started here
// (Debian's `postgresql` package in CI, see .ci/run; skipped only where no PostgreSQL is installed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsentRecordV1,
  type RecordStore,
  createPostgresStore,
  createRecordStore,
  startReceiver,
} from '../../../examples/consent-log-server/server.mjs';
import { MIGRATIONS } from '../../../examples/consent-log-server/store.mjs';
import { type Cluster, startPostgres } from '../../../examples/consent-log-server/throwaway-postgres.mjs';
import { recordOf, recordV2Of } from './consent-log-records';

const cluster: Cluster | null = startPostgres();
if (!cluster) console.warn('consent-log-server: no PostgreSQL binaries (initdb) on this machine: the PostgreSQL store tests are skipped. Install Debian\'s `postgresql` or set PG_BIN.');
afterAll(() => cluster?.stop());

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'consent-log-'));
  dirs.push(dir);
  return dir;
};

/** A fresh PostgreSQL database per suite, so the suites do not see each other's rows. */
const freshPostgres = async (): Promise<RecordStore> => createPostgresStore(await cluster!.newDatabase());

const DIALECTS = [
  ['sqlite', async () => createRecordStore(':memory:')],
  ['postgres', freshPostgres],
] as const;

describe.each(DIALECTS)('consent-log store (%s)', (dialect, open) => {
  let store: RecordStore;
  const skip = dialect === 'postgres' && !cluster;
  beforeAll(async () => {
    if (!skip) store = await open();
  });
  afterAll(() => store?.close());

  it.skipIf(skip)('stores a record once, in the shape it was sent, and exposes the store contract', async () => {
    expect(store.dialect).toBe(dialect);
    const record = recordV2Of('aaaaaaaa-0001', 1795780800000);
    expect(await store.insert(record, new Date(1795780801000))).toBe('stored');
    expect(await store.insert(record)).toBe('duplicate');
    expect(await store.list({ consentId: record.consentId })).toEqual([{ ...record, receivedAt: new Date(1795780801000).toISOString() }]);
    // The dashboard's contract: driver SQL as is, rows as objects, counts as numbers.
    const sql = dialect === 'postgres' ? 'SELECT count(*) AS n, max(revision) AS r FROM records WHERE consent_id = $1' : 'SELECT count(*) AS n, max(revision) AS r FROM records WHERE consent_id = ?';
    expect(await store.all(sql, [record.consentId])).toEqual([{ n: 1, r: 1 }]);
    await store.exec('CREATE TABLE IF NOT EXISTS dashboard_probe (x INTEGER)');
    expect(await store.all('SELECT count(*) AS n FROM dashboard_probe')).toEqual([{ n: 0 }]);
  });

  it.skipIf(skip)('inserts posted together: each stored, and one that fails takes no other with it (SQLite commits them as a group)', async () => {
    const good = [1, 2, 3].map((i) => recordOf(`abababab-000${i}`, 1795780800000));
    const broken = { ...recordOf('abababab-0009', 1795780800000), language: undefined } as unknown as ConsentRecordV1;
    const outcomes = await Promise.allSettled([good[0]!, broken, good[1]!, good[2]!].map((r) => store.insert(r)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    for (const record of good) expect(await store.list({ consentId: record.consentId })).toHaveLength(1);
    expect(await store.list({ consentId: 'abababab-0009' })).toEqual([]);
  });

  it.skipIf(skip)('caps the records of one consent id, and still answers a duplicate as one', async () => {
    const records = [0, 1, 2, 3].map((i) => recordOf('bbbbbbbb-0002', 1795780800000 + i * 1000));
    expect(await Promise.all(records.slice(0, 3).map((r) => store.insert(r, new Date(), 3)))).toEqual(['stored', 'stored', 'stored']);
    expect(await store.insert(records[3]!, new Date(), 3)).toBe('capped');
    expect(await store.insert(records[0]!, new Date(), 3)).toBe('duplicate');
    expect(await store.list({ consentId: 'bbbbbbbb-0002' })).toHaveLength(3);
  });

  it.skipIf(skip)('holds the cap exactly under concurrent posts of one consent id (several connections on PostgreSQL)', async () => {
    // Ten consent ids, 30 posts each, all at once: before the lock, PostgreSQL stored 6–8 of some.
    const ids = Array.from({ length: 10 }, (_, i) => `bbbbbbbb-01${String(i).padStart(2, '0')}`);
    const records = ids.flatMap((id) => Array.from({ length: 30 }, (_, i) => recordOf(id, 1795780800000 + i * 1000)));
    const outcomes = await Promise.all(records.map((r) => store.insert(r, new Date(), 5)));
    expect(outcomes.filter((o) => o === 'stored')).toHaveLength(50);
    for (const id of ids) expect(await store.list({ consentId: id })).toHaveLength(5);
  });

  it.skipIf(skip)('pages by receipt time in batches, within date and consent id filters', async () => {
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1 + i));
    for (let i = 0; i < 25; i++) await store.insert(recordOf(`cccccccc-${String(i % 5).padStart(4, '0')}`, 1795780800000 + i * 1000), at(i));
    const batches: number[] = [];
    for await (const rows of store.rows({ from: at(0).toISOString(), to: at(25).toISOString() }, 10)) batches.push(rows.length);
    expect(batches).toEqual([10, 10, 5]);
    const some = await store.list({ from: at(5).toISOString(), to: at(10).toISOString() });
    expect(some.map((r) => r.receivedAt)).toEqual([5, 6, 7, 8, 9].map((i) => at(i).toISOString()));
    expect((await store.list({ consentId: 'cccccccc-0003' })).map((r) => r.receivedAt)).toEqual([3, 8, 13, 18, 23].map((i) => at(i).toISOString()));
  });

  it.skipIf(skip)('erases one consent id, and purges what was received before a date, in batches', async () => {
    expect(await store.erase('cccccccc-0003')).toBe(5);
    expect(await store.list({ consentId: 'cccccccc-0003' })).toEqual([]);
    const before = await store.list({ to: '2026-01-11T00:00:00.000Z' });
    expect(before).toHaveLength(8);
    expect(await store.purge(new Date('2026-01-11T00:00:00.000Z'), 3)).toBe(8);
    expect(await store.list({ to: '2026-01-11T00:00:00.000Z' })).toEqual([]);
    expect((await store.list({ consentId: 'cccccccc-0004' })).length).toBe(3);
  });

  it.skipIf(skip)('records which migrations ran, once', async () => {
    const rows = await store.all('SELECT version, name FROM records_migrations ORDER BY version');
    expect(rows).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
  });
});

describe('consent-log store: migrations', () => {
  const V1_TABLE = `CREATE TABLE records (record_id TEXT PRIMARY KEY, schema_version INTEGER NOT NULL, consent_id TEXT NOT NULL,
    time TEXT NOT NULL, received_at TEXT NOT NULL, revision INTEGER NOT NULL, method TEXT NOT NULL, categories TEXT NOT NULL,
    services TEXT NOT NULL, language TEXT NOT NULL, sdk_version TEXT NOT NULL, page_url TEXT NOT NULL)`;
  const OLD_ROW = `INSERT INTO records (record_id, schema_version, consent_id, time, received_at, revision, method, categories, services, language, sdk_version, page_url) VALUES ('dddddddd-0001-1795780800000-reject-all-gd', 1, 'dddddddd-0001', '2026-11-27T08:00:00.000Z',
    '2026-11-27T08:00:01.000Z', 1, 'reject-all', '{"essential":"granted"}', '{"matomo":"denied"}', 'fr', '0.1.0', 'https://www.instria.test/')`;

  it('brings a file of the 0.1 receiver (v1 table) and of a 0.2 preview (v2 columns, no migrations table) to the current schema, keeping its rows', async () => {
    for (const v2Columns of [false, true]) {
      const file = join(tempDir(), 'old.sqlite');
      const old = new Database(file);
      old.exec(`${V1_TABLE} WITHOUT ROWID; CREATE INDEX records_consent_id ON records (consent_id)`);
      if (v2Columns) for (const column of ['channel', 'text_hash', 'controller', 'policy_url', 'expires_at', 'previous_record_id']) old.exec(`ALTER TABLE records ADD COLUMN ${column} TEXT`);
      old.exec(OLD_ROW);
      old.close();
      const store = createRecordStore(file);
      expect(await store.insert(recordV2Of('dddddddd-0001', 1795780900000))).toBe('stored');
      expect((await store.list()).map((r) => [r.schemaVersion, 'channel' in r ? r.channel : undefined])).toEqual([
        [1, undefined],
        [2, 'banner'],
      ]);
      expect(await store.all("SELECT name FROM sqlite_master WHERE name = 'records_received_at'")).toHaveLength(1);
      await store.close();
      // Opened again: nothing left to migrate, nothing lost.
      const again = createRecordStore(file);
      expect(await again.all('SELECT count(*) AS n FROM records')).toEqual([{ n: 2 }]);
      expect(await again.all('SELECT count(*) AS n FROM records_migrations')).toEqual([{ n: MIGRATIONS.length }]);
      await again.close();
    }
  });

  it.skipIf(!cluster)('brings a PostgreSQL table made by hand from the v1 schema to the current one; receivers starting together migrate once', async () => {
    const store = await freshPostgres();
    await store.exec('DROP TABLE records; DROP TABLE records_migrations');
    await store.exec(`${V1_TABLE}; ${OLD_ROW}`);
    const { name } = (await store.all<{ name: string }>('SELECT current_database() AS name'))[0]!;
    await store.close();
    const together = await Promise.all([0, 1, 2].map(() => createPostgresStore(cluster!.url.replace('/postgres?', `/${name}?`))));
    expect(await together[0]!.all('SELECT version FROM records_migrations ORDER BY version')).toEqual(MIGRATIONS.map(({ version }) => ({ version })));
    expect(await together[1]!.insert(recordV2Of('dddddddd-0001', 1795780900000))).toBe('stored');
    expect((await together[2]!.list()).map((r) => r.schemaVersion)).toEqual([1, 2]);
    await Promise.all(together.map((s) => s.close()));
  });
});

describe.skipIf(!cluster)('consent-log receiver on PostgreSQL (DATABASE_URL)', () => {
  it('receives, exports and erases records over HTTP like on SQLite', async () => {
    const store = await freshPostgres();
    const { url, close } = await startReceiver({ port: 0, store, exportToken: 'tok' });
    const post = (body: ConsentRecordV1 | object) => fetch(`${url}/records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const first = recordV2Of('eeeeeeee-0001', 1795780800000);
    expect((await post(first)).status).toBe(201);
    expect((await post(first)).status).toBe(200);
    expect((await post({ ...first, ip: '203.0.113.7' })).status).toBe(422);
    const auth = { authorization: 'Bearer tok' };
    expect(await (await fetch(`${url}/export.json`, { headers: auth })).json()).toEqual([{ ...first, receivedAt: expect.any(String) }]);
    expect((await (await fetch(`${url}/export.csv`, { headers: auth })).text()).split('\r\n')).toHaveLength(3);
    expect(await (await fetch(`${url}/subjects/eeeeeeee-0001`, { method: 'DELETE', headers: auth })).json()).toEqual({ erased: 1 });
    await close();
    await store.close();
  });

  it('streams an export of a large table while it serves inserts', async () => {
    const store = await freshPostgres();
    await store.exec(`INSERT INTO records (record_id, schema_version, consent_id, time, received_at, revision, method, categories, services, language, sdk_version, page_url)
      SELECT 'e0e0e0e0-' || lpad(i::text, 8, '0') || '-1795780800000-reject-all-gd', 1, 'e0e0e0e0-' || lpad(i::text, 8, '0'), '2026-01-01T00:00:00.000Z',
        to_char(timestamp '2026-01-01' + i * interval '1 millisecond', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 1, 'reject-all',
        '{"essential":"granted","analytics":"denied"}', '{}', 'fr', '0.1.0', 'https://www.instria.test/tarifs' FROM generate_series(0, 14999) AS i`);
    const { url, close } = await startReceiver({ port: 0, store, exportToken: 'tok', retentionDays: 0 });
    const post = (record: object) => fetch(`${url}/records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
    // A first post, so the timed ones below are warm.
    expect((await post(recordOf('eeeeeeee-warm', 1795780800000))).status).toBe(201);
    const began = Date.now();
    const exported = fetch(`${url}/export.csv`, { headers: { authorization: 'Bearer tok' } })
      .then((response) => response.text())
      .then((text) => ({ lines: text.split('\r\n').length - 2, took: Date.now() - began }));
    let finished = false;
    void exported.then(() => (finished = true));
    const waits: number[] = [];
    for (let i = 0; !finished; i++) {
      const sent = Date.now();
      const record = recordOf(`eeeeeeee-${String(i).padStart(4, '0')}`, 1795780800000);
      expect((await post(record)).status).toBe(201);
      waits.push(Date.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const { lines, took } = await exported;
    // The rows and the first post; not the posts made during the export.
    expect(lines).toBe(15_001);
    expect(waits.length).toBeGreaterThan(2);
    // Posts went on during the export, none held for most of it.
    expect(Math.max(...waits)).toBeLessThan(took / 2);
    await close();
    await store.close();
  }, 30_000);
});
