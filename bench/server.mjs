// The benchmark's files and servers. Files are read once at start and served from memory, so a
// rebuild during the run cannot change what is measured.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { ANALYTICS } from './pages.mjs';

const PEERS = {
  '/peers/cookieconsent.umd.js': 'node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js',
  '/peers/cookieconsent.css': 'node_modules/vanilla-cookieconsent/dist/cookieconsent.css',
  '/peers/orejime-standard-en.js': 'node_modules/orejime/dist/orejime-standard-en.js',
  '/peers/orejime-standard.css': 'node_modules/orejime/dist/orejime-standard.css',
};

/** Brotli at quality 11, as a CDN precompresses static files. */
const brotli = (data) => brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } });

/**
 * The files served, by URL path: every production browser bundle of ours in `dist` (so a new
 * on-demand file is served without a change here) and the peers' own dist files (installed as
 * devDependencies; `peers` `{}` for ours alone). Each with its body, brotli body and sizes (gzip -9, brotli 11).
 */
export function loadFiles(root, dist, peers = PEERS) {
  const ours = existsSync(resolve(root, dist))
    ? readdirSync(resolve(root, dist)).filter((name) => /^instria-consent\.(?!dev\.).*\.js$/.test(name))
    : [];
  const files = { ...Object.fromEntries(ours.map((name) => [`/dist/${name}`, `${dist}/${name}`])), ...peers };
  const missing = ['/dist/instria-consent.iife.js', ...Object.keys(peers)].filter((path) => !files[path] || !existsSync(resolve(root, files[path])));
  if (missing.length) {
    console.error(`Missing ${missing.join(', ')}: run \`npm install\` and \`npm run build\` (or \`npm run bench\`).`);
    process.exit(1);
  }
  const body = new Map();
  for (const [path, file] of Object.entries(files)) {
    const data = readFileSync(resolve(root, file));
    const br = brotli(data);
    body.set(path, { data, br, type: path.endsWith('.css') ? 'css' : 'js', raw: data.length, gzip: gzipSync(data, { level: 9 }).length, brotli: br.length });
  }
  return body;
}

/**
 * Serves `libs`' pages (`/<id>.html`) and `body`'s files on 127.0.0.1. By default uncompressed
 * and `no-store` (the CPU scenario: every view downloads). `compress`: like a CDN, everything,
 * pages included, sent `Content-Encoding: br` to a client that accepts it, and the files
 * cacheable (`no-store` would also keep a page from using its own `<link rel="preload">`; the
 * network scenario gives each view a fresh context instead). Resolves with the server and its origin.
 */
export async function serve(libs, body, { compress = false } = {}) {
  const pages = new Map(libs.map((lib) => [`/${lib.id}.html`, { data: Buffer.from(lib.page), type: 'text/html', cache: 'no-cache' }]));
  const analytics = { data: Buffer.from(ANALYTICS), type: 'text/javascript' };
  for (const item of [...pages.values(), analytics]) item.br = brotli(item.data);
  // Pages a server renders per request (from its cookies), compressed as they go out.
  const rendered = new Map(libs.filter((lib) => lib.render).map((lib) => [`/${lib.id}.html`, lib.render]));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = body.get(path);
    const render = rendered.get(path);
    const page = render && { data: Buffer.from(render(req.headers.cookie ?? '')), type: 'text/html', cache: 'no-cache' };
    if (page) page.br = brotli(page.data);
    const item = file ? { ...file, type: `text/${file.type === 'css' ? 'css' : 'javascript'}` } : page || pages.get(path) || (path === '/analytics.js' ? analytics : null);
    if (!item) return res.writeHead(404).end();
    const br = compress && /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
    const headers = { 'content-type': `${item.type}; charset=utf-8`, 'cache-control': compress ? item.cache ?? 'public, max-age=3600' : 'no-store', ...(br && { 'content-encoding': 'br', vary: 'accept-encoding' }) };
    res.writeHead(200, headers).end(br ? item.br : item.data);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}
