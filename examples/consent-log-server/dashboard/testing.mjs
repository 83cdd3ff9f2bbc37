// What the dashboard's tests, benchmark and screenshot share: a store of the receiver's contract
// over better-sqlite3 and over pg, a throwaway PostgreSQL server, and a generator of records with
// known proportions, written in SQL so a million records take seconds, not minutes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/** The receiver's `records` table (its store.mjs), schema 2's columns included; PostgreSQL's `revision` is a BIGINT. */
export const recordsTable = (dialect) => `CREATE TABLE IF NOT EXISTS records (
  record_id TEXT PRIMARY KEY, schema_version INTEGER NOT NULL, consent_id TEXT NOT NULL, time TEXT NOT NULL,
  received_at TEXT NOT NULL, revision ${dialect === 'postgres' ? 'BIGINT' : 'INTEGER'} NOT NULL, method TEXT NOT NULL, categories TEXT NOT NULL,
  services TEXT NOT NULL, language TEXT NOT NULL, sdk_version TEXT NOT NULL, page_url TEXT NOT NULL,
  channel TEXT, text_hash TEXT, controller TEXT, policy_url TEXT, expires_at TEXT, previous_record_id TEXT
)${dialect === 'sqlite' ? ' WITHOUT ROWID' : ''}`;

/**
 * A store of the receiver's contract over better-sqlite3, with the `records` table.
 * @example const store = sqliteStore(); await store.all('SELECT count(*) AS n FROM records', []);
 */
export function sqliteStore(filename = ':memory:') {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.exec(recordsTable('sqlite'));
  return {
    dialect: 'sqlite',
    all: async (sql, params = []) => db.prepare(sql).all(...params),
    exec: async (sql) => void db.exec(sql),
    close: async () => db.close(),
  };
}

/** A store of the receiver's contract over a pg pool, with the `records` table. */
export async function postgresStore(connectionString) {
  const pool = new pg.Pool({ connectionString, max: 4 });
  await pool.query(recordsTable('postgres'));
  return {
    dialect: 'postgres',
    all: async (sql, params = []) => (await pool.query(sql, params)).rows,
    exec: async (sql) => void (await pool.query(sql)),
    close: () => pool.end(),
  };
}

/** Debian's PostgreSQL 15 programs. */
const PG_BIN = '/usr/lib/postgresql/15/bin';

/** A free TCP port on 127.0.0.1. */
const freePort = () =>
  new Promise((ok, fail) => {
    const server = createServer().once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });

/**
 * Starts a throwaway PostgreSQL 15 in a temporary folder (fsync off: test data), or resolves
 * null where its programs are missing. initdb refuses root: as root it runs as `postgres`.
 * @example const server = await startPostgres(); … await server?.stop();
 */
