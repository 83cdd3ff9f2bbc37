import { afterEach, describe, expect, it, vi } from 'vitest';
import { languageFiles, languageReady, loadedLanguages, uiLanguage } from '../../../src/core/language';
import { resolveOptions } from '../../../src/core/options';
import type { ResolvedOptions } from '../../../src/core/types';
import { consoleSpy } from '../support';

const resolved = (language: string, translations = {}) => resolveOptions({ language, translations }) as ResolvedOptions;

afterEach(() => {
  document.documentElement.lang = '';
  delete languageFiles.load;
  delete window.InstriaConsentLanguages;
  vi.restoreAllMocks();
});

describe('uiLanguage', () => {
  it('resolves against every EEA language and those the site translated', () => {
    document.documentElement.lang = 'de-AT';
    expect(uiLanguage({ language: 'auto', translations: {} })).toBe('de');
    document.documentElement.lang = 'ja';
    expect(uiLanguage({ language: 'auto', translations: {} })).toBe('en');
    expect(uiLanguage({ language: 'auto', translations: { ja: {} } })).toBe('ja');
    expect(uiLanguage({ language: 'fr', translations: {} })).toBe('fr');
  });

  it('takes a region\'s language, and Norwegian (no) as Bokmål (nb)', () => {
    for (const [page, lang] of [['pt-BR', 'pt'], ['nb-NO', 'nb'], ['no', 'nb'], ['NO-no', 'nb'], ['sv-FI', 'sv'], ['ga-IE', 'ga']]) {
      document.documentElement.lang = page!;
      expect(uiLanguage({ language: 'auto', translations: {} }), page).toBe(lang);
    }
    // Not Norwegian: a code that only starts with the letters.
    document.documentElement.lang = 'nog';
    expect(uiLanguage({ language: 'auto', translations: {} })).toBe('en');
  });

  it('then the browser\'s languages, in order', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['ja', 'pl-PL', 'de']);
    expect(uiLanguage({ language: 'auto', translations: {} })).toBe('pl');
  });

  it('reads the browser\'s languages only when <html lang> has no match (work at every start)', () => {
    const languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['pl']);
    document.documentElement.lang = 'de-AT';
    expect(uiLanguage({ language: 'auto', translations: {} })).toBe('de');
    expect(uiLanguage({ language: 'fr', translations: {} })).toBe('fr');
    expect(languages).not.toHaveBeenCalled();
    document.documentElement.lang = 'ja';
    expect(uiLanguage({ language: 'auto', translations: {} })).toBe('pl');
  });
});

describe('languageReady', () => {
  const german = { acceptAll: 'Alle akzeptieren' };

  it('waits for nothing in English, French, a language only the site has, or without a loader', () => {
    const load = vi.fn(async () => german);
    expect(languageReady(resolved('de'))).toBeUndefined();
    languageFiles.load = load;
    for (const language of ['en', 'fr-CA', 'ja']) expect(languageReady(resolved(language, { ja: {} })), language).toBeUndefined();
    expect(load).not.toHaveBeenCalled();
  });

  it('loads the language once for every caller, then it is there for every lookup', async () => {
    const load = vi.fn(async () => german);
    languageFiles.load = load;
    const options = resolved('de-DE');
    await Promise.all([languageReady(options), languageReady(options)]);
    expect(load.mock.calls).toEqual([['de']]);
    expect(loadedLanguages().de).toBe(german);
    expect(languageReady(options)).toBeUndefined();
  });

  it('a file that cannot load leaves the page in English, said once, and the next instance tries again', async () => {
    const warned = consoleSpy('warn');
    languageFiles.load = vi.fn().mockRejectedValueOnce(new Error('https://cdn.test/instria-consent.lang-pl.js could not be loaded')).mockResolvedValueOnce(german);
    const first = resolved('pl');
    await languageReady(first);
    expect(uiLanguage(first)).toBe('en');
    expect(warned()).toEqual(['[instria-consent] showing English; nothing is granted. Error: https://cdn.test/instria-consent.lang-pl.js could not be loaded']);
    const second = resolved('pl');
    await languageReady(second);
    expect(uiLanguage(second)).toBe('pl');
    expect(loadedLanguages().pl).toBe(german);
    expect(languageFiles.load).toHaveBeenCalledTimes(2);
  });
});
