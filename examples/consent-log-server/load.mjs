#!/usr/bin/env node
// Load test: starts the receiver (`node server.mjs`, as deployed, logging at info) on SQLite and
// on PostgreSQL, posts distinct valid records from `CONCURRENCY` keep-alive connections for
// `SECONDS`, and prints sustained posts per second and latency percentiles as a Markdown table.
//
//   npm run load                                  # SQLite in a temp file; PostgreSQL: DATABASE_URL,
//   SECONDS=30 CONCURRENCY=100 npm run load       # else a throwaway cluster if initdb is installed
//   EXPORT_ROWS=3000000 npm run load              # first, an export of that many rows (time, memory)
//
// Every client is 127.0.0.1 here, so the rate limit is lifted (RATE_LIMIT) for the run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordIdOf } from './schema.mjs';
import { startPostgres } from './throwaway-postgres.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SECONDS = Number(process.env.SECONDS ?? 10);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50);

/** A schema 2 record of a fresh consent id, as the SDK sends it after "Reject all". */
function record() {
  const time = Date.now();
  const r = {
    recordId: '',
    schemaVersion: 2,
    consentId: crypto.randomUUID(),
    time: new Date(time).toISOString(),
    revision: 1,
    method: 'reject-all',
    categories: { essential: 'granted', analytics: 'denied', marketing: 'denied' },
    services: { matomo: 'denied', youtube: 'denied' },
    language: 'fr',
    sdkVersion: '0.2.0',
    pageUrl: 'https://www.instria.test/tarifs',
    channel: 'banner',
    textHash: 'a'.repeat(64),
    controller: 'Instria',
    policyUrl: 'https://www.instria.test/confidentialite',
    expiresAt: new Date(time + 182 * 864e5).toISOString(),
    previousRecordId: null,
  };
  r.recordId = recordIdOf(r);
  return JSON.stringify(r);
}

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** Starts `node server.mjs` with `env`; resolves its URL and a stop function once it answers. */
async function startServer(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(here, 'server.mjs')], {
    env: { ...process.env, ...env, PORT: String(port), RATE_LIMIT: '1000000000', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${url}/records`).then(() => true, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, pid: child.pid, stop: () => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM')) };
}

/** Posts for `seconds` from `concurrency` loops; returns the latencies (ms) of the 2xx answers and the failures. */
async function hammer(url, seconds, concurrency) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  let failures = 0;
  const end = Date.now() + seconds * 1000;
  const post = (body) =>
    new Promise((resolve) => {
      const req = request(`${url}/records`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume().on('end', () => resolve(res.statusCode));
      });
      req.on('error', () => resolve(0));
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const body = record();
        const sent = performance.now();
        const status = await post(body);
        if (status >= 200 && status < 300) latencies.push(performance.now() - sent);
        else failures++;
      }
    }),
  );
  agent.destroy();
  return { latencies: latencies.sort((a, b) => a - b), failures };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

/**
 * Export at scale: `rows` records written straight into a SQLite file, then `GET /export.csv`
 * read to the end; the time, the size and the server's peak resident memory (VmHWM).
 */
async function measureExport(rowCount) {
  const { default: Database } = await import('better-sqlite3');
  const { createRecordStore } = await import('./store.mjs');
  const file = join(dir, 'export.sqlite');
  await createRecordStore(file).close();
  const db = new Database(file);
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${rowCount - 1})
    INSERT INTO records (record_id, schema_version, consent_id, time, received_at, revision, method, categories, services, language, sdk_version, page_url)
    SELECT printf('e0e0e0e0-%08d-1795780800000-reject-all-gdd', i), 1, printf('e0e0e0e0-%08d', i), '2026-01-01T00:00:00.000Z',
      strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', printf('+%d.%03d seconds', i / 1000, i % 1000)), 1, 'reject-all',
      '{"essential":"granted","analytics":"denied"}', '{"matomo":"denied"}', 'fr', '0.1.0', 'https://www.instria.test/tarifs' FROM n`);
  db.close();
  const server = await startServer({ DB_FILE: file, DATABASE_URL: '', EXPORT_TOKEN: 'load', RETENTION_DAYS: '0' });
  const began = performance.now();
  const response = await fetch(`${server.url}/export.csv`, { headers: { authorization: 'Bearer load' } });
  let bytes = 0;
  for await (const chunk of response.body) bytes += chunk.length;
  const seconds = (performance.now() - began) / 1000;
  const peak = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1];
  await server.stop();
  console.log(`export.csv of ${rowCount} rows: ${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s (${Math.round(rowCount / seconds)} rows/s), status ${response.status}, server peak RSS ${Math.round(peak / 1024)} MB`);
}

const rows = [];
async function measure(name, env) {
  const server = await startServer(env);
  await hammer(server.url, 2, CONCURRENCY); // warm-up
  const { latencies, failures } = await hammer(server.url, SECONDS, CONCURRENCY);
  await server.stop();
  const perSecond = Math.round(latencies.length / SECONDS);
  rows.push(`| ${name} | ${CONCURRENCY} | ${perSecond} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${failures} |`);
}

const dir = mkdtempSync(join(tmpdir(), 'consent-log-load-'));
try {
  if (process.env.EXPORT_ROWS) await measureExport(Number(process.env.EXPORT_ROWS));
  await measure('SQLite (WAL, synchronous=FULL)', { DB_FILE: join(dir, 'records.sqlite'), DATABASE_URL: '' });
  // Durable settings (fsync, synchronous commit on): the figures of a real deployment.
  const cluster = process.env.DATABASE_URL ? null : startPostgres({ durable: true });
  const databaseUrl = process.env.DATABASE_URL || cluster?.url;
  try {
    if (databaseUrl) await measure('PostgreSQL', { DATABASE_URL: databaseUrl });
    else console.warn('PostgreSQL: no DATABASE_URL and no initdb found; skipped');
  } finally {
    cluster?.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`${SECONDS} s per store, ${CONCURRENCY} concurrent keep-alive connections, on ${process.platform} ${process.arch}, Node ${process.version}\n`);
console.log('| store | connections | posts/s | p50 (ms) | p99 (ms) | failed |\n|---|---|---|---|---|---|');
console.log(rows.join('\n'));
