// The consent-statistics dashboard: a Fastify plugin the receiver registers with one line.
//
//   await app.register(dashboard, { store, token: process.env.EXPORT_TOKEN });
//
// GET /dashboard              the page: a form for the export token, then the charts and tables
// GET /dashboard/data.json    the aggregates (?from=YYYY-MM-DD&to=YYYY-MM-DD), Bearer token
// GET /dashboard/aggregates.csv  the same as CSV, Bearer token
// GET /dashboard/assets/*     the page's script and styles, uPlot's (served from node_modules)
//
// The numbers need `Authorization: Bearer <token>`. A browser cannot send that header when it
// navigates, so the page and its assets (code, no data) load without it and ask for the token,
// which the page's script keeps in memory and sends with each fetch: never in a URL, a cookie or
// a log line. Without a configured token, everything answers 403.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hasToken } from '../token.mjs';
import { aggregates, MIN_GROUP, prepare, refresh, toCsv } from './aggregate.mjs';

const here = (file) => new URL(file, import.meta.url);
const uplot = (file) => createRequire(import.meta.url).resolve(`uplot/dist/${file}`);

/** The page's files: name → [content type, path]; read once, at registration. */
const ASSETS = {
  'dashboard.js': ['text/javascript', here('page.js')],
  'dashboard.css': ['text/css', here('page.css')],
  'uPlot.iife.min.js': ['text/javascript', uplot('uPlot.iife.min.js')],
  'uPlot.min.css': ['text/css', uplot('uPlot.min.css')],
};

/**
 * The page's own code only: no inline script or style, no other origin, no framing. uPlot sets
 * element styles through the CSSOM, which `style-src` does not restrict.
 * See: https://www.w3.org/TR/CSP3/#directive-style-src
 */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";


/**
 * The dashboard as a Fastify plugin. `store` is the receiver's (`dialect`, `all`, `exec`),
 * `token` the export token (none: the dashboard answers 403), `minGroup` the smallest group
 * whose numbers are shown (5).
 * @example await app.register(dashboard, { store, token: process.env.EXPORT_TOKEN });
 */
export async function dashboard(app, { store, token, minGroup = MIN_GROUP }) {
  const files = Object.fromEntries(Object.entries(ASSETS).map(([name, [type, path]]) => [name, [type, readFileSync(path)]]));
  const html = readFileSync(here('page.html'));
  let prepared;
  let running;
  /** One refresh at a time: concurrent requests wait for the one under way. */
  const update = () => {
    // A failure (the records table not there yet) is tried again on the next request.
    prepared ??= prepare(store).catch((error) => {
      prepared = undefined;
      throw error;
    });
    running ??= prepared.then(() => refresh(store)).finally(() => (running = undefined));
    return running;
  };

  app.addHook('onSend', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!token) return reply.code(403).send({ error: 'the dashboard is disabled: set EXPORT_TOKEN' });
  });
  /** The numbers: the token, or 401. */
  const authorized = async (request, reply) => {
    if (!hasToken(request.headers.authorization, token)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'the dashboard needs the export token' });
    }
  };
  /** The aggregates of the period asked, after bringing the summary up to date. */
  const data = async (request) => {
    await update();
    return aggregates(store, { from: request.query.from, to: request.query.to }, { minGroup });
  };
  // A malformed period is the request's fault; anything else is ours, and Fastify logs it.
  app.setErrorHandler(async (error, request, reply) => {
    if (error instanceof RangeError) return reply.code(400).send({ error: error.message });
    throw error;
  });

  app.get('/dashboard', async (request, reply) => reply.header('content-security-policy', CSP).type('text/html; charset=utf-8').send(html));
  app.get('/dashboard/assets/:name', async (request, reply) => {
    const file = files[request.params.name];
    if (!file) return reply.code(404).send({ error: 'not found' });
    return reply.type(`${file[0]}; charset=utf-8`).send(file[1]);
  });
  app.get('/dashboard/data.json', { preHandler: authorized }, (request) => data(request));
  app.get('/dashboard/aggregates.csv', { preHandler: authorized }, async (request, reply) => {
    const body = await data(request);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="consent-aggregates-${body.from}-${body.to}.csv"`)
      .send(toCsv(body));
  });
}
