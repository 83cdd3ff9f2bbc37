#!/usr/bin/env node
// A small, real receiver for Instria Consent's proof-of-consent records (GDPR Art. 7(1): the
// controller must be able to demonstrate consent). It validates each record against the schema,
// rejects anything else with a 4xx and stores nothing then, keeps records durably in SQLite with
// the record id as primary key (a retried record is stored once), and exports them for an audit.
//
//   node server.mjs                       # http://127.0.0.1:8787/records
//   PORT=8787 HOST=0.0.0.0 DB_FILE=./consent-records.sqlite \
//   ALLOWED_ORIGINS=https://instria.fr,https://www.instria.fr EXPORT_TOKEN=s3cret node server.mjs
//
// No IP address, user agent or cookie is read or stored: the record is all there is.
//
// Optionally (CONSENT_COOKIE_PATH, or the `consentCookie` option), it also answers the SDK's
// `serverCookie` posts with `consentCookieHandler` of @instria/consent/server: the consent cookie
// set by the server, which Safari keeps longer than one written by script. That route must be
// served from the site's own origin (behind the site's reverse proxy).
import { timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

/** The record format the SDK sends (records.ts `RECORD_SCHEMA_VERSION`). */
export const SCHEMA_VERSION = 2;

/** Formats accepted: 2, and 1 from SDK 0.1 pages still cached or outboxes still draining. */
export const SCHEMA_VERSIONS = [1, 2];

/** Largest body accepted, in bytes; a record is well under 2 kB. */
export const MAX_BODY_BYTES = 16 * 1024;

const METHODS = ['accept-all', 'reject-all', 'custom', 'gpc', 'withdraw'];
/** Schema 2 adds `dismiss`: the preferences dialog closed without a choice (no consent). */
const METHODS_V2 = [...METHODS, 'dismiss'];
const CHANNELS = ['banner', 'dialog', 'placeholder', 'api', 'gpc'];
const SHA256_HEX = /^[0-9a-f]{64}$/;
const ID = /^[A-Za-z0-9_-]{1,40}$/;
const CONSENT_ID = /^[A-Za-z0-9-]{8,64}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const VERSION = /^[0-9A-Za-z.+-]{1,40}$/;

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (pattern) => (value) => typeof value === 'string' && pattern.test(value);

/** `{ id: 'granted' | 'denied' }` with valid ids, at most 100 entries. */
const isGrants = (value) =>
  isObject(value) &&
  Object.keys(value).length <= 100 &&
  Object.entries(value).every(([key, grant]) => ID.test(key) && (grant === 'granted' || grant === 'denied'));

/** An absolute http(s) URL with no credentials, query string or fragment (they may identify). */
const isPageUrl = (value) => {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && !url.search && !url.hash && !value.includes('#') && !value.includes('?') && !url.username && !url.password;
  } catch {
    return false;
  }
};

/** An absolute http(s) URL without credentials (a privacy policy's may carry `?v=3`). */
const isPolicyUrl = (value) => {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && !url.username && !url.password;
  } catch {
    return false;
  }
};

const isIsoTime = (v) => isString(ISO_TIME)(v) && !Number.isNaN(Date.parse(v));

/**
 * The id a record must carry: `consentId-timeInMs-method-choices`, choices being `g` (granted)
 * or `d` (denied) per category then per service, in the record's order. Derived from the content,
 * so two different decisions never share an id and a retried one always has the same.
 */
export const recordIdOf = (record) =>
  [
    record.consentId,
    Date.parse(record.time),
    record.method,
    [...Object.values(record.categories), ...Object.values(record.services)].map((grant) => grant[0]).join(''),
  ].join('-');

/** Field → validator, schema 1. Every field is required; no other field is accepted. */
const FIELDS_V1 = {
  schemaVersion: (v) => v === 1,
  consentId: isString(CONSENT_ID),
  time: isIsoTime,
  revision: (v) => Number.isInteger(v) && v >= 0 && v < 1e6,
  method: (v) => METHODS.includes(v),
  categories: isGrants,
  services: isGrants,
  language: isString(LANGUAGE),
  sdkVersion: isString(VERSION),
  pageUrl: isPageUrl,
  // Checked last: it is derived from the consent id and the time, so a retry cannot differ.
  recordId: (v, r) => typeof v === 'string' && v === recordIdOf(r),
};

