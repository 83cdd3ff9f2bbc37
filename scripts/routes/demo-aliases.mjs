// The README's integration recipes load the SDK as `/instria-consent.iife.js`, as a site that
// copies `dist/` to its web root would; the demo (examples/integrations/) serves the built
// files under those names too, so the recipes run as written. Their banners link to the default
// `privacyPolicyUrl`, `/privacy`: the demo sends it to the website example's privacy page.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The browser files of `dist/`: the script tag, its on-demand chunks, the all-in-one file. */
const ALIAS = /^\/instria-consent\.[a-z.-]+\.js$/;

/** @param {import('node:http').IncomingMessage} req */
export async function handle(req, res, url, ctx) {
  if (url.pathname === '/privacy') return res.writeHead(302, { location: '/examples/website/privacy.html' }).end(), true;
  if (!ALIAS.test(url.pathname)) return false;
  const body = await readFile(join(ctx.root, 'dist', url.pathname)).catch(() => null);
  if (!body) res.writeHead(404, { 'content-type': 'text/plain' }).end('run `npm run build` first');
  else res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  return true;
}
