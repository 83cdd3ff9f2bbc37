// @vitest-environment node
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { startServer } from '../../../scripts/server.mjs';

/** The status of a GET of `path` as written (no URL normalisation by the client), and its body. */
const get = (base: string, path: string) =>
  new Promise<[number, string]>((resolve, reject) => {
    const { hostname, port } = new URL(base);
    request({ hostname, port, path }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk)).on('end', () => resolve([res.statusCode!, body]));
    })
      .on('error', reject)
      .end();
  });
const status = async (base: string, path: string) => (await get(base, path))[0];

describe('scripts/server.mjs serves the repository and nothing else', () => {
  let dir: string;
  let server: { close(): void };
  let url: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'instria-server-'));
    const root = join(dir, 'repo');
    await mkdir(join(root, '.git'), { recursive: true });
    await mkdir(join(root, 'dist'));
    await mkdir(join(dir, 'repo-sibling'));
    await mkdir(join(dir, 'deps', 'pkg'), { recursive: true });
    await writeFile(join(root, 'index.html'), 'home');
    await writeFile(join(root, 'dist', 'a.js'), 'ok');
    await writeFile(join(root, 'dist', 'instria-consent.iife.js'), 'tag');
    await writeFile(join(root, 'dist', 'instria-consent.lang-de.js'), 'de');
    await writeFile(join(root, '.git', 'config'), 'secret');
    await writeFile(join(root, '.env'), 'secret');
    await writeFile(join(dir, 'repo-sibling', 'x.txt'), 'secret');
    await writeFile(join(dir, 'outside.txt'), 'secret');
    await writeFile(join(dir, 'deps', 'pkg', 'index.js'), 'dep');
    await symlink(dir, join(root, 'escape'));
    await symlink(join(dir, 'outside.txt'), join(root, 'dist', 'link.txt'));
    // A git worktree links its node_modules to the main checkout's: that one is served.
    await symlink(join(dir, 'deps'), join(root, 'node_modules'));
    ({ server, url } = await startServer({ port: 0, root, index: '/index.html' }));
  });
  afterAll(async () => {
    server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves files, folders and the linked node_modules', async () => {
    expect(await status(url, '/')).toBe(200);
    expect(await status(url, '/dist/a.js')).toBe(200);
    expect(await status(url, '/node_modules/pkg/index.js')).toBe(200);
    expect(await status(url, '/dist/missing.js')).toBe(404);
  });

  it('serves the built files at the web root too, as the integration recipes load them, language files included', async () => {
    expect(await get(url, '/instria-consent.iife.js')).toEqual([200, 'tag']);
    expect(await get(url, '/instria-consent.lang-de.js')).toEqual([200, 'de']);
    // The recipes' banners link to the default privacy policy URL: the website example's page.
    expect(await status(url, '/privacy')).toBe(302);
  });

  it('refuses .git, dotfiles, traversal (plain, encoded, to a sibling folder) and symbolic links out', async () => {
    for (const path of [
      '/.git/config',
      '/.env',
      '/dist/../.git/config',
      '/%2e%2e/outside.txt',
      '/..%2foutside.txt',
      '/%2e%2e/repo-sibling/x.txt',
      '/..%5coutside.txt',
      '/escape/outside.txt',
      '/dist/link.txt',
      '/node_modules/%2e%2e/outside.txt',
    ]) {
      // 403, or 404 where the URL parser already resolved the `..` inside the folder.
      const [code, body] = await get(url, path);
      expect([path, code === 403 || code === 404, body]).toEqual([path, true, code === 404 ? 'not found' : '']);
    }
  });
});
