import { afterEach, describe, expect, it, vi } from 'vitest';
import { gating } from '../../../src/core/gating/index';
import { readTagOptions } from '../../../src/script-tag/boot';
import type { Consent, ConsentOptions } from '../../../src/core/types';
import { refusedLoads, testConsent } from '../support';

// Development warnings for the common silent mistakes.
const categories = { essential: { required: true }, analytics: {} } as const;
const instances: Consent[] = [];
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function make(options: ConsentOptions = {}, withUI = false) {
  const consent = testConsent({ categories, gating: false, plugins: [gating()], ...options }, { setup: withUI ? { loadUI: () => new Promise(() => {}) } : {} }) as Consent;
  instances.push(consent);
  return consent;
}
const warned = (spy: ReturnType<typeof vi.spyOn>) => spy.mock.calls.flat().join('\n');

afterEach(() => {
  for (const consent of instances.splice(0)) consent.destroy();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('a data-consent script without type="text/plain"', () => {
  it('is never run a second time after consent, and a development warning says why', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const loads = refusedLoads();
    document.body.innerHTML =
      '<script data-consent="analytics">window.ran = (window.ran || 0) + 1</script>' +
      '<script type="text/javascript" data-consent="analytics" src="https://cdn.test/a.js"></script>' +
      '<script type="text/plain" data-consent="analytics">window.gated = 1</script>';
    const [bare, typed, plain] = [...document.querySelectorAll('script')];
    const consent = make();
    await flush();
    consent.acceptAll();
    await flush();
    // The two the browser already ran stay as they are: no live copy.
    expect(bare!.isConnected).toBe(true);
    expect(typed!.isConnected).toBe(true);
    expect(document.querySelectorAll('script[src="https://cdn.test/a.js"]')).toHaveLength(1);
    // The gated one is activated as before.
    expect(plain!.isConnected).toBe(false);
    expect(warned(warn)).toMatch(/data-consent="analytics" script without type="text\/plain" ran before consent/);
    // Only the page's own parse asked for the external one: consent did not fetch it again.
    expect(loads()).toEqual(['https://cdn.test/a.js']);
  });
});

describe('options given silently wrong', () => {
  it('warns about a language that is neither built in nor translated', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    make({ language: 'ja', privacyPolicyUrl: '/p' });
    expect(warned(warn)).toMatch(/language "ja" is not built in and translations has no "ja"/);
    warn.mockClear();
    make({ language: 'fr-CA', privacyPolicyUrl: '/p' });
    make({ language: 'de', privacyPolicyUrl: '/p' });
    make({ language: 'no', privacyPolicyUrl: '/p' });
    make({ language: 'ja', translations: { ja: { acceptAll: 'すべて同意する' } }, privacyPolicyUrl: '/p' });
    make({ language: 'auto', privacyPolicyUrl: '/p' });
    expect(warned(warn)).not.toMatch(/language/);
  });

  it('warns when privacyPolicyUrl is not given and a banner can show it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    make({}, true);
    expect(warned(warn)).toMatch(/option "privacyPolicyUrl" is not set; the banner and dialog link to "\/privacy"/);
    warn.mockClear();
    make({ privacyPolicyUrl: '/legal' }, true);
    make({}, false); // headless: no banner shows the link
    expect(warned(warn)).not.toMatch(/privacyPolicyUrl/);
  });
});

describe('the SDK tag’s own data-* attributes', () => {
  it('suggests the closest known name for a misspelt one', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const script = document.createElement('script');
    script.setAttribute('data-privacy-polciy', '/privacy');
    script.setAttribute('data-langue', 'fr');
    script.setAttribute('data-cfasync', 'false'); // another tool's: far from every name, not ours to judge
    script.setAttribute('data-gpc', '');
    expect(readTagOptions(script)).toEqual({ gpc: true });
    expect(warned(warn)).toMatch(/data-privacy-polciy.*did you mean data-privacy-policy\?/);
    expect(warned(warn)).toMatch(/data-langue.*did you mean data-lang\?/);
    expect(warned(warn)).not.toMatch(/cfasync/);
  });
});
