import type { Messages } from '../core/messages';

/**
 * The npm entry's built-in languages other than English and French (which are in the UI
 * itself): each an `import()` of a literal path, so that the app's bundler makes every language
 * a chunk of its own, fetched only by a page that speaks it (`languageReady`). Each module
 * exports its strings under its code.
 */
export const LANGUAGE_IMPORTS: Readonly<Record<string, () => Promise<Record<string, Messages>>>> = {
  bg: () => import('./i18n/bg'),
  cs: () => import('./i18n/cs'),
  da: () => import('./i18n/da'),
  de: () => import('./i18n/de'),
  el: () => import('./i18n/el'),
  es: () => import('./i18n/es'),
  et: () => import('./i18n/et'),
  fi: () => import('./i18n/fi'),
  ga: () => import('./i18n/ga'),
  hr: () => import('./i18n/hr'),
  hu: () => import('./i18n/hu'),
  is: () => import('./i18n/is'),
  it: () => import('./i18n/it'),
  lt: () => import('./i18n/lt'),
  lv: () => import('./i18n/lv'),
  mt: () => import('./i18n/mt'),
  nb: () => import('./i18n/nb'),
  nl: () => import('./i18n/nl'),
  pl: () => import('./i18n/pl'),
  pt: () => import('./i18n/pt'),
  ro: () => import('./i18n/ro'),
  sk: () => import('./i18n/sk'),
  sl: () => import('./i18n/sl'),
  sv: () => import('./i18n/sv'),
};
