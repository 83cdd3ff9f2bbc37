import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDecision, encodeDecision, isDecisionValid, type StoredDecision } from '../../../src/core/codec';

const decision: StoredDecision = {
  id: '3f0c8f0e-4d6b-4b8e-9a57-0c5a3c1d2e4f',
  time: Date.UTC(2026, 10, 27, 12),
  revision: 3,
  method: 'custom',
  categories: { analytics: true, marketing: false },
  services: { ga4: true, hotjar: false },
};
const rules = { revision: 3, expiresAfterDays: 182, optional: ['analytics', 'marketing'], now: decision.time + 1000 };

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
    ['another format version', encodeDecision(decision).replace(/^1\./, '2.')],
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
  it('rejects a decision missing a choice for a new optional category', () => {
    expect(isDecisionValid(decision, { ...rules, optional: ['analytics', 'marketing', 'functional'] })).toBe(false);
  });
});
