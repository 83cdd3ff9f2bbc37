import type { BundledLanguage } from '../core/language';
import { finder, type Messages } from '../core/messages';
import type { ResolvedOptions } from '../core/types';

/**
 * The name of the footer link and floating button, in every built-in language. Kept apart from
 * the UI's strings because the floating button shows it without the UI file.
 */
export const LABELS: Record<BundledLanguage, Pick<Messages, 'preferences'>> = {
  en: { preferences: 'Cookie preferences' },
  fr: { preferences: 'Préférences cookies' },
};

/**
 * "Cookie preferences" in the page's language, with the site's override (`preferences` key).
 *
 * @example preferencesLabel(consent.options) // 'Préférences cookies'
 */
export const preferencesLabel = (options: Pick<ResolvedOptions, 'language' | 'translations'>): string =>
  finder(options, LABELS)('preferences')!;
