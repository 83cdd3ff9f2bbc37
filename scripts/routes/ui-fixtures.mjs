// UI test pages against either script-tag bundle, with no inline script (so they also run under
// a strict CSP): GET /ui/{split|all}/NAME.html serves test/e2e/fixtures/ui/NAME.html with
//   %SCRIPT%  → <script src="/dist/instria-consent(.all).iife.js" data-…></script>, where every
//               `data-*` query parameter becomes an attribute (e.g. ?data-lang=fr&data-theme=dark),
//               and ?nonce=X a `nonce` attribute
//   %LANG%    → ?lang (default en), the page's <html lang>
//   %DIR%     → ?dir (default ltr)
// and the headers of NAME.html.headers.json beside the fixture (e.g. a Content-Security-Policy).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const BUNDLES = { split: '/dist/instria-consent.iife.js', all: '/dist/instria-consent.all.iife.js' };
const escape = (value) => value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

export async function handle(req, res, url, ctx) {
  const match = /^\/ui\/(split|all)\/([\w-]+)\.html$/.exec(url.pathname);
  if (!match) return false;
  const file = join(ctx.root, 'test/e2e/fixtures/ui', `${match[2]}.html`);
  const page = await readFile(file, 'utf8').catch(() => null);
  if (page === null) return void res.writeHead(404).end('no such fixture'), true;
  let attributes = [...url.searchParams]
    .filter(([name]) => /^data-[\w-]+$/.test(name))
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escape(value)}"`))
    .join('');
  const nonce = url.searchParams.get('nonce');
  if (nonce) attributes += ` nonce="${escape(nonce)}"`;
  const script = `<script src="${BUNDLES[match[1]]}"${attributes}></script>`;
  const body = page
    .replaceAll('%SCRIPT%', script)
    .replaceAll('%LANG%', escape(url.searchParams.get('lang') ?? 'en'))
    .replaceAll('%DIR%', escape(url.searchParams.get('dir') ?? 'ltr'));
  const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
  const extra = await readFile(`${file}.headers.json`, 'utf8').catch(() => null);
  if (extra) Object.assign(headers, JSON.parse(extra));
  res.writeHead(200, headers).end(body);
  return true;
}