export async function startPostgres() {
  if (!existsSync(`${PG_BIN}/initdb`)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'dashboard-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (program, args) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', `${PG_BIN}/${program}`, ...args], { stdio: 'pipe' }) : execFileSync(`${PG_BIN}/${program}`, args, { stdio: 'pipe' });
  const data = join(dir, 'data');
  let port;
  try {
    if (asRoot) execFileSync('chown', ['postgres', dir]);
    port = await freePort();
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`, 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * The proportions `generateRecords` makes: each block of 20 consecutive records has 9 accept-all
 * (7 after the revision change), then reject-all up to 15, 3 custom, 1 withdraw, 1 GPC. Accept-all
 * grants analytics and marketing, custom analytics only; services follow their category (matomo:
 * analytics, youtube: marketing). Channels: GPC from `gpc`, custom and withdraw from the dialog,
 * the 6th record of a block from the API, the 7th from a placeholder, the rest from the banner.
 * Languages: 3 blocks of 20 in 5 are `en`, 2 are `fr` (independent of the method).
 */
export const EXPECTED = {
  1: { 'accept-all': 0.45, 'reject-all': 0.3, custom: 0.15, withdraw: 0.05, gpc: 0.05, analytics: 0.6, marketing: 0.45 },
  2: { 'accept-all': 0.35, 'reject-all': 0.4, custom: 0.15, withdraw: 0.05, gpc: 0.05, analytics: 0.5, marketing: 0.35 },
  languages: { en: 0.6, fr: 0.4 },
  channels: { banner: 0.65, dialog: 0.2, api: 0.05, placeholder: 0.05, gpc: 0.05 },
};

/** An ISO timestamp (`…Z`, seconds) of `epoch` seconds, in each dialect. */
const isoOf = (dialect, epoch) =>
  dialect === 'postgres' ? `to_char(to_timestamp(${epoch}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')` : `strftime('%Y-%m-%dT%H:%M:%SZ', ${epoch}, 'unixepoch')`;

const GRANTED = (a, m) => `'{"essential":"granted","analytics":"${a}","marketing":"${m}"}'`;
const SERVICES = (a, m) => `'{"matomo":"${a}","youtube":"${m}"}'`;

/**
 * Inserts `perDay` records a day for `days` days from `start` (revision 1, then 2 from day
 * `revisionDay`), in the proportions of {@link EXPECTED}, in one SQL statement. `perDay` a
 * multiple of 100 makes every day's proportions exact. `receivedAt` (ISO) sets every record's
 * time of receipt, else it is the record's time plus a minute. `prefix` keeps ids unique across calls.
 * @example await generateRecords(store, { days: 20, perDay: 100, start: '2026-01-01' })
 */
export async function generateRecords(store, { days = 20, perDay = 100, start = '2026-01-01', revisionDay = Math.floor(days / 2), receivedAt, prefix = 'gen' } = {}) {
  const count = days * perDay;
  const base = Date.parse(`${start}T00:00:00Z`) / 1e3;
  if (!/^[a-z0-9]+$/.test(prefix) || !Number.isInteger(count) || Number.isNaN(base)) throw new TypeError('bad generator options');
  if (count === 0) return 0;
  const series =
    store.dialect === 'postgres' ? `generate_series(0, ${count - 1}) AS s(i)` : `(WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < ${count - 1}) SELECT i FROM s) AS s`;
  const epoch = `${base} + (i / ${perDay}) * 86400 + (i % ${perDay}) * ${Math.floor(86400 / perDay)}`;
  const method = `CASE WHEN p < (CASE WHEN revision = 1 THEN 9 ELSE 7 END) THEN 'accept-all' WHEN p < 15 THEN 'reject-all' WHEN p < 18 THEN 'custom' WHEN p = 18 THEN 'withdraw' ELSE 'gpc' END`;
  const grants = (json) => `CASE method WHEN 'accept-all' THEN ${json('granted', 'granted')} WHEN 'custom' THEN ${json('granted', 'denied')} ELSE ${json('denied', 'denied')} END`;
  await store.exec(`
    INSERT INTO records (record_id, schema_version, consent_id, time, received_at, revision, method, categories, services,
                         language, sdk_version, page_url, channel, text_hash, controller, policy_url, expires_at, previous_record_id)
    SELECT '${prefix}-' || i, 2, '${prefix}' || i, time, ${receivedAt ? `'${new Date(receivedAt).toISOString()}'` : isoOf(store.dialect, `${epoch} + 60`)}, revision, method,
           ${grants(GRANTED)}, ${grants(SERVICES)}, CASE WHEN (i / 20) % 5 < 3 THEN 'en' ELSE 'fr' END, '0.2.0',
           'https://www.example.test/', CASE WHEN method = 'gpc' THEN 'gpc' WHEN method IN ('custom', 'withdraw') THEN 'dialog'
           WHEN p = 5 THEN 'api' WHEN p = 6 THEN 'placeholder' ELSE 'banner' END, NULL, 'Example', 'https://www.example.test/privacy', NULL, NULL
    FROM (SELECT i, p, revision, time, ${method} AS method
          FROM (SELECT i, i % 20 AS p, CASE WHEN i / ${perDay} < ${revisionDay} THEN 1 ELSE 2 END AS revision, ${isoOf(store.dialect, epoch)} AS time
                FROM ${series}) AS a) AS b`);
  return count;
}
