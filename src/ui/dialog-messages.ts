import type { BundledLanguage } from '../core/language';
import type { Messages } from '../core/messages';

/** The keys only the preferences dialog shows. */
export type DialogKey = 'save' | 'intro' | 'alwaysActive' | 'essential' | 'essential.d' | 'analytics.d' | 'marketing.d';

/**
 * The dialog's own built-in strings, in the dialog's file (`instria-consent.dialog.js` for the
 * script tag): a visitor who answers the banner never downloads them. The dialog looks them up
 * through the same chain as the rest of the UI (`finder`, then the UI's `t`), so a site's
 * `translations` override them as any other key.
 */
export const DIALOG_MESSAGES: Record<BundledLanguage, Pick<Messages, DialogKey>> = {
  en: {
    save: 'Save my choices',
    intro: 'Choose what you allow. Essential cookies are always active: the site cannot work without them. You can change your choice here at any time.',
    alwaysActive: 'Always active',
    essential: 'Essential',
    'essential.d': 'Sign-in, security and remembering this choice.',
    'analytics.d': 'Statistics on how the site is used, to improve it.',
    'marketing.d': 'Advertising and measuring its effectiveness.',
  },
  fr: {
    save: 'Enregistrer mes choix',
    intro: 'Choisissez ce que vous autorisez. Les cookies essentiels sont toujours actifs : le site ne peut pas fonctionner sans eux. Vous pouvez modifier votre choix ici à tout moment.',
    alwaysActive: 'Toujours actif',
    essential: 'Essentiels',
    'essential.d': 'Connexion, sécurité et mémorisation de ce choix.',
    'analytics.d': 'Statistiques de fréquentation, pour améliorer le site.',
    'marketing.d': 'Publicité et mesure de son efficacité.',
  },
};
