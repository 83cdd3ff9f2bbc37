import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../../src/ui/i18n';

const options = (language: string, translations: Record<string, Record<string, string>> = {}) => ({ language, translations });

describe('translator', () => {
  afterEach(() => {
    document.documentElement.lang = '';
    vi.restoreAllMocks();
  });

  it('speaks English and French, with the French words of the CNIL-style banner', () => {
    expect(translator(options('en')).t('acceptAll')).toBe('Accept all');
    const { lang, t } = translator(options('fr'));
    expect(lang).toBe('fr');
    expect([t('acceptAll'), t('rejectAll'), t('customize'), t('save'), t('preferences')]).toEqual([
      'Tout accepter',
      'Tout refuser',
      'Personnaliser',
      'Enregistrer mes choix',
      'Préférences cookies',
    ]);
  });

  it('has every English key in French, and the first layer names purposes, site and how to withdraw', () => {
    const en = translator(options('en')).t;
    const fr = translator(options('fr')).t;
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
    document.documentElement.lang = 'de';
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['nl', 'fr-BE']);
    expect(translator(options('auto')).lang).toBe('fr');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['nl']);
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
    const { lang, t } = translator(options('de', { de: { acceptAll: 'Alle akzeptieren' } }));
    expect(lang).toBe('de');
    expect(t('acceptAll')).toBe('Alle akzeptieren');
    expect(t('rejectAll')).toBe('Reject all');
    expect(warn).toHaveBeenCalledWith('[instria-consent]', expect.stringContaining('"rejectAll"'));
    // Never a key on screen: a readable name instead.
    expect(t('no-such-key')).toBe('No such key');
  });
});
