import { afterEach, describe, expect, it } from 'vitest';
import { mountPreferencesLink } from '../../../src/ui/preferences-link';

describe('mountPreferencesLink', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    document.documentElement.lang = '';
  });

  it('renders the footer-link contract in the UI language, and removes it', () => {
    const footer = document.body.appendChild(document.createElement('footer'));
    const remove = mountPreferencesLink(footer, { options: { language: 'fr', translations: {} } as never });
    const link = footer.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('#cookie-preferences');
    expect(link.hasAttribute('data-consent-open')).toBe(true);
    expect(link.textContent).toBe('Préférences cookies');
    remove();
    expect(footer.querySelector('a')).toBeNull();
  });

  it('follows <html lang> and the site override without an instance', () => {
    document.documentElement.lang = 'en';
    const footer = document.body.appendChild(document.createElement('footer'));
    mountPreferencesLink(footer);
    expect(footer.textContent).toBe('Cookie preferences');
    mountPreferencesLink(footer, { options: { language: 'en', translations: { en: { preferences: 'Cookies' } } } as never });
    expect(footer.querySelectorAll('a')[1]!.textContent).toBe('Cookies');
  });
});
