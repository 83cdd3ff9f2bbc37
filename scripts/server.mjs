#!/usr/bin/env node
// The project's static server, for end-to-end tests and the demo: serves the repository from
// 127.0.0.1 with real MIME types, per-file headers (a `NAME.headers.json` beside a file, e.g. a
// strict Content-Security-Policy), and the routes in scripts/routes/*.mjs (analytics stand-in,
// consent-record receiver…). Usage: node scripts/server.mjs [--port 4173] [--root .] [--index path]
import { createServer } from 'node:http';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, dirname, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Whether `file` (a real path) lies in the folder `base`, with no dot-segment on the way. */
const isIn = (base, file) => {
  const inside = relative(base, file);
  return !inside.startsWith('..') && !isAbsolute(inside) && !inside.split(sep).some((part) => part.startsWith('.'));
};

/**
 * The file `pathname` names under `root`, its `index.html` for a folder; null when there is
 * none, false when it may not be served: a dot-segment (`.git/`, `.env`), or a path (`..`, an
 * encoded `%2e%2e`, a symbolic link) that leads out of the real folders in `bases` (the
 * repository, and its `node_modules`, which a git worktree links to the main checkout's).
 */
async function servable(root, bases, pathname) {
  if (pathname.includes('\0') || pathname.split(/[/\\]/).some((part) => part.startsWith('.'))) return false;
  let file = await realpath(join(root, pathname)).catch(() => null);
  if (file && (await stat(file)).isDirectory()) file = await realpath(join(file, 'index.html')).catch(() => null);
  return file && (bases.some((base) => isIn(base, file)) ? file : false);
}

/** Route modules: each exports `handle(req, res, url, ctx)` and returns true when it answered. */
async function loadRoutes() {
  const dir = join(here, 'routes');
  const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.mjs')).sort();
  return Promise.all(files.map((f) => import(pathToFileURL(join(dir, f)).href)));
}

/**
 * Starts the server. `index` is the file served for `/`.
 * @returns {Promise<{ server: import('node:http').Server, url: string }>}
 */
export async function startServer({ port = 4173, root = resolve(here, '..'), index = '/examples/index.html', host = '127.0.0.1' } = {}) {
  const routes = await loadRoutes();
  const ctx = { root, state: new Map() };
  const bases = [await realpath(root), await realpath(join(root, 'node_modules')).catch(() => root)];
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`);
      if (url.pathname === '/__health') return void res.end('ok');
      for (const route of routes) if (await route.handle(req, res, url, ctx)) return;
      let pathname = decodeURIComponent(url.pathname);
      if (pathname === '/') pathname = index;
      const target = await servable(root, bases, pathname);
      if (target === false) return void res.writeHead(403).end();
      const body = target && (await readFile(target).catch(() => null));
      if (!body) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      const headers = { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      const extra = await readFile(`${target}.headers.json`, 'utf8').catch(() => null);
      if (extra) Object.assign(headers, JSON.parse(extra));
      res.writeHead(200, headers).end(body);
    } catch (error) {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end('server error');
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, host, ok));
  return { server, url: `http://${host}:${server.address().port}` };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : fallback;
  };
  const { url } = await startServer({ port: Number(arg('port', process.env.PORT ?? 4173)), index: arg('index', undefined) });
  console.log(`Serving on ${url}`);
}
