/**
 * `@instria/consent/core`: the headless consent engine and its add-ons, no Preact, no CSS.
 * For apps that draw their own UI from `consent.view` and `consent.state`.
 */
import { CONSENT_COOKIE } from './core/cleanup';
import { createEngineWithDecisions, type DefaultCategory } from './core/consent';
import type { Consent, ConsentOptions } from './core/types';
import { defaultStorage } from './storage/index';

/**
 * Creates a headless consent instance kept in the `instria_consent` cookie. Nothing is drawn:
 * render your UI from `consent.view` and call `acceptAll()`, `rejectAll()` or `set()`.
 * Integrations are add-ons here: `plugins: [googleConsentMode(), gating()]`.
 *
 * @example
 * const consent = createConsent({ categories: { essential: { required: true }, analytics: {} } });
 * consent.view.subscribe((view) => myBanner.toggle(view === 'banner'));
 */
export function createConsent<const C extends string = DefaultCategory>(options?: ConsentOptions<C>): Consent<C> {
  return createEngineWithDecisions(options, { storage: (resolved) => defaultStorage(resolved.cookie, CONSENT_COOKIE) });
}

export { gating } from './core/gating/index';
export { googleConsentMode } from './core/integrations/google-consent-mode';
export { matomo } from './core/integrations/matomo';
export { consentRecords } from './core/integrations/records';
export { footerLinks } from './core/footer-links';
export { cookieTable, renderCookieTable } from './core/inventory';
export { VERSION } from './core/constants';

export type {
  CategoryOptions,
  Consent,
  ConsentChange,
  ConsentChoices,
  ConsentEvents,
  ConsentOptions,
  ConsentState,
  ConsentStorage,
  CookieDeclaration,
  CookieEntry,
  CookieOptions,
  Disclosure,
  GoogleConsentModeOptions,
  GoogleConsentType,
  InventoryRow,
  Method,
  MountUI,
  NameMatcher,
  Plugin,
  ResolvedCategory,
  ResolvedOptions,
  ResolvedService,
  ServiceOptions,
  Translations,
  UIView,
} from './core/types';
export type { DefaultCategory } from './core/consent';
export type { CookieTableHeadings } from './core/inventory';
