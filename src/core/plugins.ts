import { VENDOR_OPTIONS } from './constants';
import { DEV, warn } from './env';
import { footerLinks } from './footer-links';
import { gating } from './gating/index';
import { googleConsentMode } from './integrations/google-consent-mode';
import { matomo } from './integrations/matomo';
import type { Plugin, ResolvedOptions } from './types';

/**
 * The add-ons the options ask for, in the order they must run: Google Consent Mode's default
 * first (before any tag can read consent), the other vendors' signals (`vendors`: the npm entry
 * and the all-in-one file pass `vendorPlugins`, the script tag what `instria-consent.vendors.js`
 * registered), each before gating so that a decision's update precedes the tags it activates, then Matomo's `requireConsent` (`requireCookieConsent` in its exempt mode), then gating
 * and the footer links. (Records come with the decision code: `withRecords`.)
 */
export function standardPlugins(options: ResolvedOptions, vendors?: (options: ResolvedOptions) => Plugin[]): Plugin[] {
  const plugins: Plugin[] = [];
  if (options.googleConsentMode) plugins.push(googleConsentMode(options.googleConsentMode));
  if (vendors) plugins.push(...vendors(options));
  else if (DEV && VENDOR_OPTIONS.some((option) => options[option])) {
    // Only the script tag leaves them out: their code is a file of its own.
    warn('the options microsoftConsentMode, clarity, metaPixel and tiktokPixel need instria-consent.vendors.js, loaded by a <script> before this one: no vendor signal is sent');
  }
  if ('matomo' in options.serviceCategory) plugins.push(matomo());
  if (options.gating) plugins.push(gating());
  plugins.push(footerLinks());
  return plugins;
}
