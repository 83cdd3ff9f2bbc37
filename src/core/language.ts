import type { ResolvedOptions } from './types';

/**
 * The languages the SDK speaks itself: each has every string of `Messages`, spread over the
 * built-in catalogs (`test/unit/core/messages.test.ts` checks it). A site adds others with
 * `translations`.
 */
export const LANGUAGES = ['en', 'fr'] as const;

/** A built-in language's code. */
export type Language = (typeof LANGUAGES)[number];

/**
 * The language to show: `option` if it is a language code, else (for `auto`) the page's
 * `<html lang>`, then the browser's languages, then English. Only languages in `available`
 * are returned; `fr-CA` matches `fr`.
 */
export function resolveLanguage(option: string, available: readonly string[]): string {
  // `navigator.languages` is in every browser the bundles run in (Chrome 32, Firefox 32, Safari 10.1).
  // See: https://developer.mozilla.org/en-US/docs/Web/API/Navigator/languages
  const candidates = option === 'auto' ? [document.documentElement.lang, ...navigator.languages] : [option];
  for (const candidate of candidates) {
    const code = candidate.toLowerCase();
    const match = available.find((lang) => code === lang || code.startsWith(`${lang}-`));
    if (match) return match;
  }
  return 'en';
}

/**
 * The language the SDK speaks on this page — in the UI, the embed placeholders and the consent
 * records alike: `options.language` resolved against the built-in languages and those the site
 * translated itself (`translations: { de: {…} }`).
 *
 * @example uiLanguage(consent.options) // 'fr' on <html lang="fr-FR">
 */
export const uiLanguage = (options: Pick<ResolvedOptions, 'language' | 'translations'>): string =>
  resolveLanguage(options.language, (LANGUAGES as readonly string[]).concat(Object.keys(options.translations)));

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
