// Where records are kept: SQLite (one file, the default) or PostgreSQL (several receivers behind
// a load balancer), with the same `records` table, the same versioned migrations and the same
// methods. Queries that page through many rows go by keyset (received_at, record_id) in batches,
// so an export of any size holds one batch in memory and never holds the database for long.
import Database from 'better-sqlite3';
import { V2_FIELDS } from './schema.mjs';

/** Rows read per query by exports and purges: each query is short, and inserts run between them. */
export const BATCH_ROWS = 1000;

/** `policyUrl` → `policy_url`. */
const snake = (field) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The record's columns in table order, and the record field each holds. */
const COLUMNS = [
  ['record_id', 'recordId'],
  ['schema_version', 'schemaVersion'],
  ['consent_id', 'consentId'],
  ['time', 'time'],
  ['received_at', 'receivedAt'],
  ['revision', 'revision'],
  ['method', 'method'],
  ['categories', 'categories'],
  ['services', 'services'],
  ['language', 'language'],
  ['sdk_version', 'sdkVersion'],
  ['page_url', 'pageUrl'],
  ...V2_FIELDS.map((field) => [snake(field), field]),
];

/** The v1 table; PostgreSQL's `revision` is a BIGINT (SQLite's INTEGER is 64-bit already). */
const createTable = (dialect) => `CREATE TABLE IF NOT EXISTS records (
  record_id      TEXT PRIMARY KEY,
  schema_version INTEGER NOT NULL,
  consent_id     TEXT NOT NULL,
  time           TEXT NOT NULL,
  received_at    TEXT NOT NULL,
  revision       ${dialect === 'postgres' ? 'BIGINT' : 'INTEGER'} NOT NULL,
  method         TEXT NOT NULL,
  categories     TEXT NOT NULL,
  services       TEXT NOT NULL,
  language       TEXT NOT NULL,
  sdk_version    TEXT NOT NULL,
  page_url       TEXT NOT NULL
)${dialect === 'sqlite' ? ' WITHOUT ROWID' : ''}`;

/**
 * The migrations, in order; each runs once per database (table `records_migrations`), all of
 * them in one transaction. Each also brings a database made before migrations existed (0.1: the
 * v1 table; 0.2 previews: the v2 columns added on open) to the same state. Append only: a released
 * migration never changes. `sqlite(db)` gets the better-sqlite3 connection; `postgres` is SQL.
 */
export const MIGRATIONS = [
  {
    version: 1,
    name: 'records table',
    sqlite: (db) => db.exec(`${createTable('sqlite')}; CREATE INDEX IF NOT EXISTS records_consent_id ON records (consent_id)`),
    postgres: `${createTable('postgres')}; CREATE INDEX IF NOT EXISTS records_consent_id ON records (consent_id)`,
  },
  {
    version: 2,
    name: 'record schema 2 columns',
    sqlite: (db) => {
      const columns = new Set(db.prepare('PRAGMA table_info(records)').all().map((column) => column.name));
      for (const field of V2_FIELDS) if (!columns.has(snake(field))) db.exec(`ALTER TABLE records ADD COLUMN ${snake(field)} TEXT`);
    },
    postgres: V2_FIELDS.map((field) => `ALTER TABLE records ADD COLUMN IF NOT EXISTS ${snake(field)} TEXT`).join('; '),
  },
  {
    version: 3,
    name: 'index for exports and retention',
    sqlite: (db) => db.exec('CREATE INDEX IF NOT EXISTS records_received_at ON records (received_at, record_id)'),
    postgres: 'CREATE INDEX IF NOT EXISTS records_received_at ON records (received_at, record_id)',
  },
];

const MIGRATIONS_TABLE = 'CREATE TABLE IF NOT EXISTS records_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)';

