import { afterEach, describe, expect, it, vi } from 'vitest';
import { uiLanguage } from '../../../src/core/language';
import { preferencesLabel } from '../../../src/ui/label';

describe('uiLanguage', () => {
  afterEach(() => {
    document.documentElement.lang = '';
  });

  it('resolves against the built-in languages and those the site translated', () => {
    document.documentElement.lang = 'de-AT';
    expect(uiLanguage({ language: 'auto', translations: {} })).toBe('en');
    expect(uiLanguage({ language: 'auto', translations: { de: {} } })).toBe('de');
    expect(uiLanguage({ language: 'fr', translations: {} })).toBe('fr');
  });
});

describe('preferencesLabel', () => {
  it('names the footer link in the UI language, with the site override first', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(preferencesLabel({ language: 'fr', translations: {} })).toBe('Préférences cookies');
    expect(preferencesLabel({ language: 'en', translations: {} })).toBe('Cookie preferences');
    expect(preferencesLabel({ language: 'fr', translations: { fr: { preferences: 'Vos cookies' } } })).toBe('Vos cookies');
    expect(warn).not.toHaveBeenCalled();
    // A language only the site gives falls back to English, and says so (once) in development.
    expect(preferencesLabel({ language: 'de', translations: { de: {} } })).toBe('Cookie preferences');
    expect(warn).toHaveBeenCalledWith('[instria-consent]', 'no "de" translation for "preferences"; using English');
    warn.mockRestore();
  });
});
