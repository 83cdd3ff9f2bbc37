import { afterEach, describe, expect, it, vi } from 'vitest';
import { PLACEHOLDER_MESSAGES } from '../../../src/core/gating/placeholder';
import { BUNDLED, uiLanguage } from '../../../src/core/language';
import { fill, finder, finderIn, lookup, type Catalogs } from '../../../src/core/messages';
import { resolveOptions } from '../../../src/core/options';
import { DIALOG_MESSAGES } from '../../../src/ui/dialog-messages';
import { UI_MESSAGES } from '../../../src/ui/i18n';
import { LABELS } from '../../../src/ui/label';

/** As resolveOptions leaves them: the language resolved once. */
const options = (language: string, translations: Record<string, Record<string, string>> = {}) => ({ language: uiLanguage({ language, translations }), translations });
const BUILT_IN = [UI_MESSAGES, DIALOG_MESSAGES, LABELS, PLACEHOLDER_MESSAGES] as const;
/** All the built-in strings, by language. */
const ALL: Catalogs = {
  en: { ...UI_MESSAGES.en, ...DIALOG_MESSAGES.en, ...PLACEHOLDER_MESSAGES.en },
  fr: { ...UI_MESSAGES.fr, ...DIALOG_MESSAGES.fr, ...PLACEHOLDER_MESSAGES.fr },
};
/** Every key English has. */
const KEYS = Object.keys(ALL.en);
const warnings = () => vi.spyOn(console, 'warn').mockImplementation(() => {});

afterEach(() => {
  document.documentElement.lang = '';
  vi.restoreAllMocks();
});

const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => {});

describe('fill', () => {
  it('puts a value in every place its name occurs', () => {
    expect(fill('{service} is blocked. Allowing it lets {service} set cookies.', { service: 'YouTube' })).toBe(
      'YouTube is blocked. Allowing it lets YouTube set cookies.',
    );
    expect(fill('{site}, {purposes}; {site} again', { site: 'Instria', purposes: 'Analytics' })).toBe('Instria, Analytics; Instria again');
    expect(fill('{n} more, {n} in all', { n: '3' })).toBe('3 more, 3 in all');
  });

  it('leaves a name it has no value for as written, and never searches a value again', () => {
    expect(fill('{site} and {unknown}', { site: 'A' })).toBe('A and {unknown}');
    expect(fill('{site}: {purposes}', { site: '{purposes}', purposes: 'Analytics' })).toBe('{purposes}: Analytics');
    expect(fill('', { site: 'A' })).toBe('');
  });
});

describe('lookup', () => {
  const builtIn: Catalogs = { en: { close: 'Close', save: 'Save', analytics: 'Analytics' }, fr: { close: 'Fermer' } };

  it('takes the site override, then the fallback, then the built-in string of the language', () => {
    const { lang, t } = lookup(options('fr', { fr: { save: 'Garder' } }), builtIn);
    expect(lang).toBe('fr');
    expect(t('save')).toBe('Garder');
    expect(t('save', 'from options')).toBe('Garder');
    expect(t('close', 'from options')).toBe('from options');
    expect(t('close')).toBe('Fermer');
  });

  it('then English, with a development warning', () => {
    const warn = warnings();
    const { t } = lookup(options('fr'), builtIn);
    expect(t('save')).toBe('Save');
    expect(warn).toHaveBeenCalledWith('[instria-consent]', 'no "fr" translation for "save"; using English');
  });

  it('then, never the key: no description, else the key in words', () => {
    const { t } = lookup(options('en'), builtIn);
    expect(t('media.d')).toBe('');
    expect(t('social_media')).toBe('Social media');
    expect(t('media.d', 'Videos we embed')).toBe('Videos we embed');
  });

  it('is the chain of finder(), which gives undefined rather than a key', () => {
    const find = finder(options('fr', { fr: { save: 'Garder' } }), builtIn);
    expect([find('save'), find('close', 'from options'), find('close'), find('media.d'), find('social')]).toEqual([
      'Garder',
      'from options',
      'Fermer',
      undefined,
      undefined,
    ]);
    expect(finderIn('fr', options('auto'), builtIn)('close')).toBe('Fermer');
  });

  it('shows strings only: a translation of another type is passed over, the built-in text shows', () => {
    quiet();
    const resolved = resolveOptions({ language: 'fr', translations: { fr: { save: 42, close: { text: 'x' }, media: ['a'], accept: 'Oui' } } as never });
    const find = finder(resolved, builtIn);
    expect([find('save'), find('close'), find('media'), find('accept')]).toEqual(['Save', 'Fermer', undefined, 'Oui']);
    for (const fr of [42, 'Fermer la fenêtre', null, ['x']]) {
      expect(finder(resolveOptions({ language: 'fr', translations: { fr } } as never), builtIn)('close')).toBe('Fermer');
    }
  });

  it('speaks a language only the site gives, English for what it lacks', () => {
    const warn = warnings();
    document.documentElement.lang = 'nl-BE';
    const { lang, t } = lookup(options('auto', { nl: { close: 'Sluiten' } }), builtIn);
    expect(lang).toBe('nl');
    expect(t('close')).toBe('Sluiten');
    expect(t('save')).toBe('Save');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('warns once per language and key, however many lookups and renders ask', () => {
    const warn = warnings();
    const site = options('da', { da: { close: 'Luk' } });
    for (let i = 0; i < 3; i++) {
      const { t } = lookup(site, builtIn);
      t('save');
      t('save');
      t('analytics');
      finder(site, builtIn)('save');
    }
    expect(warn.mock.calls.map((call) => call[1])).toEqual([
      'no "da" translation for "save"; using English',
      'no "da" translation for "analytics"; using English',
    ]);
    lookup(options('sv', { sv: {} }), builtIn).t('save');
    expect(warn).toHaveBeenCalledTimes(3);
  });
});

describe('the languages bundled in the files that show text', () => {
  it('are the languages of every built-in catalog', () => {
    for (const catalogs of BUILT_IN) expect(Object.keys(catalogs)).toEqual([...BUNDLED]);
  });

  it('the UI has the footer link’s strings, which the floating button carries alone', () => {
    for (const lang of BUNDLED) expect(UI_MESSAGES[lang]).toMatchObject(LABELS[lang]);
  });

  it('each have every key English has, with the same {values}', () => {
    const values = (text: string) => [...text.matchAll(/\{\w+\}/g)].map(String).sort();
    for (const catalogs of BUILT_IN) {
      const en: Record<string, string> = catalogs.en;
      for (const lang of BUNDLED) {
        const own: Record<string, string> = catalogs[lang];
        expect(Object.keys(own), lang).toEqual(Object.keys(en));
        for (const key of Object.keys(en)) expect(new Set(values(own[key]!)), `${lang} ${key}`).toEqual(new Set(values(en[key]!)));
      }
    }
  });

  it('never show a visitor a key: every key, in every language, the site’s own languages too', () => {
    const warn = warnings();
    for (const language of [...BUNDLED, 'ja']) {
      const { t } = lookup(options(language, { ja: { acceptAll: 'すべて同意する' } }), ALL);
      for (const key of [...KEYS, 'social', 'social.d']) {
        const text = t(key);
        expect(text, `${language} ${key}`).not.toBe(key);
        if (!key.endsWith('.d')) expect(text.trim().length, `${language} ${key}`).toBeGreaterThan(0);
      }
    }
    // English stands in for the Japanese the site did not give: said in development, never shown as a key.
    expect(warn).toHaveBeenCalled();
  });
});
