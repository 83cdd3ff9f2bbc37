import type { Plugin } from './types';

/** Elements that open the preferences: the footer-link contract (README, "Footer link"). */
export const OPENER_SELECTOR = '[data-consent-open],a[href="#cookie-preferences"]';

/**
 * Opens the preferences from every `[data-consent-open]` and `a[href="#cookie-preferences"]`,
 * including those added later: one delegated listener, no scan, no observer.
 * Links and buttons turn Enter (and Space for buttons) into clicks natively.
 */
export const footerLinks = (): Plugin => (consent) => {
  const onClick = (event: MouseEvent) => {
    const opener = (event.target as Element | null)?.closest?.(OPENER_SELECTOR);
    if (!opener) return;
    event.preventDefault();
    consent.showPreferences();
  };
  document.addEventListener('click', onClick);
  return () => document.removeEventListener('click', onClick);
};
