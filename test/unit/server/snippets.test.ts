// @vitest-environment node
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeDecision } from '../../../src/core/codec';

// The snippet imports the package by name, as an app does: here, the source.
vi.mock('@instria/consent/server', () => import('../../../src/server'));

/**
 * The server of the README's and docs/server.md's snippet (examples/snippets/server.ts), run:
 * a first visit gets the preload hints (as 103 Early Hints and in the page) and no analytics; a
 * visitor who accepted gets the analytics script and no hints; the consent-cookie route answers.
 */
describe('examples/snippets/server.ts', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    ({ server } = await import('../../../examples/snippets/server'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** GET / with `cookie`: the page, and the Link headers of any 103 Early Hints before it. */
  const get = (cookie = '') =>
    new Promise<{ html: string; hints: string[] }>((resolve, reject) => {
      const hints: string[] = [];
      const req = request(`${origin}/`, { headers: { cookie } }, (res) => {
        let html = '';
        res.on('data', (chunk) => (html += chunk));
        res.on('end', () => resolve({ html, hints }));
      });
      req.on('information', (info) => info.statusCode === 103 && hints.push(String(info.headers.link)));
      req.on('error', reject).end();
    });

  const accepted = encodeDecision({ id: '3f0c8f0e-4d6b', time: Date.now(), revision: 1, method: 'accept-all', categories: { analytics: true }, services: {} });

  it('a first visit: preload hints, no analytics', async () => {
    const { html, hints } = await get();
    expect(hints).toEqual(['</instria-consent.ui.js>; rel=preload; as=script']);
    expect(html).toContain('<link rel="preload" as="script" href="/instria-consent.ui.js">');
    expect(html).not.toContain('analytics.js');
  });

  it('a visitor who accepted: analytics, no hints', async () => {
    const { html, hints } = await get(`instria_consent=${accepted}`);
    expect(hints).toEqual([]);
    expect(html).not.toContain('rel="preload"');
    expect(html).toContain('<script src="/analytics.js"></script>');
  });

  it('the consent-cookie route, and the Fetch handler', async () => {
    const response = await fetch(`${origin}/consent-cookie`, { method: 'POST', body: accepted });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/^instria_consent=1\./);
    const { POST } = await import('../../../examples/snippets/server');
    expect((await POST(new Request('https://instria.test/consent-cookie', { method: 'POST', body: accepted }))).headers.get('set-cookie')).toMatch(/; Secure$/);
  });
});