/** Schema 2: schema 1's fields, `dismiss` as a method, and six more (README "Consent records"). */
const FIELDS_V2 = {
  ...FIELDS_V1,
  schemaVersion: (v) => v === 2,
  method: (v) => METHODS_V2.includes(v),
  channel: (v, r) => CHANNELS.includes(v) && (r.method !== 'gpc' || v === 'gpc') && (r.method !== 'dismiss' || v === 'dialog'),
  // null only where the page had no Web Crypto (not https).
  textHash: (v) => v === null || isString(SHA256_HEX)(v),
  controller: (v) => typeof v === 'string' && v.length > 0 && v.length <= 200,
  policyUrl: isPolicyUrl,
  // After the decision, at most 13 months later (the SDK's ceiling, 395 days); null only for a
  // dismissal made before any decision (nothing to expire).
  expiresAt: (v, r) =>
    v === null ? r.method === 'dismiss' : isIsoTime(v) && Date.parse(v) > Date.parse(r.time) && Date.parse(v) <= Date.parse(r.time) + 396 * 864e5,
  previousRecordId: (v, r) => v === null || (typeof v === 'string' && v.length <= 200 && v.startsWith(`${r.consentId}-`) && v !== r.recordId),
};

/** The six fields schema 2 adds, in record order; null in the store for schema 1 records. */
const V2_FIELDS = ['channel', 'textHash', 'controller', 'policyUrl', 'expiresAt', 'previousRecordId'];

/**
 * Checks a parsed record against the schema.
 * @returns {string | null} what is wrong, or null when the record is valid
 * @example validateRecord(JSON.parse(body)) // → null, or 'unknown field "ip"'
 */
export function validateRecord(record) {
  if (!isObject(record)) return 'the record must be a JSON object';
  if (!SCHEMA_VERSIONS.includes(record.schemaVersion)) return 'invalid field "schemaVersion"';
  const fields = record.schemaVersion === 1 ? FIELDS_V1 : FIELDS_V2;
  for (const key of Object.keys(record)) if (!(key in fields)) return `unknown field "${key}"`;
  for (const [key, valid] of Object.entries(fields)) {
    if (!(key in record)) return `missing field "${key}"`;
    if (!valid(record[key], record)) return `invalid field "${key}"`;
  }
  return null;
}

/** `policyUrl` → `policy_url`. */
const snake = (field) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Opens (or creates) the record store. `filename` is a SQLite file, or `:memory:` for tests.
 * @example const store = createRecordStore('./consent-records.sqlite'); store.insert(record, new Date());
 */
