import { h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { uiLanguage } from '../../../src/core/language';
import type { Consent } from '../../../src/core/types';
import { Banner } from '../../../src/ui/banner';
import { finder } from '../../../src/core/messages';
import { DIALOG_MESSAGES } from '../../../src/ui/dialog-messages';
import { translator } from '../../../src/ui/i18n';

/** As resolveOptions leaves them: the language resolved once. */
const options = (language: string, translations: Record<string, Record<string, string>> = {}) => ({ language: uiLanguage({ language, translations }), translations });
/** The dialog's `t`, as `Preferences` makes it: its own strings as the fallback of the UI's chain. */
const dialogT = (o: ReturnType<typeof options>) => {
  const { t } = translator(o);
  const find = finder(o, DIALOG_MESSAGES);
  return (key: string) => t(key, find(key));
};

describe('translator', () => {
  afterEach(() => {
    document.documentElement.lang = '';
    vi.restoreAllMocks();
  });

  it('speaks English and French, with the French words of the CNIL-style banner', () => {
    expect(translator(options('en')).t('acceptAll')).toBe('Accept all');
    const { lang, t } = translator(options('fr'));
    expect(lang).toBe('fr');
    expect([t('acceptAll'), t('rejectAll'), t('customize'), dialogT(options('fr'))('save'), t('preferences')]).toEqual([
      'Tout accepter',
      'Tout refuser',
      'Personnaliser',
      'Enregistrer mes choix',
      'Préférences cookies',
    ]);
  });

  it('has every English key in French, and the first layer names purposes, site and how to withdraw', () => {
    const en = dialogT(options('en'));
    const fr = dialogT(options('fr'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const key of ['title', 'text', 'policy', 'acceptAll', 'rejectAll', 'customize', 'save', 'intro', 'close', 'alwaysActive', 'preferences', 'essential', 'analytics', 'marketing']) {
      expect(fr(key).length).toBeGreaterThan(0);
      expect(en(key).length).toBeGreaterThan(0);
    }
    expect(warn).not.toHaveBeenCalled();
    for (const t of [en, fr]) expect(t('text')).toMatch(/\{site\}.*\{purposes\}.*(Cookie preferences|Préférences cookies)/s);
  });

  it('follows <html lang> for "auto", then the browser, then English', () => {
    document.documentElement.lang = 'fr-CA';
    expect(translator(options('auto')).lang).toBe('fr');
    document.documentElement.lang = 'ja';
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh', 'fr-BE']);
    expect(translator(options('auto')).lang).toBe('fr');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh']);
    expect(translator(options('auto')).lang).toBe('en');
  });

  it('lets the site override any string, and a fallback label beat the built-in one', () => {
    const { t } = translator(options('fr', { fr: { acceptAll: 'OK pour moi', analytics: 'Statistiques' } }));
    expect(t('acceptAll')).toBe('OK pour moi');
    expect(t('analytics', 'Analytics (from options)')).toBe('Statistiques');
    expect(t('marketing', 'Publicité')).toBe('Publicité');
    expect(t('rejectAll')).toBe('Tout refuser');
  });

  it('falls back to English with a development warning for a key a site language lacks', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { lang, t } = translator(options('ja', { ja: { acceptAll: 'すべて同意する' } }));
    expect(lang).toBe('ja');
    expect(t('acceptAll')).toBe('すべて同意する');
    expect(t('rejectAll')).toBe('Reject all');
    expect(warn).toHaveBeenCalledWith('[instria-consent]', expect.stringContaining('"rejectAll"'));
    // Never a key on screen: a readable name instead.
    expect(t('no-such-key')).toBe('No such key');
  });

  it('says so once per language and key, not on every render', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (let render = 0; render < 3; render++) {
      const { t } = translator(options('ko', { ko: { acceptAll: '모두 수락' } }));
      t('rejectAll');
      t('rejectAll');
    }
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('the banner fills every place a string names a value', () => {
  afterEach(() => render(null, document.body));

  it('a site text that names {site}, {purposes}, {items} or {n} twice shows no brace', () => {
    const services = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((id) => [id, { label: id.toUpperCase() }]));
    const consent = {
      options: {
        categories: { essential: { required: true }, analytics: {} },
        optional: ['analytics'],
        privacyPolicyUrl: '/privacy',
        controller: 'Instria',
        language: 'en',
        translations: {
          en: {
            text: '{site} asks about {purposes}. {site} keeps your choice; {purposes} stay off until then.',
            new: 'New: {items}. Decide on {items}.',
            morePartners: '{n} more ({n})',
          },
        },
        services,
        serviceCategory: Object.fromEntries(Object.keys(services).map((id) => [id, 'analytics'])),
      },
    } as unknown as Consent;
    const pending = { categories: [], services: ['e'] };
    render(h(Banner, { consent, t: translator(consent.options).t, pending }), document.body);
    const text = document.body.textContent!;
    expect(text).toContain('Instria asks about Analytics. Instria keeps your choice; Analytics stay off until then.');
    expect(text).toContain('New: E (Analytics). Decide on E (Analytics).');
    expect(document.querySelector('[data-part=more]')!.textContent).toBe('2 more (2)');
    expect(text).not.toMatch(/[{}]/);
  });
});
