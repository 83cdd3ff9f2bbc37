#!/usr/bin/env node
// A receiver for Instria Consent's proof-of-consent records (GDPR Art. 7(1): the controller must
// be able to demonstrate consent), on Fastify. It validates each record against the JSON Schema
// of schema.mjs, limits what one client and one consent id can post, keeps records in SQLite (the
// default) or PostgreSQL (`DATABASE_URL`), streams exports of any size, looks up and erases one
// consent id's records, and purges records past the retention period.
//
//   node server.mjs                       # http://127.0.0.1:8787/records, ./consent-records.sqlite
//   ALLOWED_ORIGINS=https://instria.fr EXPORT_TOKEN=s3cret DATABASE_URL=postgres://… node server.mjs
//
// The client's IP address is used in memory by the rate limiter only: never stored, never logged.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import { dashboard } from './dashboard/index.mjs';
import { hasToken } from './token.mjs';
import { exportStream } from './export.mjs';
import { MAX_BODY_BYTES, RECORD_SCHEMA, validateRecord } from './schema.mjs';
import { openStore } from './store.mjs';

export { MAX_BODY_BYTES, SCHEMA_VERSION, SCHEMA_VERSIONS, recordIdOf, validateRecord } from './schema.mjs';
export { createPostgresStore, createRecordStore, openStore } from './store.mjs';
export { exportStream, toCsv } from './export.mjs';

/**
 * Defaults of the limits, each overridable (options and environment variables in the README).
 * `rateLimit`: posts per client IP per minute. A consent is a few records per visitor, and the
 * SDK retries a 429 with backoff (nothing is lost), so 120 leaves room for a shared office IP.
 * `perConsent`: records per consent id: a visitor deciding and dismissing for 13 months stays far
 * below 1,000, and a flood cannot bury one visitor's proof.
 * `retentionDays`: 396 (the longest consent the SDK keeps: 13 months) + 1,826 (5 years, the
 * French civil limitation period): proof is kept while the consent is in force and as long as it
 * can be disputed (CNIL, "Les durées de conservation des données"; Code civil, art. 2224).
 * See: https://www.cnil.fr/fr/les-durees-de-conservation-des-donnees
 * See: https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000019017112
 */
export const DEFAULTS = { rateLimit: 120, rateWindow: 60_000, perConsent: 1000, retentionDays: 396 + 1826, purgeEvery: 3_600_000 };

const CONSENT_ID = /^[A-Za-z0-9-]{8,64}$/;

/** Browsers send `Origin` on same-origin POSTs too; the receiver's own host is always allowed. */
const isSameOrigin = (origin, host) => {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
};


/** Every error as `{ error }`, with its status: Fastify's 400/413/415, the rate limiter's 429, a record's validation 422. */
function errorReply(error, request, reply) {
  const status = error.validation && error.validationContext === 'body' ? 422 : error.statusCode >= 400 ? error.statusCode : 500;
  if (status >= 500) request.log.error(error);
  const message =
    status >= 500
      ? 'server error'
      : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? `body larger than ${MAX_BODY_BYTES} bytes`
        : error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
          ? 'malformed JSON'
          : error.message;
  reply.code(status).send({ error: message });
}

/**
 * The records route: CORS for every origin (so the SDK can read a refusal and drop the record
 * instead of retrying it forever; the Origin check below is the access rule, not CORS), the rate
 * limiter, the origin check, body limits, schema validation, the cap per consent id.
 */
