// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeDecision } from '../../../src/core/codec';
import { consentCookieHandler } from '../../../src/server';
import { startReceiver } from '../../../examples/consent-log-server/server.mjs';

/** The consent-log receiver's consent-cookie route (`consentCookie` option): the SDK's `serverCookie` endpoint beside the records. */
describe('examples/consent-log-server: the consent-cookie route', () => {
  let close: () => Promise<void>;
  let url: string;
  const value = encodeDecision({ id: '3f0c8f0e-4d6b-4b8e', time: Date.now(), revision: 2, method: 'reject-all', categories: { analytics: false }, services: {} });

  beforeAll(async () => {
    ({ close, url } = await startReceiver({ port: 0, dbFile: ':memory:', consentCookie: consentCookieHandler({ revision: 2, cookie: { domain: 'instria.test' } }) }));
  });
  afterAll(() => close());

  it('answers a decision with the consent cookie', async () => {
    const response = await fetch(`${url}/consent-cookie`, { method: 'POST', body: value });
    expect(response.status).toBe(204);
    const [cookie, maxAge] = response.headers.get('set-cookie')!.split(/; Max-Age=(\d+)/);
    expect(cookie).toBe(`instria_consent=${value}; Path=/`);
    expect(Number(maxAge)).toBeGreaterThan(182 * 86400 - 60);
    expect(response.headers.get('set-cookie')).toMatch(/; Domain=instria\.test; SameSite=Lax$/);
  });

  it('refuses what is not a decision under the site options, and a post from another site', async () => {
    expect((await fetch(`${url}/consent-cookie`, { method: 'POST', body: value.replace(/\.2\.1\./, '.1.1.') })).status).toBe(400);
    expect((await fetch(`${url}/consent-cookie`, { method: 'POST', body: value, headers: { origin: 'https://evil.test' } })).status).toBe(403);
  });

  it('still receives records on its records path', async () => {
    expect((await fetch(`${url}/records`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(422);
  });
});
