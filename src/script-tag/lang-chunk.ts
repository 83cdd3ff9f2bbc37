/**
 * One language file (`dist/instria-consent.lang-xx.js`), fetched by the script tag in parallel
 * with the UI, floating-button or placeholder file when the page speaks a language other than
 * English or French (`languageReady`): it registers its strings for every file of the SDK.
 * Written for German; tsup.config.ts builds it once per language, with that language's code in
 * place of German's.
 */
import { loadedLanguages } from '../core/language';
import type { Catalog } from '../core/messages';
import { de } from '../ui/i18n/de';

loadedLanguages().de = de as Catalog;
