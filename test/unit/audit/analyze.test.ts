// @vitest-environment node
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the audit package is plain JavaScript with JSDoc types, which tsc here does not read
import { classifyPhase, exitCode, judge } from '../../../audit/src/analyze.mjs';
// @ts-expect-error: the audit package is plain JavaScript with JSDoc types, which tsc here does not read
import { declaredBy } from '../../../audit/src/config.mjs';

type Row = { phase: string; name: string };

const context = declaredBy({ categories: { essential: { required: true }, ads: { services: { pixel: { label: 'Pixel', hosts: ['pixel.example.test'] } } } } });
const cookie = (name: string, by: string | null = null) => ({
  name,
  domain: '127.0.0.1',
  path: '/',
  expires: -1,
  httpOnly: false,
  secure: false,
  sameSite: 'Lax',
  setBy: by ? { url: by, how: 'script' } : null,
});
const raw = (phase: 'before' | 'reject' | 'accept' | 'withdraw', extra: Record<string, unknown> = {}) => ({
  phase,
  url: 'http://127.0.0.1:4173/shop/',
  error: null,
  via: null,
  links: [],
  visited: ['http://127.0.0.1:4173/shop/'],
  cookies: [],
  storage: [],
  requests: [],
  ...extra,
});

describe('classifyPhase', () => {
  it('keeps requests to other sites only, one row per host with its count and types', () => {
    const found = classifyPhase(
      raw('before', {
        requests: [
          { url: 'http://127.0.0.1:4173/shop/app.js', type: 'script', frame: null },
          { url: 'http://pixel.example.test/p.js', type: 'script', frame: null },
          { url: 'http://pixel.example.test/hit', type: 'image', frame: null },
          { url: 'data:,', type: 'image', frame: null },
        ],
      }),
      context,
    );
    expect(found.requests).toEqual([
      expect.objectContaining({ host: 'pixel.example.test', count: 2, types: ['script', 'image'], url: 'http://pixel.example.test/p.js' }),
    ]);
    expect(found.requests[0]!.classification).toMatchObject({ vendor: 'Pixel', needsConsent: true });
  });

  it('names an unknown host after what its script was seen writing, and says so', () => {
    const found = classifyPhase(
      raw('before', {
        cookies: [cookie('_hjSessionUser_1', 'http://rec.example.test/r.js')],
        requests: [{ url: 'http://rec.example.test/r.js', type: 'script', frame: null }],
      }),
      context,
    );
    expect(found.requests[0]!.classification).toMatchObject({ vendor: 'Hotjar', category: 'analytics', needsConsent: true });
    expect(found.requests[0]!.classification.source).toMatch(/^seen: a script from this host wrote _hjSessionUser_1/);
    expect(found.cookies[0]).toMatchObject({ expires: 'session', classification: { vendor: 'Hotjar' } });
  });
});

describe('judge', () => {
  const pages = [
    {
      url: 'http://127.0.0.1:4173/shop/',
      phases: {
        before: classifyPhase(raw('before', { cookies: [cookie('_ga'), cookie('theme')] }), context),
        accept: classifyPhase(raw('accept', { cookies: [cookie('_fbp')] }), context),
        withdraw: classifyPhase(raw('withdraw', { cookies: [cookie('instria_consent'), cookie('_uetvid')] }), context),
      },
    },
  ];

  it('finds what needs consent before a choice, after a refusal or a withdrawal, never after Accept all', () => {
    const { violations, review } = judge(pages);
    expect(violations.map((v: Row) => `${v.phase} ${v.name}`)).toEqual(['before _ga', 'withdraw _uetvid']);
    expect(review.map((v: Row) => `${v.phase} ${v.name}`)).toEqual(['before theme']);
  });

  it('counts unknown items as violations with `strict`', () => {
    expect(judge(pages, { strict: true }).violations.map((v: Row) => v.name)).toEqual(['_ga', 'theme', '_uetvid']);
  });

  it('skips a phase that could not be audited', () => {
    const failed = [{ url: 'x', phases: { before: { ...pages[0]!.phases.before, error: 'timeout' } } }];
    expect(judge(failed).violations).toEqual([]);
  });
});

describe('exitCode', () => {
  it('is 1 for a violation, else 2 when something could not be audited, else 0', () => {
    const violation = { name: '_ga' } as never;
    const error = { page: 'x', phase: null, message: 'timeout' };
    expect(exitCode({ violations: [violation], errors: [error], pages: 1 })).toBe(1);
    expect(exitCode({ violations: [], errors: [error], pages: 1 })).toBe(2);
    expect(exitCode({ violations: [], errors: [], pages: 0 })).toBe(2);
    expect(exitCode({ violations: [], errors: [], pages: 3 })).toBe(0);
  });
});
