// Routes for the gating end-to-end tests:
// - GET /__gating/script.js?name=A&delay=300 — a script that appends `name` to `window.order`
//   after `delay` ms of server time (a slow external script proves the activation chain).
// - HTML files under /test/e2e/fixtures/gating/ are served with `{{port}}` replaced by the
//   request's port, so markup can name other hosts (analytics.example.test:PORT) literally;
//   a `NAME.html.headers.json` beside one still applies.
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';

const FIXTURES = '/test/e2e/fixtures/gating/';

export async function handle(req, res, url, ctx) {
  if (url.pathname === '/__gating/script.js') {
    const name = JSON.stringify(url.searchParams.get('name') ?? 'script');
    await new Promise((ok) => setTimeout(ok, Math.min(Number(url.searchParams.get('delay')) || 0, 2000)));
    res
      .writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store', 'access-control-allow-origin': '*' })
      .end(`(window.order = window.order || []).push(${name});`);
    return true;
  }
  if (url.pathname.startsWith(FIXTURES) && url.pathname.endsWith('.html')) {
    const file = normalize(join(ctx.root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(join(ctx.root, FIXTURES))) return false;
    const body = await readFile(file, 'utf8').catch(() => null);
    if (body === null) return false;
    const port = (req.headers.host ?? '').split(':')[1] ?? '80';
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    const extra = await readFile(`${file}.headers.json`, 'utf8').catch(() => null);
    if (extra) Object.assign(headers, JSON.parse(extra));
    res.writeHead(200, headers).end(body.replaceAll('{{port}}', port));
    return true;
  }
  return false;
}
