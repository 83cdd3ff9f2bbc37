// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDecision, encodeDecision, serviceCode } from '../../../src/core/codec';

/**
 * docs/cookie-format.md is a specification other languages implement: its examples and test
 * vectors are checked here against the codec, so the page cannot drift from what the SDK writes.
 */
const spec = readFileSync(join(__dirname, '../../../docs/cookie-format.md'), 'utf8');
/** The page's lone code lines (its example values), by their first character. */
const values = spec.split('\n').filter((line) => /^[12]\.[\w-]{8,64}\./.test(line));

const decision = {
  id: '3f0c8f0e-4d6b-4b8e-9a57-0c5a3c1d2e4f',
  time: Date.UTC(2026, 10, 27, 12),
  revision: 1,
  method: 'custom' as const,
  categories: { analytics: true, marketing: false },
  services: { ga4: true, hotjar: false },
};

describe('docs/cookie-format.md', () => {
  it('shows the format 1 value the SDK writes, and its format 2 twin', () => {
    expect(values).toEqual([encodeDecision(decision), expect.stringMatching(/^2\./)]);
    expect(decodeDecision(values[1], ['ga4', 'hotjar'])).toEqual(decision);
    expect(spec).toContain(`\`${decision.time.toString(36)}\` = ${decision.time} ms`);
  });

  it('lists service codes the codec computes', () => {
    const rows = [...spec.matchAll(/^\| `([\w-]+)` \| `([0-9a-z]+)` \|$/gm)];
    expect(rows.length).toBe(4);
    for (const [, id, code] of rows) expect(serviceCode(id!)).toBe(code);
  });

  it('calls malformed what the codec rejects', () => {
    const base = encodeDecision(decision);
    for (const value of [base.replace(/^1/, '3'), '1.short.mwyxitc0.1.2..', '1.3f0c8f0e-4d6b-4b8e-9a57-0c5a3c1d2e4f.mwyxitc0.1.9..', base.replace('analytics~1', 'analytics~yes'), base.replace('marketing~0', 'analytics~0')]) {
      expect(decodeDecision(value), value).toBeNull();
    }
  });
});
