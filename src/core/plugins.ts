import { footerLinks } from './footer-links';
import { gating } from './gating/index';
import { googleConsentMode } from './integrations/google-consent-mode';
import { matomo } from './integrations/matomo';
import type { Plugin, ResolvedOptions } from './types';

/**
 * The add-ons the options ask for, in the order they must run: Google Consent Mode's default
 * first (before any tag can read consent), then Matomo's `requireConsent` (`requireCookieConsent` in its exempt mode), then gating
 * and the footer links. (Records come with the decision code: `withRecords`.)
 */
export function standardPlugins(options: ResolvedOptions): Plugin[] {
  const plugins: Plugin[] = [];
  if (options.googleConsentMode) plugins.push(googleConsentMode(options.googleConsentMode));
  if ('matomo' in options.serviceCategory) plugins.push(matomo());
  if (options.gating) plugins.push(gating());
  plugins.push(footerLinks());
  return plugins;
}
