/**
 * `@instria/consent`: the consent engine with its integrations and the Preact UI, which is
 * loaded through a dynamic `import()` only when a choice is needed.
 */
import { CONSENT_COOKIE } from './core/cleanup';
import { createConsentEngine, type DefaultCategory } from './core/consent';
import { installDecisions } from './core/decisions';
import { withRecords } from './core/integrations/records';
import { standardPlugins } from './core/plugins';
import type { Consent, ConsentOptions } from './core/types';
import { defaultStorage } from './storage/index';
import { floatingWidget } from './ui/floating';

/**
 * Creates a consent instance with the banner, the preferences dialog, the footer links,
 * gating of `data-consent` elements and the integrations the options name.
 *
 * @example
 * import { createConsent } from '@instria/consent';
 * const consent = createConsent({ privacyPolicyUrl: '/privacy', googleConsentMode: true });
 * consent.whenGranted('analytics', () => import('./analytics'));
 */
export function createConsent<const C extends string = DefaultCategory>(options?: ConsentOptions<C>): Consent<C> {
  return createConsentEngine(options, {
    storage: (resolved) => defaultStorage(resolved.cookie, CONSENT_COOKIE),
    plugins: (resolved) => [...standardPlugins(resolved), floatingWidget],
    decisions: withRecords(installDecisions),
    loadUI: () => import('./ui/mount').then((ui) => ui.mountUI),
  });
}

export { gating } from './core/gating/index';
export { googleConsentMode } from './core/integrations/google-consent-mode';
export { matomo } from './core/integrations/matomo';
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
