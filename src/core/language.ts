import { failed } from './env';
import type { Catalog, Messages } from './messages';
import type { Plugin, ResolvedOptions } from './types';

/** The languages inside the UI, dialog, floating-button and placeholder files. */
export const BUNDLED = ['en', 'fr'] as const;

/** A language inside the files that show text. */
export type BundledLanguage = (typeof BUNDLED)[number];

/**
 * The other official languages of the EEA, each a file of its own, loaded when a page speaks it
 * ({@link languageReady}). With {@link BUNDLED}, the languages the SDK speaks itself: each has
 * every string of `Messages` (`test/unit/ui/translations.test.ts` checks it). A site adds others
 * with `translations`.
 */
export const LANGUAGE_FILES = 'bg cs da de el es et fi ga hr hu is it lt lv mt nb nl pl pt ro sk sl sv'.split(' ');

/**
 * The language to show: `option` if it is a language code, else (for `auto`) the page's
 * `<html lang>`, then the browser's languages, then English. Only languages in `available`
 * are returned; `fr-CA` matches `fr`, `no` and `no-NO` match `nb`.
 */
export function resolveLanguage(option: string, available: readonly string[]): string {
  const match = (candidate: string) => {
    // Norwegian: `no` is the macrolanguage; what is written is Bokmål (nb) but for a few.
    const code = candidate.toLowerCase().replace(/^no\b/, 'nb');
    return available.find((lang) => code === lang || code.startsWith(`${lang}-`));
  };
  // `navigator.languages` only when `<html lang>` has no match (it builds an array per read). It
  // is in every browser the bundles run in (Chrome 32, Firefox 32, Safari 10.1).
  // See: https://developer.mozilla.org/en-US/docs/Web/API/Navigator/languages
  return (option == 'auto' ? match(document.documentElement.lang) || navigator.languages.map(match).find((lang) => lang) : match(option)) || 'en';
}

/**
 * The language the SDK speaks on this page — in the UI, the embed placeholders and the consent
 * records alike: `options.language` resolved against the built-in languages and those the site
 * translated itself (`translations: { de: {…} }`).
 *
 * @example uiLanguage(consent.options) // 'fr' on <html lang="fr-FR">
 */
export const uiLanguage = (options: Pick<ResolvedOptions, 'language' | 'translations'>): string =>
  resolveLanguage(options.language, LANGUAGE_FILES.concat(BUNDLED, Object.keys(options.translations)));

/**
 * The built-in languages loaded at run time, by code, shared by every file of the SDK on the
 * page (each script-tag file is a bundle of its own): `instria-consent.lang-xx.js` registers
 * itself here, and the lookups read it after their own catalogs.
 */
export const loadedLanguages = (): Record<string, Catalog> => (window.InstriaConsentLanguages ||= {});

/**
 * Where a built-in language outside the files that show text comes from, set by each entry:
 * the script tag fetches `instria-consent.lang-xx.js`, the npm entry `import()`s it. Resolves
 * with the language's strings, or rejects.
 */
export const languageFiles: { load?: (lang: string) => Promise<Messages | Catalog> } = {};

const loading: Record<string, Promise<void>> = {};

declare global {
  interface Window {
    /** The built-in languages loaded at run time, by code: see `loadedLanguages`. */
    InstriaConsentLanguages?: Record<string, Catalog>;
  }
}

/**
 * Waits until the page's language can be shown, before text is drawn: nothing to wait for with
 * English, French, a language only the site translates or one already here; else its file is
 * fetched, once for every caller (the UI, the floating button, the embed placeholder), in
 * parallel with their own. A file that cannot load leaves the page in English, said once:
 * `options.language` becomes `en`, so the UI's `lang`, the records and the placeholder say what
 * is shown; the next instance tries again. Never rejects; grants nothing.
 *
 * @example Promise.all([import('./ui/mount'), languageReady(consent.options)]) // a German page: the UI and German together
 */
export function languageReady(options: ResolvedOptions): Promise<void> | undefined {
  const lang = options.language;
  const { load } = languageFiles;
  if (!load || !LANGUAGE_FILES.includes(lang) || loadedLanguages()[lang]) return;
  return (loading[lang] ||= load(lang).then(
    (catalog) => void (loadedLanguages()[lang] = catalog as Catalog),
    // The error names the file (the script tag's loader) or the module.
    (error) => {
      delete loading[lang];
      options.language = 'en';
      failed('showing English')(error);
    },
  ));
}

/**
 * A readable name for an id the site gave no label (never the id or a translation key as is):
 * separators become spaces, the first letter a capital.
 *
 * @example readableName('social_media') // 'Social media'
 */
export function readableName(id: string): string {
  return id
    .replace(/[-_.\s]+/g, ' ')
    .trim()
    .replace(/^./, (first) => first.toUpperCase());
}

/**
 * `loading` (a file that shows text, or its value) with the page's language fetched in parallel
 * ({@link languageReady}): resolves with its value once both are here.
 *
 * @example loadUI: (options) => withLanguage(options, import('./ui/mount').then((ui) => ui.mountUI))
 */
export const withLanguage = <T>(options: ResolvedOptions, loading: T | Promise<T>): Promise<T> =>
  Promise.all([loading, languageReady(options)]).then(([value]) => value);

/**
 * Runs `run` once the page's language can be shown ({@link languageReady}): at once when it can.
 *
 * @example whenLanguage(consent.options, () => drawLabel())
 */
export function whenLanguage(options: ResolvedOptions, run: () => void): void {
  const ready = languageReady(options);
  ready ? ready.then(run) : run();
}

/**
 * `plugin` started once the page's language can be shown (at once when it can), for add-ons
 * that show text as they start (the floating button); `destroy()` meanwhile starts nothing.
 *
 * @example plugins: [inPageLanguage(floatingWidget)]
 */
export const inPageLanguage =
  (plugin: Plugin): Plugin =>
  (consent) => {
    let stop: (() => void) | void;
    let stopped = false;
    whenLanguage(consent.options, () => stopped || (stop = plugin(consent)));
    return () => ((stopped = true), stop?.());
  };
