import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGE_FILES, languageFiles } from '../../../src/core/language';
import { createConsent, mountPreferencesLink } from '../../../src/index';
import { LANGUAGE_IMPORTS } from '../../../src/ui/languages';

// The npm entry: a language other than English and French is an import() of its own, which the
// app's bundler splits; it comes with the UI, and with what else shows text.

const shadow = () => document.querySelector('instria-consent')?.shadowRoot ?? null;

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  document.documentElement.lang = '';
  delete window.InstriaConsentLanguages;
  delete languageFiles.load;
});

describe('the npm entry\'s languages', () => {
  it('has an import() for every language file, each module exporting its strings under its code', async () => {
    expect(Object.keys(LANGUAGE_IMPORTS).sort()).toEqual([...LANGUAGE_FILES].sort());
    for (const [code, load] of Object.entries(LANGUAGE_IMPORTS)) expect((await load())[code]?.acceptAll, code).toBeTruthy();
  });

  it('a German page gets the banner, its root and the footer link in German', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    document.documentElement.lang = 'de-AT';
    document.body.innerHTML = '<footer></footer>';
    const consent = createConsent({ privacyPolicyUrl: '/datenschutz' });
    mountPreferencesLink(document.querySelector('footer')!, consent);
    await vi.waitFor(() => expect(shadow()?.querySelector('[data-part=banner]')).toBeTruthy());
    const buttons = [...shadow()!.querySelectorAll('[data-part=banner] button')].map((button) => button.textContent);
    expect(buttons).toEqual(expect.arrayContaining(['Alle akzeptieren', 'Alle ablehnen']));
    expect(shadow()!.querySelector<HTMLElement>('[data-part=root]')!.lang).toBe('de');
    expect(document.querySelector('footer a')!.textContent).toBe('Cookie-Einstellungen');
    consent.destroy();
  });
});
