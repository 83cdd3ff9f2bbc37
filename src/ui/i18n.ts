import { DEV, warn } from '../core/env';
import type { ResolvedOptions } from '../core/types';
import { readableName, uiLanguage } from '../core/language';
import { PREFERENCES_LABEL } from './label';

/**
 * Built-in strings. `{site}` is replaced by the `site` key (default: the `controller` option,
 * else the page's host name), `{purposes}` by the optional categories' labels, `{partners}`
 * by their services' labels and `{items}`, in `new`, by what was added since the visitor's
 * decision. "Cookies and similar technologies": local storage needs consent
 * too (ePrivacy art. 5(3); CNIL guidelines of 17 September 2020, art. 1). A category `id` is
 * labelled by key `id` and described by key `id.d`. The first layer names the purposes, the
 * controller, the consequences of refusing and how to change one's mind later
 * (CNIL guidelines of 17 September 2020; EDPB cookie-banner taskforce report §12).
 * See: https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000042388179
 * See: https://www.edpb.europa.eu/system/files/2023-01/edpb_20230118_report_cookie_banner_taskforce_en.pdf
 */
const STRINGS: Record<string, Record<string, string>> = {
  en: {
    title: 'Cookies and similar technologies',
    text: '{site} uses cookies and similar technologies (such as local storage): essential ones to make this site work and, only if you agree, others for: {purposes}. Refusing changes nothing in how the site works. You can change your choice at any time with “Cookie preferences” at the bottom of each page.',
    partners: 'Partners: {partners}.',
    morePartners: '{n} more',
    policy: 'Privacy policy',
    gpc: 'Your browser’s Global Privacy Control signal was applied: optional cookies are off.',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    customize: 'Customize',
    new: 'New since your last choice: {items}',
    save: 'Save my choices',
    saved: 'Choices saved',
    intro: 'Choose what you allow. Essential cookies are always active: the site cannot work without them. You can change your choice here at any time.',
    close: 'Close',
    alwaysActive: 'Always active',
    essential: 'Essential',
    'essential.d': 'Sign-in, security and remembering this choice.',
    analytics: 'Analytics',
    'analytics.d': 'Statistics on how the site is used, to improve it.',
    marketing: 'Marketing',
    'marketing.d': 'Advertising and measuring its effectiveness.',
  },
  fr: {
    title: 'Cookies et autres traceurs',
    text: '{site} utilise des cookies et autres traceurs (comme le stockage local) : des traceurs essentiels au fonctionnement du site et, seulement avec votre accord, d’autres pour : {purposes}. Refuser ne change rien au fonctionnement du site. Vous pouvez modifier votre choix à tout moment via « Préférences cookies » en bas de chaque page.',
    partners: 'Partenaires : {partners}.',
    morePartners: '{n} autres',
    policy: 'Politique de confidentialité',
    gpc: 'Le signal Global Privacy Control de votre navigateur a été appliqué : les cookies facultatifs sont désactivés.',
    acceptAll: 'Tout accepter',
    rejectAll: 'Tout refuser',
    customize: 'Personnaliser',
    new: 'Nouveau depuis votre dernier choix : {items}',
    save: 'Enregistrer mes choix',
    saved: 'Choix enregistrés',
    intro: 'Choisissez ce que vous autorisez. Les cookies essentiels sont toujours actifs : le site ne peut pas fonctionner sans eux. Vous pouvez modifier votre choix ici à tout moment.',
    close: 'Fermer',
    alwaysActive: 'Toujours actif',
    essential: 'Essentiels',
    'essential.d': 'Connexion, sécurité et mémorisation de ce choix.',
    analytics: 'Mesure d’audience',
    'analytics.d': 'Statistiques de fréquentation, pour améliorer le site.',
    marketing: 'Marketing',
    'marketing.d': 'Publicité et mesure de son efficacité.',
  },
};

/** Looks up a UI string: `t('acceptAll')`, or `t(key, fallback)` where the options give one. */
export type Translate = (key: string, fallback?: string) => string;

/**
 * The language of the UI and its `t()`: the site's override for that language first, then
 * `fallback` (a label from the options), then the built-in string, then English with a
 * development warning. A visitor never sees a key: a description (`id.d`) found nowhere is
 * empty (none is shown), any other key becomes a readable name (`social_media`: "Social media").
 *
 * @example
 * const { lang, t } = translator(consent.options);
 * t('acceptAll'); // 'Tout accepter' on a French page
 */
export function translator(options: Pick<ResolvedOptions, 'language' | 'translations'>): { lang: string; t: Translate } {
  const lang = uiLanguage(options);
  const own: Record<string, string | undefined> = { preferences: PREFERENCES_LABEL[lang], ...STRINGS[lang] };
  const site = options.translations[lang] || {};
  const t: Translate = (key, fallback) =>
    site[key] ||
    fallback ||
    own[key] ||
    (STRINGS.en![key]
      ? (DEV && warn(`no "${lang}" translation for "${key}"; using English`), STRINGS.en![key]!)
      : key.endsWith('.d')
        ? ''
        : readableName(key));
  return { lang, t };
}
