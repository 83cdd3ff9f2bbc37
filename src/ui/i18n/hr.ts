import type { Messages } from '../../core/messages';

/**
 * Croatian (hr). Wording follows the Agencija za zaštitu osobnih podataka (AZOP,
 * https://azop.hr/) and the Croatian text of the GDPR ("privola").
 * Glossary (for a native reviewer): cookie → kolačić (pl. kolačići); similar technologies →
 * slične tehnologije; consent → privola; Accept all → Prihvati sve; Reject all → Odbij sve;
 * Customize → Prilagodi; essential → nužni; analytics/audience measurement → analitika;
 * marketing → marketing; privacy policy → politika privatnosti; partners → partneri; local
 * storage → lokalna pohrana; Global Privacy Control → kept in English. Register: "vi" (formal).
 */
export const hr: Messages = {
  title: 'Kolačići i slične tehnologije',
  text: '{site} koristi kolačiće i slične tehnologije (kao što je lokalna pohrana): nužne za rad ove stranice i, samo uz vašu privolu, druge u ove svrhe: {purposes}. Odbijanje ne mijenja ništa u radu stranice. Svoj izbor možete promijeniti u bilo kojem trenutku putem poveznice „Postavke kolačića“ na dnu svake stranice.',
  partners: 'Partneri: {partners}.',
  morePartners: 'Još {n}',
  policy: 'Politika privatnosti',
  gpc: 'Primijenjen je signal Global Privacy Control vašeg preglednika: neobavezni kolačići su isključeni.',
  acceptAll: 'Prihvati sve',
  rejectAll: 'Odbij sve',
  customize: 'Prilagodi',
  new: 'Novo od vašeg posljednjeg izbora: {items}',
  save: 'Spremi moj izbor',
  saved: 'Izbor je spremljen',
  intro: 'Odaberite što dopuštate. Nužni kolačići uvijek su aktivni: stranica bez njih ne može raditi. Svoj izbor ovdje možete promijeniti u bilo kojem trenutku.',
  close: 'Zatvori',
  alwaysActive: 'Uvijek aktivni',
  essential: 'Nužni',
  'essential.d': 'Prijava, sigurnost i pamćenje ovog izbora.',
  analytics: 'Analitika',
  'analytics.d': 'Statistika o korištenju stranice, radi njezina poboljšanja.',
  marketing: 'Marketing',
  'marketing.d': 'Oglašavanje i mjerenje njegove učinkovitosti.',
  preferences: 'Postavke kolačića',
  placeholderText: 'Usluga {service} je blokirana. Ako je dopustite, {service} može postavljati kolačiće i prikupljati podatke o vašem posjetu.',
  placeholderAllow: 'Dopusti {service}',
};
