import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cookieTable, renderCookieTable } from '../../src/core/inventory';
// @ts-expect-error: a plain .mjs helper of the example, untyped
import { siteConfig, withTable } from '../../examples/website/build-cookie-table.mjs';

// The website example publishes the cookie table its configuration implies:
// the page must not drift from the configuration the banner uses.
describe('examples/website/privacy.html', () => {
  it('shows the cookie table rendered from assets/consent-config.js', () => {
    const html = readFileSync('examples/website/privacy.html', 'utf8');
    const table = renderCookieTable(cookieTable(siteConfig()));
    expect(html).toContain(table.trimEnd());
    // The generator would write nothing new: run `node examples/website/build-cookie-table.mjs` to refresh.
    expect(withTable(html, table)).toBe(html);
  });

  it('lists the consent cookie and Google Analytics, with who, why and how long', () => {
    const rows = cookieTable(siteConfig());
    expect(rows[0]).toEqual({ name: 'instria_consent', provider: 'Instria', purpose: 'Remembers your cookie choices', duration: '182 days', category: 'essential' });
    expect(rows.filter((row) => row.service === 'ga4').map((row) => row.name)).toEqual(['_ga', '_ga_*', '_gid']);
  });
});