/** Applies the migrations a SQLite database has not had, in one write transaction. */
function migrateSqlite(db) {
  db.transaction(() => {
    db.exec(MIGRATIONS_TABLE);
    const done = new Set(db.prepare('SELECT version FROM records_migrations').all().map((row) => row.version));
    for (const migration of MIGRATIONS.filter((m) => !done.has(m.version))) {
      migration.sqlite(db);
      db.prepare('INSERT INTO records_migrations VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
    }
  }).immediate();
}

/**
 * Applies the migrations a PostgreSQL database has not had, in one transaction, under an advisory
 * lock: receivers starting together behind a load balancer migrate once, the others wait.
 */
async function migratePostgres(pool) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('instria-consent records_migrations'))");
    await client.query(MIGRATIONS_TABLE);
    const done = new Set((await client.query('SELECT version FROM records_migrations')).rows.map((row) => row.version));
    for (const migration of MIGRATIONS.filter((m) => !done.has(m.version))) {
      await client.query(migration.postgres);
      await client.query('INSERT INTO records_migrations VALUES ($1, $2, $3)', [migration.version, migration.name, new Date().toISOString()]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * A stored row in the shape the record was sent, plus `receivedAt`; schema 2's fields only for
 * schema 2 records. `parse` false leaves `categories` and `services` as their stored JSON text.
 */
export function rowToRecord(row, parse = true) {
  const record = {};
  for (const [column, field] of COLUMNS.slice(0, 12)) record[field] = row[column];
  record.revision = Number(record.revision);
  if (parse) {
    record.categories = JSON.parse(row.categories);
    record.services = JSON.parse(row.services);
  }
  if (row.schema_version >= 2) for (const field of V2_FIELDS) record[field] = row[snake(field)];
  return record;
}

/** A record as the row's values, in COLUMNS order. */
const rowValues = (record, receivedAt) =>
  COLUMNS.map(([, field]) =>
    field === 'receivedAt' ? receivedAt.toISOString() : field === 'categories' || field === 'services' ? JSON.stringify(record[field]) : record[field] ?? null,
  );

/** `?` placeholders for SQLite, `$n` for PostgreSQL, numbered from `from`. */
const placeholders = (dialect, count, from = 1) => Array.from({ length: count }, (_, i) => (dialect === 'postgres' ? `$${from + i}` : '?'));

/**
 * The INSERT of a record that stores nothing when the id is already there (a retry) or when its
 * consent id has reached the cap (the last parameter): one statement, so the cap holds under
 * concurrent posts on SQLite (one writer); PostgreSQL runs it under a lock per consent id
 * (`perConsent` in {@link createPostgresStore}).
 */
function insertSql(dialect) {
  const n = COLUMNS.length;
  const p = (count, from) => placeholders(dialect, count, from);
  // PostgreSQL types the values of an INSERT … SELECT from casts; SQLite needs none.
  const cast = (column) => (dialect !== 'postgres' ? '' : column === 'revision' ? '::bigint' : column === 'schema_version' ? '::integer' : '::text');
  return `INSERT INTO records (${COLUMNS.map(([c]) => c).join(', ')})
    SELECT ${p(n).map((x, i) => x + cast(COLUMNS[i][0])).join(', ')}
    WHERE (SELECT count(*) FROM records WHERE consent_id = ${p(1, n + 1)}) < ${p(1, n + 2)}${dialect === 'postgres' ? '::bigint' : ''}
    ON CONFLICT (record_id) DO NOTHING RETURNING 1 AS stored`;
}

/** The parameters of {@link insertSql}. */
const insertParams = (record, receivedAt, cap) => [...rowValues(record, receivedAt), record.consentId, cap];

/**
 * What both stores share, over `db` (`dialect`, `all(sql, params)`, `exec(sql)`): insert with a
 * cap per consent id, keyset-paged reads, erasure, purge.
 */
function recordMethods(db) {
  const { dialect } = db;
  const p = (count, from) => placeholders(dialect, count, from);
  const insert = insertSql(dialect);

  /** One batch of rows after `after` ([received_at, record_id]), oldest first, within the filters. */
  function page({ from, to, consentId }, after, limit) {
    const where = [];
    const params = [];
    /** A condition whose `?`s take `values`, numbered on for PostgreSQL. */
    const add = (sql, ...values) => where.push(sql.replace(/\?/g, () => p(1, params.push(values.shift()))[0]));
    if (after) add('(received_at, record_id) > (?, ?)', ...after);
    if (from) add('received_at >= ?', from);
    if (to) add('received_at < ?', to);
    if (consentId) add('consent_id = ?', consentId);
    return db.all(`SELECT * FROM records${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at, record_id LIMIT ${Number(limit)}`, params);
  }

  return {
    /**
     * Stores a valid record unless its consent id already has `cap` records.
     * @returns {Promise<'stored' | 'duplicate' | 'capped'>}
     */
    async insert(record, receivedAt = new Date(), cap = Number.MAX_SAFE_INTEGER) {
      const stored = await (db.perConsent ?? db.all)(insert, insertParams(record, receivedAt, cap), record.consentId);
      if (stored.length) return 'stored';
      const [same] = await db.all(`SELECT 1 AS found FROM records WHERE record_id = ${p(1)}`, [record.recordId]);
      return same ? 'duplicate' : 'capped';
    },
    /**
     * The stored rows, oldest first, `batch` at a time: `from`/`to` bound `received_at` (ISO 8601,
     * `to` exclusive), `consentId` keeps one consent's. Between batches the event loop runs, so
     * inserts go on during an export of any length.
     */
    async *rows(filters = {}, batch = BATCH_ROWS) {
      for (let after, rows; (rows = await page(filters, after, batch)).length; ) {
        yield rows;
        if (rows.length < batch) return;
        const last = rows.at(-1);
        after = [last.received_at, last.record_id];
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    /** The records within `filters`, in the shape they were sent plus `receivedAt` (all in memory: for small sets). */
    async list(filters = {}) {
      const records = [];
      for await (const rows of this.rows(filters)) records.push(...rows.map((row) => rowToRecord(row)));
      return records;
    },
    /** Erases every record of `consentId` (GDPR Art. 17); resolves to how many. */
    async erase(consentId) {
      return (await db.all(`DELETE FROM records WHERE consent_id = ${p(1)} RETURNING 1 AS gone`, [consentId])).length;
    },
    /** Deletes the records received before `before`, `batch` rows per statement; resolves to how many. */
    async purge(before, batch = BATCH_ROWS * 5) {
      let total = 0;
      for (;;) {
        const deleted = await db.all(
          `DELETE FROM records WHERE record_id IN (SELECT record_id FROM records WHERE received_at < ${p(1)} ORDER BY received_at LIMIT ${Number(batch)}) RETURNING 1 AS gone`,
          [before.toISOString()],
        );
        total += deleted.length;
        if (deleted.length < batch) return total;
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}

/**
 * A SQLite store, synchronously opened and migrated. `filename` is a file, or `:memory:` for tests.
 * @example const store = createRecordStore('./consent-records.sqlite'); await store.insert(record);
 */
export function createRecordStore(filename = ':memory:') {
  const sqlite = new Database(filename);
  // WAL + FULL sync: an acknowledged record survives a crash or a power cut; readers never block
  // the writer. busy_timeout: another process (a backup, the dashboard) may hold the write lock briefly.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  // Statements compiled once; `reader` tells SELECT (and RETURNING) from the rest.
  const statements = new Map();
  const prepared = (sql) => {
    if (statements.size > 500) statements.clear();
    return statements.get(sql) ?? statements.set(sql, sqlite.prepare(sql)).get(sql);
  };
  const allSync = (sql, params = []) => {
    const statement = prepared(sql);
    return statement.reader ? statement.all(params) : (statement.run(params), []);
  };
  const db = {
    dialect: 'sqlite',
    all: async (sql, params) => allSync(sql, params),
    exec: async (sql) => void sqlite.exec(sql),
  };
  migrateSqlite(sqlite);
  const insert = insertSql('sqlite');
  const insertNow = (record, receivedAt = new Date(), cap = Number.MAX_SAFE_INTEGER) =>
    allSync(insert, insertParams(record, receivedAt, cap)).length
      ? 'stored'
      : allSync('SELECT 1 FROM records WHERE record_id = ?', [record.recordId]).length
        ? 'duplicate'
        : 'capped';
  return { ...db, ...recordMethods(db), insert: groupCommit(sqlite, insertNow), close: async () => void sqlite.close() };
}

/**
 * Inserts through `insert` in one transaction per turn of the event loop: with
 * `synchronous = FULL` each commit waits for the disk, so one commit for all the records that
 * arrived meanwhile multiplies throughput (group commit) and keeps every answered record durable.
 * Each record gets a savepoint of its own: one that fails does not take the others with it.
 */
function groupCommit(sqlite, insert) {
  let queue = [];
  const one = sqlite.transaction((job) => job.settle(insert(...job.args)));
  const flush = () => {
    const batch = queue;
    queue = [];
    try {
      sqlite.transaction(() => {
        for (const job of batch) {
          try {
            one(job);
          } catch (error) {
            job.fail(error);
          }
        }
      }).immediate();
      for (const job of batch) job.done();
    } catch (error) {
      for (const job of batch) job.fail(error);
    }
  };
  return (...args) =>
    new Promise((resolve, reject) => {
      let outcome;
      if (!queue.length) setImmediate(flush);
      queue.push({ args, settle: (value) => (outcome = value), done: () => resolve(outcome), fail: reject });
    });
}

/**
 * A PostgreSQL store at `connectionString` (`postgres://user:password@host/database`), migrated.
 * BIGINT (`count(*)`, `revision`) reads as a number: every value this table holds is far below 2^53.
 * @example const store = await createPostgresStore(process.env.DATABASE_URL);
 */
export async function createPostgresStore(connectionString, { max = 10 } = {}) {
  const { default: pg } = await import('pg');
  const types = { getTypeParser: (oid, format) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) };
  const pool = new pg.Pool({ connectionString, max, types });
  // An idle connection dropped by the server (restart, failover) is replaced on next use; unheard,
  // the pool's 'error' event would end the process.
  pool.on('error', (error) => console.error('consent-log store: idle PostgreSQL connection lost', error.message));
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = {
    dialect: 'postgres',
    all: async (sql, params) => (await pool.query(sql, params)).rows,
    exec: async (sql) => void (await pool.query(sql)),
    /**
     * `sql` in a transaction that first takes a lock on `consentId`: the cap's count sees every
     * record of that id committed before, so concurrent posts on several connections (or several
     * receivers) cannot store more than the cap. Posts of other ids do not wait on each other.
     * See: https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS
     */
    perConsent: async (sql, params, consentId) => {
      const client = await pool.connect();
      let broken;
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [consentId]);
        const { rows } = await client.query(sql, params);
        await client.query('COMMIT');
        return rows;
      } catch (error) {
        // A connection that cannot even roll back is dropped from the pool, not reused.
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
  return { ...db, ...recordMethods(db), close: () => pool.end() };
}

/**
 * The store a receiver uses: PostgreSQL when `databaseUrl` is set, else the SQLite `file`.
 * @example const store = await openStore({ databaseUrl: process.env.DATABASE_URL, file: './consent-records.sqlite' });
 */
export const openStore = ({ databaseUrl, file = './consent-records.sqlite' } = {}) =>
  databaseUrl ? createPostgresStore(databaseUrl) : Promise.resolve(createRecordStore(file));
