// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeDecision, type StoredDecision } from '../../../src/core/codec';
import * as server from '../../../src/server';
import { bannerPreload, consentCookie, consentCookieHandler, consentCookieResponse, needsBanner, readConsent } from '../../../src/server';

/**
 * `@instria/consent/server` in plain Node: no `window`, no `document`. Reading the cookie from
 * each kind of request, writing it (`Set-Cookie` attributes), the preload hints, and the
 * `serverCookie` endpoint over real HTTP.
 */

const NOW = Date.UTC(2026, 10, 30, 12);
const DAY = 864e5;
const config = {
  categories: { essential: { required: true }, analytics: { services: { ga4: {} } }, marketing: {} },
  revision: 2,
  now: NOW,
};
const decision: StoredDecision = {
  id: '3f0c8f0e-4d6b-4b8e-9a57-0c5a3c1d2e4f',
  time: NOW - 10 * DAY,
  revision: 2,
  method: 'custom',
  categories: { analytics: true, marketing: false },
  services: { ga4: true },
};
const value = encodeDecision(decision);

describe('the server entry', () => {
  it('runs without a DOM', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    expect(readConsent(`instria_consent=${value}`, config).decided).toBe(true);
  });

  it('exports these names', () => {
    expect(Object.keys(server).sort()).toEqual(['bannerPreload', 'consentCookie', 'consentCookieHandler', 'consentCookieResponse', 'needsBanner', 'readConsent']);
  });
});

describe('readConsent', () => {
  const granted = { decided: true, id: decision.id, decidedAt: decision.time, method: 'custom', revision: 2 };

  it.each([
    ['a Cookie header', `theme=dark; instria_consent=${value}; _ga=GA1.1`],
    ['a Fetch Request', new Request('https://instria.fr/', { headers: { cookie: `instria_consent=${value}` } })],
    ['a Node request', { headers: { cookie: `instria_consent=${value}` } }],
    ['a Node request with several Cookie lines', { headers: { cookie: ['theme=dark', `instria_consent=${value}`] } }],
  ])('reads %s', (_, source) => {
    expect(readConsent(source, config)).toEqual({
      ...granted,
      categories: { essential: true, analytics: true, marketing: false },
      services: { ga4: true },
      pending: { categories: [], services: [] },
    });
  });

  it.each([
    ['no cookie', 'theme=dark'],
    ['no header', undefined],
    ['a request without cookies', new Request('https://instria.fr/')],
    ['a malformed value', 'instria_consent=1.x.y'],
    ['another revision', `instria_consent=${encodeDecision({ ...decision, revision: 1 })}`],
    ['an expired decision', `instria_consent=${encodeDecision({ ...decision, time: NOW - 182 * DAY })}`],
    ['a decision dated in the future', `instria_consent=${encodeDecision({ ...decision, time: NOW + 2 * DAY })}`],
  ])('reads %s as no decision', (_, source) => {
    expect(readConsent(source, config)).toMatchObject({ decided: false, categories: { essential: true, analytics: false, marketing: false }, id: null });
  });

  it('takes the newest of several cookies of its name (host-only and a parent domain)', () => {
    const older = encodeDecision({ ...decision, time: NOW - 20 * DAY, method: 'accept-all', categories: { analytics: true, marketing: true } });
    const newer = encodeDecision({ ...decision, time: NOW - DAY, method: 'withdraw', categories: { analytics: false, marketing: false }, services: { ga4: false } });
    for (const header of [`instria_consent=${older}; instria_consent=${newer}`, `instria_consent=${newer}; instria_consent=${older}`]) {
      expect(readConsent(header, config)).toMatchObject({ method: 'withdraw', categories: { analytics: false } });
    }
  });

  it('reads the configured cookie name only', () => {
    expect(readConsent(`instria_consent=${value}`, { ...config, cookie: { name: 'site_consent' } }).decided).toBe(false);
    expect(readConsent(`site_consent=${value}`, { ...config, cookie: { name: 'site_consent' } }).decided).toBe(true);
  });

  it('marks what was added since as pending, as the browser does', () => {
    const options = { ...config, categories: { ...config.categories, analytics: { services: { ga4: {}, matomo: {} } }, video: {} } };
    expect(readConsent(`instria_consent=${value}`, options).pending).toEqual({ categories: ['video'], services: ['matomo'] });
  });
});