export function createRecordStore(filename = ':memory:') {
  const db = new Database(filename);
  // WAL + FULL sync: an acknowledged record survives a crash or a power cut.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE IF NOT EXISTS records (
    record_id      TEXT PRIMARY KEY,
    schema_version INTEGER NOT NULL,
    consent_id     TEXT NOT NULL,
    time           TEXT NOT NULL,
    received_at    TEXT NOT NULL,
    revision       INTEGER NOT NULL,
    method         TEXT NOT NULL,
    categories     TEXT NOT NULL,
    services       TEXT NOT NULL,
    language       TEXT NOT NULL,
    sdk_version    TEXT NOT NULL,
    page_url       TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS records_consent_id ON records (consent_id);`);
  // Schema 2's columns, added to a store created by an earlier receiver; null for schema 1 records.
  const columns = new Set(db.prepare('PRAGMA table_info(records)').all().map((column) => column.name));
  for (const field of V2_FIELDS) if (!columns.has(snake(field))) db.exec(`ALTER TABLE records ADD COLUMN ${snake(field)} TEXT`);
  const insert = db.prepare(`INSERT OR IGNORE INTO records
    (record_id, schema_version, consent_id, time, received_at, revision, method, categories, services, language, sdk_version, page_url, ${V2_FIELDS.map(snake).join(', ')})
    VALUES (@recordId, @schemaVersion, @consentId, @time, @receivedAt, @revision, @method, @categories, @services, @language, @sdkVersion, @pageUrl, ${V2_FIELDS.map((f) => `@${f}`).join(', ')})`);
  const all = db.prepare('SELECT * FROM records ORDER BY received_at, record_id');
  return {
    /** Stores a valid record; returns false if a record with this id was already stored. */
    insert(record, receivedAt = new Date()) {
      const row = { ...Object.fromEntries(V2_FIELDS.map((f) => [f, null])), ...record, receivedAt: receivedAt.toISOString(), categories: JSON.stringify(record.categories), services: JSON.stringify(record.services) };
      return insert.run(row).changes === 1;
    },
    /** Every record, in the order received, in the shape it was sent plus `receivedAt`. */
    list() {
      return all.all().map((row) => ({
        recordId: row.record_id,
        schemaVersion: row.schema_version,
        consentId: row.consent_id,
        time: row.time,
        receivedAt: row.received_at,
        revision: row.revision,
        method: row.method,
        categories: JSON.parse(row.categories),
        services: JSON.parse(row.services),
        language: row.language,
        sdkVersion: row.sdk_version,
        pageUrl: row.page_url,
        // Schema 2's fields after schema 1's, as the SDK sends them; none for schema 1 records.
        ...(row.schema_version >= 2 && Object.fromEntries(V2_FIELDS.map((field) => [field, row[snake(field)]]))),
      }));
    },
    close: () => db.close(),
  };
}

const CSV_COLUMNS = ['recordId', 'schemaVersion', 'consentId', 'time', 'receivedAt', 'revision', 'method', 'categories', 'services', 'language', 'sdkVersion', 'pageUrl', ...V2_FIELDS];

/** One CSV cell (RFC 4180 quoting), with a leading `'` before `= + - @` so spreadsheets show, not run, it. */
function csvCell(value) {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The records as CSV, one row per record, categories and services as JSON; schema 2's columns empty for schema 1 records. */
export function toCsv(records) {
  return [CSV_COLUMNS.join(','), ...records.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
}

/** Reads the body up to `limit` bytes; resolves null when it is larger. */
function readBody(req, limit) {
  return new Promise((ok, fail) => {
    const chunks = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => ok(over ? null : Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

/** Browsers send `Origin` on same-origin POSTs too; the receiver's own host is always allowed. */
const isSameOrigin = (origin, req) => {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
};

/** Compares the Authorization header in constant time, so the token cannot be guessed byte by byte. */
const isToken = (given = '', expected) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * The receiver as a request handler: `POST {path}` stores a record; `GET /export.json` and
 * `GET /export.csv` export them with `Authorization: Bearer <exportToken>` (disabled without a
 * token: behind a reverse proxy every request would look local). Resolves true when it answered.
 *
 * `application/json` is what `fetch` sends; `text/plain` is what `navigator.sendBeacon` sends
 * for a string body (a CORS-safelisted type, so no preflight on page hide).
 *
 * With `consentCookie` (a `consentCookieHandler(options)` of `@instria/consent/server`), `POST
 * {consentCookiePath}` answers the SDK's `serverCookie` posts with the consent cookie; same origin
 * only, so no CORS headers there.
 *
 * @example
 * const handle = createHandler({ store: createRecordStore('./records.sqlite'), allowedOrigins: ['https://instria.fr'] });
 * http.createServer(async (req, res) => (await handle(req, res)) || res.writeHead(404).end()).listen(8787);
 */
export function createHandler({ store, allowedOrigins = [], path = '/records', exportToken, maxBytes = MAX_BODY_BYTES, log = () => {}, consentCookie, consentCookiePath = '/consent-cookie' }) {
  const allowAll = allowedOrigins.includes('*');
  return async function handle(req, res, url = new URL(req.url ?? '/', 'http://localhost')) {
    if (consentCookie && url.pathname === consentCookiePath) return consentCookie(req, res);
    const origin = req.headers.origin;
    const cors = {};
    if (origin && (allowAll || allowedOrigins.includes(origin))) {
      cors['access-control-allow-origin'] = allowAll ? '*' : origin;
      cors.vary = 'Origin';
    }
    const send = (status, body) => {
      res.writeHead(status, { ...cors, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
      return true;
    };

    if (url.pathname === path) {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { ...cors, 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '86400' });
        res.end();
        return true;
      }
      if (req.method !== 'POST') return send(405, { error: 'POST only' });
      if (origin && !cors['access-control-allow-origin'] && !isSameOrigin(origin, req)) return send(403, { error: 'origin not allowed' });
      const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type !== 'application/json' && type !== 'text/plain') return send(415, { error: 'content-type must be application/json' });
      if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
        res.setHeader('connection', 'close');
        return send(413, { error: `body larger than ${maxBytes} bytes` });
      }
      const body = await readBody(req, maxBytes);
      if (!body) return send(413, { error: `body larger than ${maxBytes} bytes` });
      let record;
      try {
        record = JSON.parse(body.toString('utf8'));
      } catch {
        return send(400, { error: 'malformed JSON' });
      }
      const problem = validateRecord(record);
      if (problem) return send(422, { error: problem });
      const stored = store.insert(record);
      log(`${stored ? 'stored' : 'duplicate'} ${record.recordId} ${record.method}`);
      return send(stored ? 201 : 200, { recordId: record.recordId, duplicate: !stored });
    }

    if (url.pathname === '/export.json' || url.pathname === '/export.csv') {
      if (req.method !== 'GET') return send(405, { error: 'GET only' });
      if (!exportToken) return send(403, { error: 'exports are disabled: set EXPORT_TOKEN' });
      if (!isToken(req.headers.authorization, `Bearer ${exportToken}`)) return send(401, { error: 'export needs the export token' });
      const records = store.list();
      if (url.pathname === '/export.json') return send(200, records);
      res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="consent-records.csv"', 'cache-control': 'no-store' });
      res.end(toCsv(records));
      return true;
    }
    return false;
  };
}

/**
 * Starts the receiver.
 * @example const { server, url } = await startReceiver({ port: 0, dbFile: ':memory:' });
 */
export async function startReceiver({ port = 8787, host = '127.0.0.1', dbFile = './consent-records.sqlite', allowedOrigins = [], exportToken, path, log, consentCookie, consentCookiePath } = {}) {
  const store = createRecordStore(dbFile);
  const handle = createHandler({ store, allowedOrigins, exportToken, path, log, consentCookie, consentCookiePath });
  const server = createServer(async (req, res) => {
    try {
      if (!(await handle(req, res))) res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    } catch (error) {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  server.on('close', () => store.close());
  await new Promise((ok, fail) => server.once('error', fail).listen(port, host, ok));
  return { server, store, url: `http://${host.includes(':') ? `[${host}]` : host}:${server.address().port}` };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const env = process.env;
  // The consent-cookie route, given the site's SDK options as JSON (categories, revision,
  // expiresAfterDays, cookie): the cookie must be the one the page's SDK reads.
  const consentCookie =
    env.CONSENT_COOKIE_PATH && (await import('@instria/consent/server')).consentCookieHandler(JSON.parse(env.CONSENT_OPTIONS || '{}'));
  const { url } = await startReceiver({
    consentCookie: consentCookie || undefined,
    consentCookiePath: env.CONSENT_COOKIE_PATH || undefined,
    port: Number(env.PORT ?? 8787),
    host: env.HOST ?? '127.0.0.1',
    dbFile: env.DB_FILE ?? './consent-records.sqlite',
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    exportToken: env.EXPORT_TOKEN || undefined,
    path: env.RECORDS_PATH || '/records',
    log: (line) => console.log(new Date().toISOString(), line),
  });
  console.log(`Consent-log receiver on ${url}${env.RECORDS_PATH || '/records'}`);
}
