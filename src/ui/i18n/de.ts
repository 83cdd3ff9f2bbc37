import type { Messages } from '../../core/messages';

/**
 * German (de). Wording follows the DSK's Orientierungshilfe für Anbieter:innen von Telemedien
 * (2021, v1.1 of December 2022: https://www.datenschutzkonferenz-online.de/orientierungshilfen.html)
 * and § 25 TDDDG ("Einwilligung", "unbedingt erforderlich", "Reichweitenmessung").
 * Glossary (for a native reviewer): cookie → Cookie (pl. Cookies); consent → Einwilligung;
 * Accept all → Alle akzeptieren; Reject all → Alle ablehnen; Customize → Anpassen; essential →
 * erforderlich; analytics/audience measurement → Reichweitenmessung; marketing → Marketing;
 * privacy policy → Datenschutzerklärung; partners → Partner; Global Privacy Control → kept in
 * English (Global-Privacy-Control-Signal). Formal address (Sie); quotation marks „…“.
 */
export const de: Messages = {
  title: 'Cookies und ähnliche Technologien',
  text: '{site} verwendet Cookies und ähnliche Technologien (etwa den lokalen Speicher): erforderliche, damit diese Website funktioniert, und – nur mit Ihrer Einwilligung – weitere für: {purposes}. Eine Ablehnung ändert nichts daran, wie die Website funktioniert. Sie können Ihre Auswahl jederzeit über „Cookie-Einstellungen“ unten auf jeder Seite ändern.',
  partners: 'Partner: {partners}.',
  morePartners: '{n} weitere',
  policy: 'Datenschutzerklärung',
  gpc: 'Das Global-Privacy-Control-Signal Ihres Browsers wurde angewendet: Optionale Cookies sind deaktiviert.',
  acceptAll: 'Alle akzeptieren',
  rejectAll: 'Alle ablehnen',
  customize: 'Anpassen',
  new: 'Neu seit Ihrer letzten Auswahl: {items}',
  save: 'Auswahl speichern',
  saved: 'Auswahl gespeichert',
  intro: 'Wählen Sie aus, was Sie erlauben. Erforderliche Cookies sind immer aktiv: Ohne sie kann die Website nicht funktionieren. Sie können Ihre Auswahl hier jederzeit ändern.',
  close: 'Schließen',
  alwaysActive: 'Immer aktiv',
  essential: 'Erforderlich',
  'essential.d': 'Anmeldung, Sicherheit und Speichern dieser Auswahl.',
  analytics: 'Reichweitenmessung',
  'analytics.d': 'Statistiken zur Nutzung der Website, um sie zu verbessern.',
  marketing: 'Marketing',
  'marketing.d': 'Werbung und Messung ihrer Wirksamkeit.',
  preferences: 'Cookie-Einstellungen',
  placeholderText: '{service} ist blockiert. Wenn Sie dies erlauben, kann {service} Cookies setzen und Informationen über Ihren Besuch erhalten.',
  placeholderAllow: '{service} erlauben',
};
