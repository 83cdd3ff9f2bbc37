import type { Messages } from '../../core/messages';

/**
 * Estonian (et). Wording follows the Andmekaitse Inspektsioon's guidance on cookies
 * (https://www.aki.ee) ("nõusolek", "küpsised", "vajalikud küpsised").
 * Glossary (for a native reviewer): cookie → küpsis (pl. küpsised); consent → nõusolek;
 * Accept all → Nõustu kõigiga; Reject all → Keeldu kõigist; Customize → Kohanda; essential →
 * vajalikud; analytics/audience measurement → statistika; marketing → turundus; privacy policy
 * → privaatsuspoliitika; partners → partnerid; Global Privacy Control → kept in English.
 * Formal address (teie); quotation marks „…“.
 */
export const et: Messages = {
  title: 'Küpsised ja sarnased tehnoloogiad',
  text: '{site} kasutab küpsiseid ja sarnaseid tehnoloogiaid (näiteks kohalikku salvestusruumi): vajalikke selle veebisaidi toimimiseks ning ainult teie nõusolekul muid järgmisteks eesmärkideks: {purposes}. Keeldumine ei muuda veebisaidi toimimises midagi. Saate oma valikut igal ajal muuta iga lehe allosas oleva lingi „Küpsiste seaded“ kaudu.',
  partners: 'Partnerid: {partners}.',
  morePartners: 'Veel {n}',
  policy: 'Privaatsuspoliitika',
  gpc: 'Rakendati teie brauseri signaal Global Privacy Control: valikulised küpsised on välja lülitatud.',
  acceptAll: 'Nõustu kõigiga',
  rejectAll: 'Keeldu kõigist',
  customize: 'Kohanda',
  new: 'Uut pärast teie viimast valikut: {items}',
  save: 'Salvesta valikud',
  saved: 'Valikud salvestatud',
  intro: 'Valige, mida lubate. Vajalikud küpsised on alati aktiivsed: ilma nendeta ei saa veebisait toimida. Saate oma valikut siin igal ajal muuta.',
  close: 'Sulge',
  alwaysActive: 'Alati aktiivsed',
  essential: 'Vajalikud',
  'essential.d': 'Sisselogimine, turvalisus ja selle valiku meelespidamine.',
  analytics: 'Statistika',
  'analytics.d': 'Andmed veebisaidi kasutamise kohta, et seda parandada.',
  marketing: 'Turundus',
  'marketing.d': 'Reklaam ja selle tõhususe mõõtmine.',
  preferences: 'Küpsiste seaded',
  placeholderText: '{service} on blokeeritud. Kui selle lubate, saab {service} salvestada küpsiseid ja koguda teavet teie külastuse kohta.',
  placeholderAllow: 'Luba {service}',
};
