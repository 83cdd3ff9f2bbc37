/**
 * The app's own chrome around the consent instance: buttons that call its actions, the
 * withdrawal notice, and the "Cookie preferences" link in the app's footer.
 */
import type { Consent } from '@instria/consent';

/** Wires the page's controls to `consent`. */
export function wireControls(consent: Consent): void {
  document.querySelector('#open-preferences')?.addEventListener('click', () => consent.showPreferences());
  document.querySelector('#withdraw')?.addEventListener('click', () => consent.withdraw());
  const notice = document.querySelector<HTMLElement>('#reload-notice');
  consent.on('change', ({ reloadRecommended }) => {
    // Code that already ran cannot be unloaded: say so, as the SDK recommends.
    if (notice) notice.hidden = !reloadRecommended;
  });
  document.querySelector('#reload')?.addEventListener('click', () => location.reload());
}

/** Renders the footer link; the SDK opens the preferences from any `a[href="#cookie-preferences"]`. */
export function renderFooterLink(footer: Element): void {
  const link = document.createElement('a');
  link.href = '#cookie-preferences';
  link.textContent = 'Cookie preferences';
  footer.append(link);
}
