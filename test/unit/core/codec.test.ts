import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { decodeDecision, encodeDecision, isDecisionValid, serviceCode, type StoredDecision } from '../../../src/core/codec';

const decision: StoredDecision = {
  id: '3f0c8f0e-4d6b-4b8e-9a57-0c5a3c1d2e4f',
  time: Date.UTC(2026, 10, 27, 12),
  revision: 3,
  method: 'custom',
  categories: { analytics: true, marketing: false },
  services: { ga4: true, hotjar: false },
};
const rules = { revision: 3, expiresAfterDays: 182, now: decision.time + 1000 };

describe('encodeDecision / decodeDecision', () => {
  it('round-trips every field', () => {
    expect(decodeDecision(encodeDecision(decision))).toEqual(decision);
  });

  it('stays compact: under 300 bytes for the default categories', () => {
    const value = encodeDecision({ ...decision, categories: { analytics: false }, services: {} });
    expect(encodeURIComponent(value).length).toBeLessThan(300);
  });

  it.each([
    ['empty', ''],
    ['another format version', encodeDecision(decision).replace(/^1\./, '3.')],
    ['a field missing', encodeDecision(decision).split('.').slice(0, 6).join('.')],
    ['an unknown method', encodeDecision(decision).replace('.2.', '.9.')],
    ['a grant that is not 0 or 1', encodeDecision(decision).replace('analytics~1', 'analytics~yes')],
    ['a prototype key', encodeDecision(decision).replace('analytics~1', '__proto__~1')],
    ['a constructor key', encodeDecision(decision).replace('ga4~1', 'constructor~1')],
    ['a duplicate key', encodeDecision(decision).replace('marketing~0', 'analytics~0')],
    ['a time that is not base 36', encodeDecision(decision).replace(decision.time.toString(36), 'ZZZ')],
    ['JSON', JSON.stringify(decision)],
    ['not a string', 42],
  ])('returns null for %s', (_, value) => {
    expect(decodeDecision(value)).toBeNull();
  });

  it('never throws and never yields a grant from random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (value) => decodeDecision(value) === null),
      { numRuns: 5000 },
    );
  });

  it('returns null or a well-formed decision for any mutation of a valid value', () => {
    const valid = encodeDecision(decision);
    fc.assert(
      fc.property(fc.nat(valid.length), fc.string({ maxLength: 12 }), (at, insert) => {
        const decoded = decodeDecision(valid.slice(0, at) + insert + valid.slice(at + 1));
        if (decoded === null) return true;
        const keys = [...Object.keys(decoded.categories), ...Object.keys(decoded.services)];
        return (
          Number.isFinite(decoded.time) &&
          keys.every((key) => /^[\w-]+$/.test(key) && !['__proto__', 'constructor', 'prototype'].includes(key)) &&
          Object.getPrototypeOf(decoded.categories) === null
        );
      }),
      { numRuns: 5000 },
    );
  });
});

describe('isDecisionValid', () => {
  it('accepts a fresh decision of the same revision', () => {
    expect(isDecisionValid(decision, rules)).toBe(true);
  });
  it('rejects another revision', () => {
    expect(isDecisionValid(decision, { ...rules, revision: 4 })).toBe(false);
  });
  it('rejects a decision older than expiresAfterDays', () => {
    expect(isDecisionValid(decision, { ...rules, now: decision.time + 182 * 864e5 })).toBe(false);
    expect(isDecisionValid(decision, { ...rules, now: decision.time + 181 * 864e5 })).toBe(true);
  });
  it('rejects a decision dated in the future beyond clock skew', () => {
    expect(isDecisionValid(decision, { ...rules, now: decision.time - 2 * 864e5 })).toBe(false);
  });
  it('keeps a decision that lacks a category added since: valid for what it covers, the rest is pending', () => {
    expect(isDecisionValid({ ...decision, categories: { analytics: true } }, rules)).toBe(true);
  });
});

describe('old values', () => {
  it('still decode: no visitor loses a decision on upgrade', () => {
    // Written by 0.1 (every service listed, those of required categories too).
    const value = '1.3f0c8f0e-4d6b-4b8e-9a57-0c5a3c1d2e4f.mhx2k3a0.1.2.analytics~1!marketing~0.ga4~1!hotjar~0!ads~0!login~1';
    expect(decodeDecision(value, ['ga4', 'hotjar', 'ads', 'login'])).toEqual({
      id: '3f0c8f0e-4d6b-4b8e-9a57-0c5a3c1d2e4f',
      time: parseInt('mhx2k3a0', 36),
      revision: 1,
      method: 'custom',
      categories: { analytics: true, marketing: false },
      services: { ga4: true, hotjar: false, ads: false, login: true },
    });
  });
});

describe('the compact form', () => {
  /** `count` services with 30-character ids, every third refused. */
  const large = (count: number): StoredDecision => ({
    ...decision,
    services: Object.fromEntries(Array.from({ length: count }, (_, i) => [`vendor-${i}-`.padEnd(30, 'abcdefghij'), i % 3 > 0])),
  });

  it('is used, with a development warning, when the full value would take 3,000 bytes or more', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(encodeDecision(large(80))).toMatch(/^1\./);
    expect(warn).not.toHaveBeenCalled();
    const value = encodeDecision(large(150));
    expect(value).toMatch(/^2\./);
    expect(value.length).toBeLessThan(1700);
    expect(warn).toHaveBeenCalledWith('[instria-consent]', expect.stringMatching(/compact form/));
    warn.mockRestore();
  });

  it('round-trips given the configured service ids', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stored = large(150);
    expect(decodeDecision(encodeDecision(stored), Object.keys(stored.services))).toEqual(stored);
  });

  it('reads a service it does not list as undecided', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stored = large(150);
    const value = encodeDecision(stored);
    // A service added since: not in the value, so absent from the decision (pending).
    expect(decodeDecision(value, [...Object.keys(stored.services), 'hotjar'])!.services).not.toHaveProperty('hotjar');
    // Without the configured ids, codes name nothing: every service is undecided, none granted.
    expect(decodeDecision(value)!.services).toEqual({});
  });

  it('stores two granted ids of one code as refused: never granted by mistake', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    // FNV-1a collision, found by search.
    expect(serviceCode('vendor-6pf8')).toBe(serviceCode('vendor-nrj6'));
    const stored = large(150);
    const services = { ...stored.services, 'vendor-6pf8': true, 'vendor-nrj6': true };
    const decoded = decodeDecision(encodeDecision({ ...stored, services }), Object.keys(services))!;
    expect([decoded.services['vendor-6pf8'], decoded.services['vendor-nrj6']]).toEqual([false, false]);
  });

  it('codes every id in at most 7 base-36 characters', () => {
    fc.assert(fc.property(fc.stringMatching(/^[\w-]{1,40}$/), (id) => /^[0-9a-z]{1,7}$/.test(serviceCode(id))));
    expect(serviceCode('ga4')).toBe(serviceCode('ga4'));
    expect(serviceCode('ga4')).not.toBe(serviceCode('ga5'));
  });

  it.each([
    ['a code that is not a key', (v: string) => v.replace(/\.([0-9a-z]+)~1/, '.__proto__~1')],
    ['a duplicate code', (v: string) => v.replace(/\.([0-9a-z]+~[01])!/, '.$1!$1!')],
    ['3,000 bytes or more', (v: string) => `${v}!${'a'.repeat(3000)}~1`],
  ])('returns null for %s', (_, tamper) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stored = large(150);
    expect(decodeDecision(tamper(encodeDecision(stored)), Object.keys(stored.services))).toBeNull();
  });
});
