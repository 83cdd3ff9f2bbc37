#!/usr/bin/env node
// The dashboard over generated records, to look at it, for its end-to-end test and screenshot:
//   EXPORT_TOKEN=s3cret node dashboard/serve.mjs      # prints the URL of /dashboard
// The records have the proportions of testing.mjs `EXPECTED`, 90 days × 200 a day by default.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { dashboard } from './index.mjs';
import { generateRecords, sqliteStore } from './testing.mjs';

/**
 * A Fastify app with the dashboard over an in-memory SQLite store of generated records, listening.
 * @example const { url, close } = await serveDemo({ token: 't' }); // url + '/dashboard'
 */
export async function serveDemo({ token, port = 0, days = 90, perDay = 200, start = '2026-09-01', extra = [] } = {}) {
  const store = sqliteStore();
  await generateRecords(store, { days, perDay, start });
  for (const sql of extra) await store.exec(sql);
  // Closing drops every connection: a browser's keep-alive connection that became idle after
  // close() began would otherwise hold it for Fastify's 72 s keep-alive timeout (a test closes
  // its demo while the page is still open).
  const app = Fastify({ logger: false, forceCloseConnections: true });
  await app.register(dashboard, { store, token });
  const url = await app.listen({ port, host: '127.0.0.1' });
  return { url, store, close: () => app.close().then(() => store.close()) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await serveDemo({ token: process.env.EXPORT_TOKEN || undefined, port: Number(process.env.PORT ?? 8788) });
  console.log(`Dashboard on ${url}/dashboard${process.env.EXPORT_TOKEN ? '' : ' (disabled: set EXPORT_TOKEN)'}`);
}
