import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveOptions } from '../../../src/core/options';

afterEach(() => vi.restoreAllMocks());
const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => {});

describe('resolveOptions', () => {
  it('fills in the privacy policy defaults', () => {
    const options = resolveOptions(undefined);
    expect(options).toMatchObject({
      revision: 1,
      expiresAfterDays: 182,
      language: 'auto',
      privacyPolicyUrl: '/privacy',
      gpc: true,
      googleConsentMode: false,
      optional: ['analytics'],
      cookie: { name: 'instria_consent', path: '/', sameSite: 'Lax', domain: undefined },
    });
    expect(options.categories).toEqual({ essential: { required: true }, analytics: {} });
  });

  it('clamps expiresAfterDays to 1..395 with a warning', () => {
    const warn = quiet();
    expect(resolveOptions({ expiresAfterDays: 1000 }).expiresAfterDays).toBe(395);
    expect(resolveOptions({ expiresAfterDays: 0 }).expiresAfterDays).toBe(1);
    expect(warn).toHaveBeenCalledWith('[instria-consent]', expect.stringContaining('clamped'));
  });

  it.each([
    ['an unknown option', { analytcs: true }, 'unknown option "analytcs"'],
    ['a wrong type', { revision: 'two' }, 'option "revision" has an invalid value'],
    ['a bad category id', { categories: { 'bad id': {} } }, 'category "bad id" is not valid'],
    ['a duplicate service id', { categories: { a: { services: { x: {} } }, b: { services: { x: {} } } } }, 'service id "x"'],
    ['a cookie domain of another site', { cookie: { domain: 'other.example' } }, 'cookie.domain "other.example"'],
  ])('warns once about %s and uses a safe value', (_, input, message) => {
    const warn = quiet();
    expect(() => resolveOptions(input as never)).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![1]).toContain(message);
  });

  it('never throws on garbage', () => {
    quiet();
    for (const input of [null, 42, 'x', [], { categories: 'x' }, { cookie: 5 }, { categories: { a: null } }]) {
      expect(() => resolveOptions(input as never)).not.toThrow();
    }
  });

  it('accepts a cookie domain that covers the host', () => {
    // happy-dom's default URL is http://localhost:3000; use a page on a sub-domain.
    const options = resolveOptions({ cookie: { domain: 'localhost' } });
    expect(options.cookie.domain).toBeUndefined();
  });

  it('maps googleConsentMode: true to default settings', () => {
    expect(resolveOptions({ googleConsentMode: true }).googleConsentMode).toEqual({});
    expect(resolveOptions({ googleConsentMode: { waitForUpdate: 800 } }).googleConsentMode).toEqual({ waitForUpdate: 800 });
  });
});
