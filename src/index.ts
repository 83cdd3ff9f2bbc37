/**
 * `@instria/consent`: the consent engine with its integrations and the Preact UI, which is
 * loaded through a dynamic `import()` only when a choice is needed.
 */
import { CONSENT_COOKIE } from './core/cleanup';
import { COOKIE_NAME } from './core/constants';
import { createEngineWithDecisions } from './core/consent';
import { installDecisions } from './core/decisions';
import { withRecords } from './core/integrations/records';
import { withServerCookie } from './core/integrations/server-cookie';
import { vendorPlugins } from './core/integrations/vendors';
import { standardPlugins } from './core/plugins';
import type { Consent, ConsentOptions, DefaultCategory } from './core/types';
import { DEV, warn } from './core/env';
import { inPageLanguage, languageFiles, withLanguage } from './core/language';
import { defaultStorage } from './storage/index';
import { floatingWidget } from './ui/floating';
import { LANGUAGE_IMPORTS } from './ui/languages';

/** Live instances by decision-cookie name: one page, one banner per decision. */
const instances = new Map<string, Consent<any>>();

/**
 * Creates a consent instance with the banner, the preferences dialog, the footer links,
 * gating of `data-consent` elements and the integrations the options name.
 *
 * @example
 * import { createConsent } from '@instria/consent';
 * const consent = createConsent({ privacyPolicyUrl: '/privacy', googleConsentMode: true });
 * consent.whenGranted('analytics', () => import('./analytics'));
 *
 * A second call for the same decision cookie (hot reload, a component mounted twice) returns
 * the first instance, with a development warning, until that one is destroyed: one banner.
 */
export function createConsent<const C extends string = DefaultCategory>(options?: ConsentOptions<C>): Consent<C> {
  const name = options?.cookie?.name ?? COOKIE_NAME;
  const existing = instances.get(name);
  if (existing) {
    DEV && warn(`createConsent() was already called for the cookie "${name}"; the first instance is returned (destroy() it first to start again)`);
    return existing;
  }
  // A language other than English and French comes as a chunk of its own, with the UI.
  languageFiles.load ||= (lang) => LANGUAGE_IMPORTS[lang]!().then((file) => file[lang]!);
  return createEngineWithDecisions(options, {
    storage: (resolved) => defaultStorage(resolved.cookie, CONSENT_COOKIE),
    plugins: (resolved) => [
      ...standardPlugins(resolved, vendorPlugins),
      inPageLanguage(floatingWidget),
      // Registered by a plugin: plugins run only in a browser (server rendering keeps nothing
      // between requests), and their teardown runs on destroy().
      (consent) => (instances.set(name, consent), () => instances.delete(name)),
    ],
    decisions: withRecords(withServerCookie(installDecisions)),
    loadUI: (resolved) => withLanguage(resolved, import('./ui/mount').then((ui) => ui.mountUI)),
  });
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
export { mountPreferencesLink } from './ui/preferences-link';

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
