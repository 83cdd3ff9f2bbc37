import type { Consent } from '../core/types';
import { preferencesLabel } from './label';

/**
 * Renders the "Cookie preferences" link into an app's own footer: an
 * `<a href="#cookie-preferences" data-consent-open>` in the UI's language, which the consent
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
  link.textContent = preferencesLabel(consent?.options ?? { language: 'auto', translations: {} });
  container.append(link);
  return () => link.remove();
}
