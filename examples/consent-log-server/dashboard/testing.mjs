// What the dashboard's tests, benchmark and screenshot share: the receiver's stores, its
// throwaway PostgreSQL cluster, and a generator of records with known proportions, written in
// SQL so a million records take seconds, not minutes.
import { createPostgresStore, createRecordStore } from '../store.mjs';

export { startPostgres } from '../throwaway-postgres.mjs';

/**
 * The receiver's own stores, migrated (its `records` table, schema 2's columns included): the
 * dashboard is tested on the tables it reads in production.
 * @example const store = sqliteStore(); await store.all('SELECT count(*) AS n FROM records', []);
 */
export const sqliteStore = (filename = ':memory:') => createRecordStore(filename);

/** The receiver's PostgreSQL store over `connectionString`, migrated. */
export const postgresStore = (connectionString) => createPostgresStore(connectionString, { max: 4 });

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
