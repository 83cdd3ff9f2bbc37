/**
 * `@instria/consent/core`: the headless consent engine and its add-ons, no Preact, no CSS.
 * For apps that draw their own UI from `consent.view` and `consent.state`.
 */
import { CONSENT_COOKIE } from './core/cleanup';
import { createEngineWithDecisions } from './core/consent';
import { DEV } from './core/env';
import { warnUnreadByCore } from './core/options';
import type { Consent, DefaultCategory, EngineOptions } from './core/types';
import { defaultStorage } from './storage/index';

/**
 * Creates a headless consent instance kept in the `instria_consent` cookie. Nothing is drawn:
 * render your UI from `consent.view` and call `acceptAll()`, `rejectAll()` or `set()`.
 * Integrations are add-ons here: `plugins: [googleConsentMode(), gating()]`; the options
 * `@instria/consent` reads for them and for its UI (`googleConsentMode`, `gating`, `theme`…) are
 * not taken (a development build warns a plain-JS caller who passes them).
 *
 * @example
 * const consent = createConsent({ categories: { essential: { required: true }, analytics: {} } });
 * consent.view.subscribe((view) => myBanner.toggle(view === 'banner'));
 */
export function createConsent<const C extends string = DefaultCategory>(options?: EngineOptions<C>): Consent<C> {
  DEV && warnUnreadByCore(options);
  return createEngineWithDecisions(options, { storage: (resolved) => defaultStorage(resolved.cookie, CONSENT_COOKIE) });
}

export { gating } from './core/gating/index';
export { googleConsentMode } from './core/integrations/google-consent-mode';
export { matomo } from './core/integrations/matomo';
export { microsoftConsentMode } from './core/integrations/microsoft-consent-mode';
export { clarity } from './core/integrations/clarity';
export { metaPixel } from './core/integrations/meta-pixel';
export { tiktokPixel } from './core/integrations/tiktok-pixel';
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
  ConsentMethod,
  ConsentOptions,
  ConsentState,
  ConsentStorage,
  CookieDeclaration,
  CookieEntry,
  CookieOptions,
  DefaultCategory,
  Disclosure,
  EngineOptions,
  GoogleConsentModeOptions,
  GoogleConsentType,
  InventoryRow,
  Method,
  NameMatcher,
  Plugin,
  ResolvedCategory,
  ResolvedOptions,
  ResolvedService,
  ServiceOptions,
  Translations,
  UIView,
  VendorSignalOptions,
} from './core/types';
export type { CookieTableHeadings } from './core/inventory';
