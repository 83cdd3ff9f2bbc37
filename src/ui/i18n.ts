import type { BundledLanguage } from '../core/language';
import { lookup, type Messages, type Translate } from '../core/messages';
import type { ResolvedOptions } from '../core/types';
import type { DialogKey } from './dialog-messages';
import { LABELS } from './label';

export type { Translate };

/**
 * The UI's built-in strings: every key of `Messages` but the placeholder's, which is shown
 * without the UI file (`PLACEHOLDER_MESSAGES`), and the dialog's, which come with the dialog
 * (`DIALOG_MESSAGES`), with the footer link's (`LABELS`). "Cookies and
 * similar technologies": local storage needs consent too (ePrivacy art. 5(3); CNIL guidelines
 * of 17 September 2020, art. 1: https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000042388179). The first layer names the purposes, the controller, the
 * consequences of refusing and how to change one's mind later (EDPB cookie-banner taskforce
 * report, §12:
 * https://www.edpb.europa.eu/our-work-tools/our-documents/other/report-work-undertaken-cookie-banner-taskforce_en).
 */
export const UI_MESSAGES: Record<BundledLanguage, Omit<Messages, 'placeholderText' | 'placeholderAllow' | DialogKey>> = {
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
    saved: 'Choices saved',
    close: 'Close',
    analytics: 'Analytics',
    marketing: 'Marketing',
    ...LABELS.en,
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
    saved: 'Choix enregistrés',
    close: 'Fermer',
    analytics: 'Mesure d’audience',
    marketing: 'Marketing',
    ...LABELS.fr,
  },
};

/**
 * The language of the UI and its `t()`: `lookup` over the UI's strings.
 *
 * @example
 * const { lang, t } = translator(consent.options);
 * t('acceptAll'); // 'Tout accepter' on a French page
 */
export const translator = (options: Pick<ResolvedOptions, 'language' | 'translations'>): { lang: string; t: Translate } =>
  lookup(options, UI_MESSAGES);