describe('consentCookie', () => {
  const maxAge = Math.floor((decision.time + 182 * DAY - NOW) / 1000);

  it('writes Path=/, SameSite=Lax and Max-Age until the decision expires', () => {
    expect(consentCookie(value, config)).toBe(`instria_consent=${value}; Path=/; Max-Age=${maxAge}; SameSite=Lax`);
    expect(maxAge).toBe(172 * 86400);
  });

  it('counts Max-Age from expiresAfterDays', () => {
    expect(consentCookie(value, { ...config, expiresAfterDays: 30 })).toContain(`Max-Age=${20 * 86400};`);
  });

  it.each([
    ['secure: true', { secure: true }, true],
    ['an https Fetch request', { request: new Request('https://instria.fr/consent-cookie') }, true],
    ['an http Fetch request', { request: new Request('http://localhost/consent-cookie') }, false],
    ['X-Forwarded-Proto: https', { request: { url: '/consent-cookie', headers: { 'x-forwarded-proto': 'https' } } }, true],
    ['an encrypted socket', { request: { url: '/consent-cookie', headers: {}, socket: { encrypted: true } } }, true],
    ['a plain Node request', { request: { url: '/consent-cookie', headers: {} } }, false],
    ['secure: false over https', { secure: false, request: new Request('https://instria.fr/') }, false],
  ])('adds Secure for %s: %s', (_, extra, secure) => {
    expect(consentCookie(value, { ...config, ...extra }).endsWith('; Secure')).toBe(secure);
  });

  it('writes the configured Domain, Path and SameSite; SameSite=None always with Secure', () => {
    expect(consentCookie(value, { ...config, cookie: { name: 'c', domain: 'instria.fr', path: '/app', sameSite: 'None' } })).toBe(
      `c=${value}; Path=/app; Max-Age=${maxAge}; Domain=instria.fr; SameSite=None; Secure`,
    );
    expect(consentCookie(value, { ...config, cookie: { sameSite: 'Strict' } })).toContain('; SameSite=Strict');
  });

  it('writes a state as the browser stored it: readConsent reads back the same state', () => {
    const state = readConsent(`instria_consent=${value}`, config);
    const cookie = consentCookie(state, config);
    expect(readConsent(cookie.split(';')[0]!, config)).toEqual(state);
    expect(cookie).toContain('; Max-Age=');
  });

  it('keeps what is pending undecided when it writes a state', () => {
    const options = { ...config, categories: { ...config.categories, video: {} } };
    const state = readConsent(`instria_consent=${value}`, options);
    expect(readConsent(consentCookie(state, options).split(';')[0]!, options).pending.categories).toEqual(['video']);
  });

  it.each([
    ['junk', 'x"; Domain=evil.test; Max-Age=999999999'],
    ['an expired decision', encodeDecision({ ...decision, time: NOW - 200 * DAY })],
    ['another revision', encodeDecision({ ...decision, revision: 1 })],
    ['no decision', ''],
    ['an undecided state', readConsent('', config)],
    ['null', null],
  ])('deletes the cookie for %s, never echoing the input', (_, input) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(consentCookie(input, config)).toBe('instria_consent=; Path=/; Max-Age=0; SameSite=Lax');
    vi.restoreAllMocks();
  });
});

