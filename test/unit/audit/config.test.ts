// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the audit package is plain JavaScript with JSDoc types, which tsc here does not read
import { compare, declaredBy, loadConfig, serviceId, snippet } from '../../../audit/src/config.mjs';

const finding = (kind: 'cookie' | 'storage' | 'request', name: string, classification: Record<string, unknown>, setBy: { url: string; how: string } | null = null) => ({
  phase: 'accept' as const,
  page: 'http://127.0.0.1:4173/shop/',
  kind,
  name,
  where: '',
  setBy,
  classification: { vendor: null, purpose: null, category: 'unknown', needsConsent: null, source: '', ...classification },
});

describe('loadConfig', () => {
  it('reads the script a site already has (window.InstriaConsentConfig), RegExps included', async () => {
    const config = await loadConfig('examples/website/assets/consent-config.js');
    const { declared } = declaredBy(config);
    const ga4 = declared.find((entry: { service: string | null }) => entry.service === 'ga4')!;
    expect(ga4.cookies.map(String)).toEqual(['/^_ga$/', '/^_ga_/', '_gid']);
    expect(ga4.cookies[0]).toBeInstanceOf(RegExp);
  });

  it('reads an ES module’s default export and JSON, and says what is wrong with a file that sets nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-config-'));
    writeFileSync(join(dir, 'c.mjs'), "export default { categories: { ads: { services: { x: { hosts: ['x.test'] } } } } };");
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ cookie: { name: 'mine' } }));
    writeFileSync(join(dir, 'empty.js'), 'var nothing = 1;');
    expect(declaredBy(await loadConfig(join(dir, 'c.mjs'))).declared[1]).toMatchObject({ service: 'x', hosts: ['x.test'] });
    expect(declaredBy(await loadConfig(join(dir, 'c.json'))).consentCookie).toBe('mine');
    await expect(loadConfig(join(dir, 'empty.js'))).rejects.toThrow('does not set window.InstriaConsentConfig');
  });
});

describe('declaredBy', () => {
  it('falls back to the SDK’s default categories and cookie name', () => {
    expect(declaredBy({})).toMatchObject({ consentCookie: 'instria_consent', declared: [{ category: 'essential', required: true }, { category: 'analytics', required: false }] });
  });
});

describe('compare', () => {
  const context = declaredBy({
    categories: { analytics: { services: { ga4: { label: 'GA', cookies: [/^_ga/, '_gid'], hosts: ['google-analytics.com'] } } } },
  });

  it('lists what is declared and never seen, and what is seen and declared nowhere', () => {
    const result = compare(context, [
      finding('cookie', '_ga', { vendor: 'Google Analytics', category: 'analytics', needsConsent: true }),
      finding('cookie', 'instria_consent', { category: 'essential', needsConsent: false }),
      finding('cookie', '_fbp', { vendor: 'Meta Pixel', category: 'marketing', needsConsent: true }),
      finding('request', 'cdn.jsdelivr.net', { category: 'cdn', needsConsent: false }),
      finding('storage', 'prefs', {}),
    ]);
    expect(result.neverSeen).toEqual([
      { category: 'analytics', service: 'ga4', kind: 'cookie', matcher: "'_gid'" },
      { category: 'analytics', service: 'ga4', kind: 'host', matcher: 'google-analytics.com' },
    ]);
    expect(result.undeclared).toEqual([
      { kind: 'cookie', name: '_fbp', vendor: 'Meta Pixel', category: 'marketing' },
      { kind: 'storage', name: 'prefs', vendor: null, category: 'unknown' },
    ]);
    expect(result.snippet).toContain("metaPixel: { label: 'Meta Pixel', cookies: ['_fbp'] },");
  });
});

describe('snippet', () => {
  it('proposes one service per vendor, prefixes as RegExps, and the hosts of requests and of the scripts that wrote cookies', () => {
    const text = snippet([
      finding('cookie', '_hjSessionUser_1', { vendor: 'Hotjar', category: 'analytics', needsConsent: true }, { url: 'http://rec.example.test/r.js', how: 'script' }),
      finding('request', 'rec.example.test', { vendor: 'Hotjar', category: 'analytics', needsConsent: true }),
      finding('request', 'connect.facebook.net', { vendor: 'Facebook', category: 'social', needsConsent: true }),
      finding('cookie', 'x', {}),
    ]);
    expect(text).toBe(
      [
        'categories: {',
        '  analytics: {',
        '    services: {',
        "      hotjar: { label: 'Hotjar', cookies: [/^_hj/], hosts: ['rec.example.test'] },",
        '    },',
        '  },',
        '  marketing: {',
        '    services: {',
        "      facebook: { label: 'Facebook', hosts: ['connect.facebook.net'] },",
        '    },',
        '  },',
        '},',
      ].join('\n'),
    );
    expect(snippet([finding('cookie', 'x', {})])).toBeNull();
  });

  it('makes ids the SDK accepts from vendor names', () => {
    expect(serviceId('Microsoft Advertising (UET)')).toBe('microsoftAdvertisingUet');
    expect(serviceId('1&1 Ionos')).toMatch(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/);
  });
});
