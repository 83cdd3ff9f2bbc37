import { beforeEach, describe, expect, it } from 'vitest';
import { vendorPlugins } from '../../../../src/core/integrations/vendors';
import { resolveOptions } from '../../../../src/core/options';
import { standardPlugins } from '../../../../src/core/plugins';
import { consoleSpy, testConsent } from '../../support';

const w = window as unknown as Record<string, any>;
const categories = { essential: { required: true }, analytics: {}, marketing: {} };

beforeEach(() => {
  for (const name of ['uetq', 'clarity', 'fbq', 'ttq']) delete w[name];
});

describe('vendorPlugins', () => {
  it('is off unless asked for: no option, no switch, nothing sent', () => {
    expect(vendorPlugins(resolveOptions({ categories }))).toEqual([]);
    expect(vendorPlugins(resolveOptions({ categories, clarity: false }), { clarity: true })).toEqual([]);
  });

  it('one add-on per vendor the options or, for an option left unset, the switches turn on', () => {
    expect(vendorPlugins(resolveOptions({ categories, clarity: true, metaPixel: { mapping: { consent: 'marketing' } } }))).toHaveLength(2);
    expect(vendorPlugins(resolveOptions({ categories }), { microsoftConsentMode: true, tiktokPixel: true, clarity: false })).toHaveLength(2);
  });

  it('an option of the wrong type is refused by resolveOptions, with a development warning', () => {
    const warned = consoleSpy('warn');
    expect(resolveOptions({ categories, clarity: 'yes' as never }).clarity).toBeUndefined();
    expect(warned()).toEqual(['option "clarity" is invalid ("yes"); using the default none']);
  });
});

describe('standardPlugins with the vendor signals', () => {
  it('installs them before gating: an accepted decision is sent before the gated tags it activates run', async () => {
    document.body.innerHTML = '<script type="text/plain" data-consent="marketing">void 0</script>';
    const inert = () => (document.querySelector('script[type="text/plain"]') ? 'inert' : 'live');
    const seen: string[] = [];
    w.ttq = Object.assign([], { grantConsent: () => seen.push(`grantConsent while the tag is ${inert()}`), holdConsent: () => seen.push('holdConsent') });
    const consent = testConsent({ categories, tiktokPixel: true }, { setup: { plugins: (options) => standardPlugins(options, vendorPlugins) } });
    await Promise.resolve(); // gating's first scan
    consent.acceptAll();
    await new Promise((resolve) => setTimeout(resolve));
    expect(seen).toEqual(['holdConsent', 'grantConsent while the tag is inert']);
    expect(inert()).toBe('live');
  });

  it('warns in development when the script tag runs without instria-consent.vendors.js', () => {
    const warned = consoleSpy('warn');
    standardPlugins(resolveOptions({ categories, metaPixel: true }));
    expect(warned()).toContainEqual(
      'the options microsoftConsentMode, clarity, metaPixel and tiktokPixel need instria-consent.vendors.js, loaded by a <script> before this one: no vendor signal is sent',
    );
  });
});