describe('needsBanner and bannerPreload', () => {
  it('say nothing to a visitor whose decision counts', () => {
    expect(needsBanner(`instria_consent=${value}`, config)).toBe(false);
    expect(bannerPreload(`instria_consent=${value}`, config)).toBe('');
    expect(bannerPreload(`instria_consent=${value}`, { ...config, as: 'header' })).toBe('');
  });

  it('preload the UI file (the decision code inside) for a visitor who will be asked', () => {
    expect(needsBanner('', config)).toBe(true);
    expect(bannerPreload('', { ...config, base: '/dist' })).toBe(
      '<link rel="preload" as="script" href="/dist/instria-consent.ui.js">',
    );
    expect(bannerPreload(new Request('https://instria.fr/'), { ...config, base: 'https://cdn.test/consent/', as: 'header' })).toBe(
      '<https://cdn.test/consent/instria-consent.ui.js>; rel=preload; as=script',
    );
  });

  it('ask again when something was added since the decision', () => {
    expect(needsBanner(`instria_consent=${value}`, { ...config, categories: { ...config.categories, video: {} } })).toBe(true);
  });

  it('give the links the nonce, escaped', () => {
    expect(bannerPreload(undefined, { ...config, files: ['a.js'], nonce: 'r4nd"0m' })).toBe('<link rel="preload" as="script" href="/a.js" nonce="r4nd&#34;0m">');
  });
});

describe('consentCookieHandler over HTTP', () => {
  let http: Server;
  let origin: string;
  const nextCalls: number[] = [];
  beforeAll(async () => {
    const handle = consentCookieHandler({ ...config, path: '/consent-cookie' });
    http = createServer(async (req, res) => {
      if (!(await handle(req, res, () => nextCalls.push(1)))) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => http.close(resolve)));

  const post = (body: string, headers: Record<string, string> = {}, path = '/consent-cookie') =>
    fetch(origin + path, { method: 'POST', body, headers: { 'content-type': 'text/plain', ...headers } });

  it('answers a valid value 204 with the cookie', async () => {
    const response = await post(value, { 'sec-fetch-site': 'same-origin', origin });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toBe(`instria_consent=${value}; Path=/; Max-Age=${Math.floor((decision.time + 182 * DAY - NOW) / 1000)}; SameSite=Lax`);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('adds Secure behind an https proxy', async () => {
    expect((await post(value, { 'x-forwarded-proto': 'https' })).headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('answers an empty body (a reset) 204 with a deleting cookie', async () => {
    const response = await post('');
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toBe('instria_consent=; Path=/; Max-Age=0; SameSite=Lax');
  });

  it.each([
    ['junk', 'hello'],
    ['a header injection', `${value}\r\nSet-Cookie: admin=1`],
    ['another revision', encodeDecision({ ...decision, revision: 1 })],
    ['a body too large', `${value}${' '.repeat(5000)}x`],
  ])('answers %s 400 without a cookie', async (_, body) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.headers.get('set-cookie')).toBeNull();
    vi.restoreAllMocks();
  });

  it('answers a post from another site 403', async () => {
    expect((await post(value, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post(value, { origin: 'https://evil.test' })).status).toBe(403);
  });

  it('answers other methods 405', async () => {
    const response = await fetch(`${origin}/consent-cookie`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('leaves other paths to next()', async () => {
    expect((await post(value, {}, '/other')).status).toBe(404);
    expect(nextCalls).toEqual([1]);
  });

  it('takes a body an Express parser already read', async () => {
    const written: [number, Record<string, string>][] = [];
    const res = { writeHead: (status: number, headers: Record<string, string>) => (written.push([status, headers]), { end() {} }) };
    await consentCookieHandler(config)({ method: 'POST', url: '/consent-cookie', headers: {}, body: value, on() {} }, res);
    expect(written[0]![0]).toBe(204);
    expect(written[0]![1]['set-cookie']).toContain(value);
  });
});

describe('consentCookieResponse (Fetch API)', () => {
  it('answers a valid value 204 with a Secure cookie over https', async () => {
    const response = await consentCookieResponse(new Request('https://instria.fr/consent-cookie', { method: 'POST', body: value }), config);
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^instria_consent=${value.replace(/[.~!]/g, '\\$&')}; Path=/; Max-Age=\\d+; SameSite=Lax; Secure$`));
  });

  it('answers junk 400 and GET 405', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await consentCookieResponse(new Request('https://instria.fr/c', { method: 'POST', body: 'junk' }), config)).status).toBe(400);
    expect((await consentCookieResponse(new Request('https://instria.fr/c'), config)).status).toBe(405);
    vi.restoreAllMocks();
  });
});
