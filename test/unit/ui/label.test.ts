import { describe, expect, it, vi } from 'vitest';
import { preferencesLabel } from '../../../src/ui/label';

describe('preferencesLabel', () => {
  it('names the footer link in the UI language, with the site override first', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(preferencesLabel({ language: 'fr', translations: {} })).toBe('Préférences cookies');
    expect(preferencesLabel({ language: 'en', translations: {} })).toBe('Cookie preferences');
    expect(preferencesLabel({ language: 'fr', translations: { fr: { preferences: 'Vos cookies' } } })).toBe('Vos cookies');
    expect(warn).not.toHaveBeenCalled();
    // A language only the site gives falls back to English, and says so (once) in development.
    expect(preferencesLabel({ language: 'ja', translations: { ja: {} } })).toBe('Cookie preferences');
    expect(warn).toHaveBeenCalledWith('[instria-consent]', 'no "ja" translation for "preferences"; using English');
    warn.mockRestore();
  });
});
