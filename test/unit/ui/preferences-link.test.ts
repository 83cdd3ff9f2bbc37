import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsent, mountPreferencesLink } from '../../../src/index';
import { consoleSpy } from '../support';

describe('mountPreferencesLink', () => {
  afterEach(() => {
    vi.restoreAllMocks();
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

  it('works as the README shows, with an instance from createConsent', () => {
    document.body.innerHTML = '<footer></footer>';
    const warned = consoleSpy('warn');
    // import { createConsent, mountPreferencesLink } from '@instria/consent';
    const consent = createConsent({ language: 'fr' });
    const remove = mountPreferencesLink(document.querySelector('footer')!, consent);
    // <a href="#cookie-preferences" data-consent-open>Préférences cookies</a>
    expect(document.querySelector('footer')!.innerHTML).toBe('<a href="#cookie-preferences" data-consent-open="">Préférences cookies</a>');
    // The snippet sets no privacy policy URL: development says which default the banner uses.
    expect(warned()).toEqual([expect.stringContaining('option "privacyPolicyUrl" is not set')]);
    remove();
    consent.destroy();
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
