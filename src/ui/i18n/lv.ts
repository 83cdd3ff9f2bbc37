import type { Messages } from '../../core/messages';

/**
 * Latvian (lv). Wording follows the Datu valsts inspekcija (DVI, https://www.dvi.gov.lv/) and
 * the Latvian text of the GDPR ("piekrišana"); "sīkdatne" is the official term for a cookie.
 * Glossary (for a native reviewer): cookie → sīkdatne (pl. sīkdatnes); similar technologies →
 * līdzīgas tehnoloģijas; consent → piekrišana; Accept all → Pieņemt visas; Reject all → Noraidīt
 * visas; Customize → Pielāgot; essential → nepieciešamās; analytics/audience measurement →
 * statistika; marketing → mārketings; privacy policy → privātuma politika; partners → partneri;
 * local storage → lokālā krātuve; Global Privacy Control → kept in English. Register: "jūs".
 */
export const lv: Messages = {
  title: 'Sīkdatnes un līdzīgas tehnoloģijas',
  text: '{site} izmanto sīkdatnes un līdzīgas tehnoloģijas (piemēram, lokālo krātuvi): nepieciešamās, lai šī vietne darbotos, un, tikai ar jūsu piekrišanu, citas šādiem nolūkiem: {purposes}. Atteikums neko nemaina vietnes darbībā. Savu izvēli jebkurā laikā varat mainīt, izmantojot saiti „Sīkdatņu iestatījumi” katras lapas apakšā.',
  partners: 'Partneri: {partners}.',
  morePartners: 'Vēl {n}',
  policy: 'Privātuma politika',
  gpc: 'Tika piemērots jūsu pārlūkprogrammas Global Privacy Control signāls: neobligātās sīkdatnes ir izslēgtas.',
  acceptAll: 'Pieņemt visas',
  rejectAll: 'Noraidīt visas',
  customize: 'Pielāgot',
  new: 'Kopš jūsu pēdējās izvēles pievienots: {items}',
  save: 'Saglabāt manu izvēli',
  saved: 'Izvēle saglabāta',
  intro: 'Izvēlieties, ko atļaujat. Nepieciešamās sīkdatnes vienmēr ir aktīvas: bez tām vietne nevar darboties. Savu izvēli šeit varat mainīt jebkurā laikā.',
  close: 'Aizvērt',
  alwaysActive: 'Vienmēr aktīvas',
  essential: 'Nepieciešamās',
  'essential.d': 'Pieteikšanās, drošība un šīs izvēles saglabāšana.',
  analytics: 'Statistika',
  'analytics.d': 'Statistika par vietnes lietošanu, lai to uzlabotu.',
  marketing: 'Mārketings',
  'marketing.d': 'Reklāma un tās efektivitātes mērīšana.',
  preferences: 'Sīkdatņu iestatījumi',
  placeholderText: '{service} saturs ir bloķēts. Ja to atļausiet, {service} varēs saglabāt sīkdatnes un uzzināt par jūsu apmeklējumu.',
  placeholderAllow: 'Atļaut {service}',
};
