// The consent-log receiver (examples/consent-log-server) mounted in the test/demo server, with an
// in-memory database per run and failure injection for end-to-end tests:
//   POST /records[?run=ID]                 a record, handled by the real receiver
//   GET  /__records[?run=ID]               the records stored, as JSON
//   DELETE /__records[?run=ID]             forget the run (records, failures, attempts)
//   POST /__records/fail?count=N[&run=ID]  the next N record posts answer 500, storing nothing
//   GET  /__records/attempts[?run=ID]      every record post received, answered or not
// `run` keeps parallel tests apart. The receiver (and better-sqlite3) load on first use only, so
// a broken native module cannot take the other routes down.

let receiver;
const load = () => (receiver ??= import('../../examples/consent-log-server/server.mjs'));

function runOf(url, ctx) {
  const runs = ctx.state.get('records') ?? ctx.state.set('records', new Map()).get('records');
  const id = url.searchParams.get('run') ?? 'default';
  if (!runs.has(id)) runs.set(id, { failures: 0, attempts: [], handle: null, store: null });
  return { runs, id, run: runs.get(id) };
}

const json = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  return true;
};

/** @param {import('node:http').IncomingMessage} req */
export async function handle(req, res, url, ctx) {
  if (url.pathname !== '/records' && !url.pathname.startsWith('/__records')) return false;
  const { runs, id, run } = runOf(url, ctx);
  const { createHandler, createRecordStore } = await load();
  run.store ??= createRecordStore(':memory:');
  run.handle ??= await createHandler({ store: run.store, allowedOrigins: ['*'] });

  if (url.pathname === '/records') {
    if (req.method === 'POST') {
      run.attempts.push({ time: Date.now(), contentType: req.headers['content-type'] ?? null, failed: run.failures > 0 });
      if (run.failures > 0) {
        run.failures--;
        req.resume();
        res.writeHead(500, { 'access-control-allow-origin': '*' }).end('injected failure');
        return true;
      }
    }
    return run.handle(req, res, url);
  }
  if (url.pathname === '/__records/fail') {
    run.failures = Number(url.searchParams.get('count') ?? 1);
    return json(res, 200, { failures: run.failures });
  }
  if (url.pathname === '/__records/attempts') return json(res, 200, run.attempts);
  if (url.pathname === '/__records') {
    if (req.method === 'DELETE') {
      await run.store.close();
      runs.delete(id);
      return json(res, 200, []);
    }
    return json(res, 200, await run.store.list());
  }
  return false;
}
