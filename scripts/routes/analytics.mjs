// A local stand-in for an analytics collector, so tests and the demo work offline and can see
// every hit: GET|POST /collect records a hit; GET /__hits lists them; DELETE /__hits clears them.
// Hits are kept per "run" (the `run` query parameter or cookie-less default) in memory.

/** @param {import('node:http').IncomingMessage} req */
export async function handle(req, res, url, ctx) {
  const hits = ctx.state.get('hits') ?? ctx.state.set('hits', []).get('hits');
  if (url.pathname === '/collect') {
    hits.push({ time: Date.now(), method: req.method, query: Object.fromEntries(url.searchParams), referer: req.headers.referer ?? null });
    res.writeHead(204, { 'cache-control': 'no-store', 'access-control-allow-origin': '*' }).end();
    return true;
  }
  if (url.pathname === '/__hits') {
    if (req.method === 'DELETE') hits.length = 0;
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(hits));
    return true;
  }
  return false;
}
