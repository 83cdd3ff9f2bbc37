import { uiLanguage, whenLanguage } from '../core/language';
import type { Consent, ResolvedOptions } from '../core/types';
import { preferencesLabel } from './label';

/**
 * Renders the "Cookie preferences" link into an app's own footer: an
 * `<a href="#cookie-preferences" data-consent-open>` in the UI's language (the label comes
 * with it once it has loaded), which the consent
 * instance's footer-link listener turns into "open the preferences". Returns a remover.
 *
 * @example
 * const consent = createConsent({ language: 'fr' });
 * mountPreferencesLink(document.querySelector('footer')!, consent); // « Préférences cookies »
 */
export function mountPreferencesLink(container: Element, consent?: Pick<Consent, 'options'>): () => void {
  const link = document.createElement('a');
  link.href = '#cookie-preferences';
  link.setAttribute('data-consent-open', '');
  const options = consent?.options ?? ({ language: uiLanguage({ language: 'auto', translations: {} }), translations: {} } as ResolvedOptions);
  container.append(link);
  // The label waits for the page's language when it is a file of its own (`languageReady`).
  whenLanguage(options, () => (link.textContent = preferencesLabel(options)));
  return () => link.remove();
}
