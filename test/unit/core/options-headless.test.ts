import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsent } from '../../../src/core';
import { warnUnreadByCore } from '../../../src/core/options';
import type { Consent } from '../../../src/core/types';
import { memoryStorage } from '../../../src/storage/memory';

// @instria/consent/core used to accept these options and silently ignore them.
const instances: Consent[] = [];
afterEach(() => {
  for (const consent of instances.splice(0)) consent.destroy();
  vi.restoreAllMocks();
});

/** The headless entry as a plain-JS caller uses it: whatever options, no types to stop them. */
function headless(options: Record<string, unknown>) {
  const consent = createConsent({ storage: memoryStorage(), controller: 'Instria', ...options } as never) as Consent;
  instances.push(consent);
  return consent;
}

const warnings = (spy: { mock: { calls: unknown[][] } }): string[] => spy.mock.calls.map((call) => call.join(' '));

describe('the headless entry, given the full entry’s options', () => {
  it('warns once, naming each ignored option and the plugin or entry that reads it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    headless({ googleConsentMode: true, recordEndpoint: '/records', gating: true, theme: 'dark', widget: 'floating' });
    expect(warnings(warn).filter((text) => text.includes('@instria/consent/core'))).toEqual([
      '[instria-consent] @instria/consent/core ignores the options googleConsentMode, recordEndpoint, gating, theme, widget: ' +
        'here googleConsentMode(), consentRecords(url) and gating() are plugins (option "plugins"), ' +
        'and only @instria/consent draws a UI (theme, layout, logo, widget, nonce)',
    ]);
  });

  it('names every option of the full entry that it does not read', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    warnUnreadByCore({ layout: 'box', logo: { src: '/l.svg', alt: 'L' }, nonce: 'n', revision: 2 });
    expect(warnings(warn)).toEqual([expect.stringContaining('ignores the options layout, logo, nonce: ')]);
  });

  it('says nothing for the options it reads, for unset ones, and for false (nothing asked)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    headless({ revision: 2, privacyPolicyUrl: '/privacy', language: 'fr', gating: false, googleConsentMode: false, theme: undefined });
    warnUnreadByCore(undefined);
    warnUnreadByCore('garbage');
    expect(warnings(warn).filter((text) => text.includes('@instria/consent/core'))).toEqual([]);
  });

  it('still starts, ignoring them as before: no gating, no Consent Mode', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    document.body.innerHTML = '<script type="text/plain" data-consent="analytics">window.gatedRan = 1</script>';
    const consent = headless({ googleConsentMode: true, gating: true });
    consent.acceptAll();
    expect(consent.granted('analytics')).toBe(true);
    expect((window as { gatedRan?: number }).gatedRan).toBeUndefined();
    expect((window as { dataLayer?: unknown[] }).dataLayer).toBeUndefined();
    document.body.innerHTML = '';
  });
});
