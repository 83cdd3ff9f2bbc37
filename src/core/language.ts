import type { ResolvedOptions } from './types';

/**
 * The language to show: `option` if it is a language code, else (for `auto`) the page's
 * `<html lang>`, then the browser's languages, then English. Only languages in `available`
 * are returned; `fr-CA` matches `fr`.
 */
export function resolveLanguage(option: string, available: readonly string[]): string {
  const candidates =
    option === 'auto'
      ? [document.documentElement.lang, ...(navigator.languages ?? [navigator.language])]
      : [option];
  for (const candidate of candidates) {
    const code = (candidate || '').toLowerCase();
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
  resolveLanguage(options.language, ['en', 'fr', ...Object.keys(options.translations)]);

/**
 * A readable name for an id the site gave no label (never the id or a translation key as is):
 * separators become spaces, the first letter a capital.
 *
 * @example readableName('social_media') // 'Social media'
 */
export function readableName(id: string): string {
  const words = id.replace(/[-_.\s]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
