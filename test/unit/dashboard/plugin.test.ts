// @vitest-environment node
// The dashboard's routes: the token (constant-time, header only), what each route answers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { dashboard } from '../../../examples/consent-log-server/dashboard/index.mjs';
import { generateRecords, sqliteStore, type TestStore } from '../../../examples/consent-log-server/dashboard/testing.mjs';

const TOKEN = 'dashboard-test-token-0123456789';
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A Fastify app with the dashboard over 10 generated days (`token: undefined`: none configured); `lines` collects its log. */
async function app(options: { token?: string; store?: TestStore } = {}) {
  const token = 'token' in options ? options.token : TOKEN;
  const store = options.store ?? sqliteStore();
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
  const server = Fastify({ logger: { level: 'info', stream } });
  await generateRecords(store, { days: 10, perDay: 100, start: '2026-03-01' });
  await server.register(dashboard, { store, token });
  cleanups.push(() => server.close().then(() => store.close()));
  return { server, lines, store };
}
const bearer = (token = TOKEN) => ({ authorization: `Bearer ${token}` });

describe('examples/consent-log-server dashboard: access', () => {
  it('is disabled (403) on every route without a configured token', async () => {
    const { server } = await app({ token: undefined });
    for (const url of ['/dashboard', '/dashboard/data.json', '/dashboard/aggregates.csv', '/dashboard/assets/dashboard.js']) {
      const response = await server.inject({ url, headers: bearer('undefined') });
      expect([url, response.statusCode]).toEqual([url, 403]);
      expect(response.json().error).toMatch(/EXPORT_TOKEN/);
    }
  });

  it('answers 401 for the numbers without the token, with a wrong one, or with it anywhere but the Authorization header', async () => {
    const { server } = await app();
    const refused = [
      {},
      bearer('wrong'),
      bearer(`${TOKEN}x`),
      bearer(TOKEN.slice(0, -1)),
      { authorization: TOKEN },
      { authorization: `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}` },
      { cookie: `token=${TOKEN}` },
    ];
    for (const path of ['/dashboard/data.json', '/dashboard/aggregates.csv']) {
      for (const headers of refused) {
        const response = await server.inject({ url: path, headers });
        expect(response.statusCode).toBe(401);
        expect(response.headers['www-authenticate']).toBe('Bearer');
        expect(response.body).not.toMatch(/decisions/);
      }
      expect((await server.inject({ url: `${path}?token=${TOKEN}` })).statusCode).toBe(401);
      expect((await server.inject({ url: path, headers: bearer() })).statusCode).toBe(200);
    }
  });

  it('serves the page and its assets (code, no data) without the token; never logs the token', async () => {
    const { server, lines } = await app();
    const page = await server.inject({ url: '/dashboard' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'; script-src 'self'/);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<input id="token" type="password"');
    const uplot = await server.inject({ url: '/dashboard/assets/uPlot.iife.min.js' });
    const local = readFileSync(createRequire(import.meta.url).resolve('uplot/dist/uPlot.iife.min.js'), 'utf8');
    expect([uplot.statusCode, uplot.headers['content-type'], uplot.body === local]).toEqual([200, 'text/javascript; charset=utf-8', true]);
    expect((await server.inject({ url: '/dashboard/assets/uPlot.min.css' })).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await server.inject({ url: '/dashboard/assets/..%2Findex.mjs' })).statusCode).toBe(404);
    await server.inject({ url: '/dashboard/data.json', headers: bearer() });
    await server.inject({ url: '/dashboard/data.json', headers: bearer('a-wrong-guess') });
    expect(lines.join('')).toContain('/dashboard/data.json');
    expect(lines.join('')).not.toMatch(new RegExp(`${TOKEN}|a-wrong-guess`));
  });
});

describe('examples/consent-log-server dashboard: data', () => {
  it('gives the aggregates as JSON and as CSV, for the period asked; 400 for a malformed one', async () => {
    const { server } = await app();
    const json = await server.inject({ url: '/dashboard/data.json?from=2026-03-06&to=2026-03-10', headers: bearer() });
    expect(json.headers['cache-control']).toBe('no-store');
    expect(json.json()).toMatchObject({ from: '2026-03-06', to: '2026-03-10', totals: { decisions: 500, shares: { 'accept-all': 0.35 } } });
    const csv = await server.inject({ url: '/dashboard/aggregates.csv?from=2026-03-01&to=2026-03-05', headers: bearer() });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="consent-aggregates-2026-03-01-2026-03-05.csv"');
    expect(csv.body).toContain('\r\ntotal,,accept-all share,0.45\r\n');
    const bad = await server.inject({ url: '/dashboard/data.json?from=yesterday', headers: bearer() });
    expect([bad.statusCode, bad.json()]).toEqual([400, { error: '"from" must be a day, YYYY-MM-DD' }]);
  });

  it('refreshes the summary once for concurrent requests, and sees records received since', async () => {
    const store = sqliteStore();
    let recomputes = 0;
    const exec = store.exec;
    store.exec = (sql) => ((recomputes += Number(sql.includes('INSERT INTO dashboard_daily'))), exec(sql));
    const { server } = await app({ store });
    const answers = await Promise.all([1, 2, 3].map(() => server.inject({ url: '/dashboard/data.json', headers: bearer() })));
    expect(answers.map((a) => a.json().totals.decisions)).toEqual([1000, 1000, 1000]);
    expect(recomputes).toBe(1);
    await generateRecords(store, { days: 1, perDay: 100, start: '2026-03-11', receivedAt: new Date().toISOString(), prefix: 'more' });
    expect((await server.inject({ url: '/dashboard/data.json', headers: bearer() })).json().totals.decisions).toBe(1100);
    expect(recomputes).toBe(2);
  });
});