function recordsRoute(options) {
  const { store, path, allowedOrigins, rateLimit: max, rateWindow, perConsent } = options;
  const allowAll = allowedOrigins.includes('*');
  return async (app) => {
    await app.register(cors, { origin: true, methods: ['POST'], allowedHeaders: ['content-type'], maxAge: 86400 });
    await app.register(rateLimit, {
      max,
      timeWindow: rateWindow,
      // Preflights are free: the POST that follows is counted.
      allowList: (request) => request.method === 'OPTIONS',
      errorResponseBuilder: (_request, context) => ({ statusCode: 429, message: `rate limit exceeded, retry in ${context.after}` }),
    });
    app.addHook('onRequest', async (request, reply) => {
      const origin = request.headers.origin;
      if (request.method === 'POST' && origin && !allowAll && !allowedOrigins.includes(origin) && !isSameOrigin(origin, request.headers.host)) {
        return reply.code(403).send({ error: 'origin not allowed' });
      }
    });
    // `navigator.sendBeacon` sends a string as text/plain (CORS-safelisted: no preflight on page hide).
    app.removeContentTypeParser('text/plain');
    app.addContentTypeParser('text/plain', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
    app.setErrorHandler(errorReply);
    app.post(path, {
      bodyLimit: MAX_BODY_BYTES,
      schema: { body: RECORD_SCHEMA },
      // Our own Ajv (strict: no coercion, no removal of unknown fields) and the cross-field checks.
      validatorCompiler: () => (record) => {
        const problem = validateRecord(record);
        return problem ? { error: Object.assign(new Error(problem), { validation: [{ message: problem }] }) } : { value: record };
      },
    }, async (request, reply) => {
      const outcome = await store.insert(request.body, new Date(), perConsent);
      request.log.info({ outcome, method: request.body.method }, 'record');
      if (outcome === 'capped') return reply.code(403).send({ error: `this consent id already has ${perConsent} records` });
      return reply.code(outcome === 'stored' ? 201 : 200).send({ recordId: request.body.recordId, duplicate: outcome === 'duplicate' });
    });
    app.get(path, async (_request, reply) => reply.code(405).send({ error: 'POST only' }));
  };
}

/** Query parameters of an export: `from` and `to` (dates, on `receivedAt`), `consentId`. */
function exportFilters(query) {
  const date = (value) => (value === undefined ? undefined : Number.isNaN(Date.parse(value)) ? null : new Date(value).toISOString());
  // Without `to`, what was received up to now (this millisecond included): rows posted during a long export are left for the next.
  const filters = { from: date(query.from), to: query.to === undefined ? new Date(Date.now() + 1).toISOString() : date(query.to), consentId: query.consentId };
  if (filters.from === null || filters.to === null) return 'from and to must be dates (ISO 8601)';
  if (filters.consentId !== undefined && !CONSENT_ID.test(filters.consentId)) return 'invalid consentId';
  return filters;
}

/**
 * Exports and the data-subject routes, behind `Authorization: Bearer <exportToken>` (disabled
 * without a token: behind a reverse proxy every request would look local).
 */
function adminRoutes({ store, exportToken }) {
  return async (app) => {
    app.setErrorHandler(errorReply);
    app.addHook('onRequest', async (request, reply) => {
      if (!exportToken) return reply.code(403).send({ error: 'exports are disabled: set EXPORT_TOKEN' });
      if (!hasToken(request.headers.authorization, exportToken)) return reply.code(401).send({ error: 'export needs the export token' });
      reply.header('cache-control', 'no-store');
    });
    for (const format of ['json', 'csv']) {
      app.get(`/export.${format}`, async (request, reply) => {
        const filters = exportFilters(request.query);
        if (typeof filters === 'string') return reply.code(400).send({ error: filters });
        if (format === 'csv') reply.header('content-disposition', 'attachment; filename="consent-records.csv"');
        return reply.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8').send(exportStream(store, format, filters));
      });
    }
    const consentId = { params: { type: 'object', properties: { consentId: { type: 'string', pattern: CONSENT_ID.source } } } };
    // The data subject's right of access (GDPR Art. 15): every record of one consent id.
    app.get('/subjects/:consentId', { schema: consentId }, async (request) => ({ records: await store.list({ consentId: request.params.consentId }) }));
    // Erasure (GDPR Art. 17): the proof of that visitor's consent goes with it.
    app.delete('/subjects/:consentId', { schema: consentId }, async (request) => ({ erased: await store.erase(request.params.consentId) }));
  };
}

/** Starts the purge job: now, then every `every` ms, records received more than `days` days ago. */
function retention(app, store, days, every) {
  if (!days) return;
  const purge = async () => {
    try {
      const purged = await store.purge(new Date(Date.now() - days * 864e5));
      if (purged) app.log.info({ purged }, 'retention purge');
    } catch (error) {
      app.log.error(error, 'retention purge failed');
    }
  };
  let timer;
  app.addHook('onReady', async () => {
    void purge();
    timer = setInterval(purge, every).unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}

/** What a log line says of a request: its method and route (`/subjects/:consentId`), never who sent it. */
const logged = (request) => ({ method: request.method, url: request.routeOptions?.url ?? request.url.split('?')[0] });

/**
 * The receiver as a Fastify app, not yet listening: register your own plugins on it (or pass them
 * in `plugins`, registered after the receiver's routes, with `store` in their options).
 *
 * @example
 * const store = await openStore({ databaseUrl: process.env.DATABASE_URL });
 * const app = createReceiver({ store, allowedOrigins: ['https://instria.fr'], plugins: [myDashboard] });
 * await app.listen({ port: 8787 });
 */
export function createReceiver(options) {
  const o = { path: '/records', allowedOrigins: [], ...DEFAULTS, ...options };
  const app = Fastify({
    // No IP address, no query string (a consent id may be in it): the route, not the URL.
    logger: o.logger ? { ...(o.logger === true ? {} : o.logger), serializers: { req: logged } } : false,
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: o.trustProxy ?? false,
    // A request id in every log line and in the answer (`x-request-id`), to follow one post.
    genReqId: () => randomUUID(),
    requestIdHeader: o.requestIdHeader ?? false,
  });
  app.decorate('store', o.store);
  app.addHook('onSend', async (request, reply) => void reply.header('x-request-id', request.id));
  if (o.consentCookie) {
    // `consentCookieHandler` of @instria/consent/server reads the raw request: Fastify leaves it alone.
    app.all(o.consentCookiePath ?? '/consent-cookie', { onRequest: async (request, reply) => {
      reply.hijack();
      await o.consentCookie(request.raw, reply.raw);
    } }, async () => {});
  }
  app.register(recordsRoute(o));
  app.register(adminRoutes(o));
  retention(app, o.store, o.retentionDays, o.purgeEvery);
  // The statistics dashboard (/dashboard), behind the same token as the exports; `dashboard: false` leaves it out.
  if (o.dashboard !== false) app.register(dashboard, { store: o.store, token: o.exportToken });
  for (const plugin of o.plugins ?? []) app.register(plugin, { store: o.store });
  return app;
}

/**
 * The receiver as a `node:http` request handler, for a server of your own: resolves true when the
 * request was the receiver's (and is answered), false otherwise.
 * @example
 * const handle = await createHandler({ store: createRecordStore('./records.sqlite'), allowedOrigins: ['https://instria.fr'] });
 * http.createServer(async (req, res) => (await handle(req, res)) || res.writeHead(404).end()).listen(8787);
 */
export async function createHandler(options) {
  const app = createReceiver(options);
  await app.ready();
  const paths = new Set([options.path ?? '/records', '/export.json', '/export.csv', options.consentCookie && (options.consentCookiePath ?? '/consent-cookie')]);
  return async (req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (!paths.has(pathname) && !/^\/(subjects|dashboard)\//.test(pathname) && pathname !== '/dashboard') return false;
    await new Promise((done) => {
      res.once('close', done);
      app.routing(req, res);
    });
    return true;
  };
}

/**
 * Opens the store (PostgreSQL when `databaseUrl` is set, else the SQLite `dbFile`), starts the
 * receiver and listens. `close()` stops it and closes the store.
 * @example const { url, close } = await startReceiver({ port: 0, dbFile: ':memory:' });
 */
export async function startReceiver({ port = 8787, host = '127.0.0.1', dbFile = './consent-records.sqlite', databaseUrl, store, ...options } = {}) {
  const own = !store;
  store ??= await openStore({ databaseUrl, file: dbFile });
  const app = createReceiver({ ...options, store });
  if (own) app.addHook('onClose', () => store.close());
  const url = await app.listen({ port, host });
  return { app, server: app.server, store, url, close: () => app.close() };
}

/** The options read from the environment (README, "Configuration"). */
export function optionsFromEnv(env = process.env) {
  const number = (name, fallback) => (env[name] ? Number(env[name]) : fallback);
  return {
    port: number('PORT', 8787),
    host: env.HOST ?? '127.0.0.1',
    dbFile: env.DB_FILE ?? './consent-records.sqlite',
    databaseUrl: env.DATABASE_URL || undefined,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    exportToken: env.EXPORT_TOKEN || undefined,
    path: env.RECORDS_PATH || '/records',
    rateLimit: number('RATE_LIMIT', DEFAULTS.rateLimit),
    perConsent: number('MAX_RECORDS_PER_CONSENT', DEFAULTS.perConsent),
    retentionDays: number('RETENTION_DAYS', DEFAULTS.retentionDays),
    // A number of proxy hops, or addresses/CIDRs to trust (Fastify's `trustProxy`).
    trustProxy: env.TRUST_PROXY ? (/^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY.split(',')) : false,
    requestIdHeader: env.REQUEST_ID_HEADER || false,
    logger: { level: env.LOG_LEVEL ?? 'info' },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const env = process.env;
  const options = optionsFromEnv(env);
  // The consent-cookie route, given the site's SDK options as JSON (categories, revision,
  // expiresAfterDays, cookie): the cookie must be the one the page's SDK reads.
  if (env.CONSENT_COOKIE_PATH) {
    options.consentCookie = (await import('@instria/consent/server')).consentCookieHandler(JSON.parse(env.CONSENT_OPTIONS || '{}'));
    options.consentCookiePath = env.CONSENT_COOKIE_PATH;
  }
  const { app, store, url } = await startReceiver(options);
  app.log.info(`consent-log receiver on ${url}${options.path} (${store.dialect})`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => app.close().then(() => process.exit(0)));
}
