import { DEV, warn } from './env';
import { loadedLanguages, readableName } from './language';
import type { ResolvedOptions } from './types';

/**
 * Every string the SDK shows a visitor, in one language. Each built-in language has every key;
 * a site overrides any of them per language with `translations`. `{name}` marks a value that
 * {@link fill} puts in. The built-in strings live with the code that shows them, so that each
 * file the script tag fetches carries only its own: the UI file the banner's and the dialog's
 * (`src/ui/i18n.ts`, with the footer link's), the floating button the footer link's
 * (`src/ui/label.ts`), the placeholder file its two (`src/core/gating/placeholder.ts`).
 */
export interface Messages {
  /** The banner's heading. */
  title: string;
  /** The banner's text: `{site}` the controller, `{purposes}` the optional categories' names. */
  text: string;
  /** The banner's recipients line: `{partners}` the names of the optional categories' services. */
  partners: string;
  /** The banner's button to the dialog when more partners exist than are named: `{n}` how many. */
  morePartners: string;
  /** The privacy policy link, in the banner and the dialog. */
  policy: string;
  /** The notice that the browser's Global Privacy Control signal was applied as a refusal. */
  gpc: string;
  /** The button granting every optional category and service. */
  acceptAll: string;
  /** The button refusing every optional category and service, as plain as `acceptAll`. */
  rejectAll: string;
  /** The banner's button opening the dialog. */
  customize: string;
  /** The banner's line naming what was added since the visitor's decision: `{items}`. */
  new: string;
  /** The dialog's button recording the boxes as ticked. */
  save: string;
  /** Announced to screen readers after each decision. */
  saved: string;
  /** The dialog's first paragraph. */
  intro: string;
  /** The accessible name of the dialog's and the notice's close buttons. */
  close: string;
  /** Shown in place of a required category's checkbox. */
  alwaysActive: string;
  /** The built-in `essential` category's name. */
  essential: string;
  /** The built-in `essential` category's description. */
  'essential.d': string;
  /** The built-in `analytics` category's name. */
  analytics: string;
  /** The built-in `analytics` category's description. */
  'analytics.d': string;
  /** The `marketing` category's name. */
  marketing: string;
  /** The `marketing` category's description. */
  'marketing.d': string;
  /** The footer link, the floating button, the dialog's heading and the notice's link. */
  preferences: string;
  /** The embed placeholder's text: `{service}` the service's (else the category's) name. */
  placeholderText: string;
  /** The embed placeholder's button: `{service}` as in `placeholderText`. */
  placeholderAllow: string;
}

/**
 * Strings of one language by key: some of {@link Messages}, and a category's name (key `id`)
 * or description (key `id.d`).
 */
export type Catalog = Partial<Messages> & { readonly [key: string]: string | undefined };

/**
 * Built-in strings by language code; English, the last resort, is always there. A language
 * loaded later is one more entry: `{ ...UI_MESSAGES, de }`.
 */
export type Catalogs = { readonly en: Catalog } & { readonly [lang: string]: Catalog | undefined };

/** Looks up a string: `t('acceptAll')`, or `t(key, fallback)` where the options give one. */
export type Translate = (key: string, fallback?: string) => string;

/**
 * Puts `vars` into `text`: every `{name}` with a value in `vars`, every time it occurs; values
 * are not searched again. Any other `{…}` stays as written.
 *
 * @example fill('{service} is blocked. Allow {service}?', { service: 'YouTube' }) // 'YouTube is blocked. Allow YouTube?'
 */
export const fill = (text: string, vars: Readonly<Record<string, string>>): string =>
  text.replace(/{(\w+)}/g, (whole, name: string) => vars[name] ?? whole);

/** Development warnings already given: each is said once. */
const said: Record<string, true> = {};

/** A development warning given once, however many renders ask for it. */
const warnOnce = (text: string): unknown => said[text] || ((said[text] = true), warn(text));

/**
 * The chain every string a visitor sees goes through: in the page's language (`options.language`), the
 * site's `translations`, then `fallback` (a label or description from the options), then the
 * built-in string of that language (the file's own catalog, else the language loaded at run
 * time: `loadedLanguages`), then the English one, which development
 * builds say once per language and key. Undefined when none has it: {@link lookup} then shows
 * no description, or the key in words.
 *
 * @example finder(consent.options, { en: { close: 'Close' }, fr: { close: 'Fermer' } })('close') // 'Fermer' on a French page
 */
export const finder = (options: Pick<ResolvedOptions, 'language' | 'translations'>, builtIn: Catalogs) =>
  finderIn(options.language, options, builtIn);

/**
 * {@link finder} in a language already resolved: for code that has it (the dialog, from the UI
 * that resolved it), which then carries no language resolution of its own.
 */
export const finderIn =
  (lang: string, options: Pick<ResolvedOptions, 'translations'>, builtIn: Catalogs) =>
  (key: string, fallback?: string): string | undefined => {
    // The site's strings only (a translation of another type, `42` or `{}`, would be drawn as it
    // is, or throw): checked here, in the files that show text, not in the script tag.
    const own: unknown = options.translations[lang]?.[key];
    const text = (typeof own == 'string' && own) || fallback || (builtIn[lang] || loadedLanguages()[lang])?.[key];
    if (DEV && !text && builtIn.en[key]) warnOnce(`no "${lang}" translation for "${key}"; using English`);
    return text || builtIn.en[key];
  };

/**
 * The UI's `t()`: {@link finder} in the page's language, never a key. A description (`id.d`)
 * found nowhere is empty (none is shown), any other key becomes a readable name
 * (`social_media`: "Social media").
 *
 * @example
 * const { lang, t } = lookup(consent.options, { en: { close: 'Close' }, fr: { close: 'Fermer' } });
 * t('close'); // 'Fermer' on a French page
 */
export function lookup(options: Pick<ResolvedOptions, 'language' | 'translations'>, builtIn: Catalogs): { lang: string; t: Translate } {
  const lang = options.language;
  const find = finderIn(lang, options, builtIn);
  return { lang, t: (key, fallback) => find(key, fallback) || (key.endsWith('.d') ? '' : readableName(key)) };
}
