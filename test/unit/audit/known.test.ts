// @vitest-environment node
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the audit package is plain JavaScript with JSDoc types, which tsc here does not read
import { KNOWN, knownItem, matchesKnown } from '../../../audit/src/known.mjs';

describe('the built-in list', () => {
  it('gives every entry a vendor, a purpose, a category and a source a reader can open', () => {
    for (const item of KNOWN) {
      expect(item.vendor, item.name).toBeTruthy();
      expect(item.purpose, item.name).toBeTruthy();
      expect(['essential', 'functional', 'analytics', 'marketing'], item.name).toContain(item.category);
      expect(item.source, item.name).toMatch(/^https:\/\/\S+$/);
    }
  });

  it('matches exact names and prefixes, case-sensitively', () => {
    expect(knownItem('_ga', 'cookie')?.vendor).toBe('Google Analytics');
    expect(knownItem('_ga_DEMO123', 'cookie')?.purpose).toMatch(/session/);
    expect(knownItem('_pk_id.1.1fff', 'cookie')?.vendor).toBe('Matomo');
    expect(knownItem('_hjSessionUser_1234', 'cookie')?.vendor).toBe('Hotjar');
    expect(knownItem('ph_phc_abc_posthog', 'storage')?.vendor).toBe('PostHog');
    expect(knownItem('_GA', 'cookie')).toBeUndefined();
    expect(knownItem('_gateway_session', 'cookie')).toBeUndefined();
    expect(knownItem('session', 'cookie')).toBeUndefined();
  });

  it('keeps cookies and storage keys apart, and prefers an exact name to a prefix', () => {
    expect(knownItem('_fbp', 'storage')).toBeUndefined();
    expect(knownItem('_clck', 'storage')?.vendor).toBe('Microsoft Clarity');
    expect(knownItem('instria_consent_records', 'storage')?.category).toBe('essential');
    expect(knownItem('mtm_consent_removed', 'cookie')?.category).toBe('essential');
    expect(matchesKnown({ name: '_ga_*' }, '_ga_')).toBe(true);
    expect(matchesKnown({ name: 'ph_*_posthog' }, 'ph_posthog')).toBe(false);
  });
});
