// @vitest-environment node
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the audit package is plain JavaScript with JSDoc types, which tsc here does not read
import { markdownTable, renderMarkdown, renderText, textTable } from '../../../audit/src/report.mjs';

const origin = 'http://127.0.0.1:4173';
const hotjar = { vendor: 'Hotjar', purpose: null, category: 'analytics', needsConsent: true, source: '' };
const phase = (id: string, extra = {}) => ({ phase: id, url: `${origin}/shop/`, error: null, via: 'api', visited: [], cookies: [], storage: [], requests: [], ...extra });
const report = {
  tool: '@instria/consent-audit',
  version: '0.1.0',
  start: `${origin}/shop/`,
  startedAt: '2026-11-30T08:00:00.000Z',
  durationMs: 12_345,
  exitCode: 1,
  result: 'violations' as const,
  violations: [
    { phase: 'before' as const, page: `${origin}/shop/`, kind: 'cookie' as const, name: '_hjSessionUser_1', where: '127.0.0.1', classification: hotjar, setBy: { url: 'http://rec.example.test/r.js', how: 'script' } },
  ],
  review: [],
  errors: [{ page: `${origin}/shop/cart`, phase: 'reject', message: 'timeout: … did not finish loading within 20 s (raise --timeout)' }],
  skipped: [{ page: `${origin}/shop/admin`, message: 'robots.txt disallows it' }],
  pages: [
    {
      url: `${origin}/shop/`,
      phases: {
        before: phase('before', {
          via: null,
          cookies: [{ name: '_hjSessionUser_1', domain: '127.0.0.1', path: '/', expires: '2027-11-30', httpOnly: false, secure: false, sameSite: 'Lax', setBy: { url: 'http://rec.example.test/r.js', how: 'script' }, classification: hotjar }],
        }),
        reject: phase('reject', { error: 'banner not found' }),
      },
    },
  ],
  config: { file: 'consent-config.js', neverSeen: [], undeclared: [{ kind: 'cookie', name: '_hjSessionUser_1', vendor: 'Hotjar', category: 'analytics' }], snippet: "categories: {\n  analytics: {\n  },\n}," },
};

describe('renderText', () => {
  const text = renderText(report as never);

  it('puts the result and the violations first, then errors, then each phase', () => {
    const order = ['Result', 'Violations (1)', 'Errors (1)', 'Skipped (1)', '/shop/ — Before any choice', '/shop/ — After Reject all', 'Configuration'].map((title) => text.indexOf(title));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('Exit code 1. 1 page(s) in 12.3 s.');
    expect(text).toMatch(/Before any choice\s+cookie\s+_hjSessionUser_1\s+Hotjar · analytics\s+script http:\/\/rec\.example\.test\/r\.js\s+\/shop\//);
    expect(text).toContain('Not audited: banner not found');
  });

  it('colours only when asked', () => {
    expect(text).not.toContain('\x1b[');
    expect(renderText(report as never, { color: true })).toContain('\x1b[31mViolations (1)');
  });
});

describe('renderMarkdown', () => {
  it('renders tables and the snippet as code', () => {
    const md = renderMarkdown(report as never);
    expect(md).toMatch(/^# Instria Consent audit of /);
    expect(md).toContain('| phase | kind | name | vendor · category | set by / first URL | page |');
    expect(md).toContain('```js\ncategories: {');
  });
});

describe('tables', () => {
  it('pads text columns, clips long cells, and escapes Markdown pipes', () => {
    expect(textTable(['a', 'b'], [['1', 'xxxxxxxxxx']], 5)).toBe('a  b\n─  ─────\n1  xxxx…');
    expect(markdownTable(['a'], [['x|y']])).toBe('| a |\n| --- |\n| x\\|y |');
  });
});
