import { uiLanguage } from '../core/language';
import type { ResolvedOptions } from '../core/types';

/**
 * The name of the footer link and floating button, in every built-in language. Kept apart from
 * the UI dictionaries because the script tag needs it without the UI chunk.
 */
export const PREFERENCES_LABEL: Record<string, string> = { en: 'Cookie preferences', fr: 'Préférences cookies' };

/**
 * "Cookie preferences" in the page's language, with the site's override (`preferences` key).
 *
 * @example preferencesLabel(consent.options) // 'Préférences cookies'
 */
export function preferencesLabel(options: Pick<ResolvedOptions, 'language' | 'translations'>): string {
  const lang = uiLanguage(options);
  return options.translations[lang]?.preferences || PREFERENCES_LABEL[lang] || PREFERENCES_LABEL.en!;
}
