import type { Messages } from '../../core/messages';

/**
 * Lithuanian (lt). Wording follows the Valstybinė duomenų apsaugos inspekcija (VDAI,
 * https://vdai.lrv.lt/) and the Lithuanian text of the GDPR ("sutikimas").
 * Glossary (for a native reviewer): cookie → slapukas (pl. slapukai); similar technologies →
 * panašios technologijos; consent → sutikimas; Accept all → Priimti visus; Reject all → Atmesti
 * visus; Customize → Tinkinti; essential → būtinieji; analytics/audience measurement →
 * statistika; marketing → rinkodara; privacy policy → privatumo politika; partners → partneriai;
 * local storage → vietinė saugykla; Global Privacy Control → kept in English. Register: "jūs".
 */
export const lt: Messages = {
  title: 'Slapukai ir panašios technologijos',
  text: '{site} naudoja slapukus ir panašias technologijas (pvz., vietinę saugyklą): būtinuosius, kad ši svetainė veiktų, ir, tik jums sutikus, kitus šiems tikslams: {purposes}. Jei atsisakysite, svetainė veiks lygiai taip pat. Savo pasirinkimą galite bet kada pakeisti naudodamiesi nuoroda „Slapukų nustatymai“ kiekvieno puslapio apačioje.',
  partners: 'Partneriai: {partners}.',
  morePartners: 'Dar {n}',
  policy: 'Privatumo politika',
  gpc: 'Pritaikytas jūsų naršyklės Global Privacy Control signalas: neprivalomi slapukai išjungti.',
  acceptAll: 'Priimti visus',
  rejectAll: 'Atmesti visus',
  customize: 'Tinkinti',
  new: 'Nauja nuo paskutinio jūsų pasirinkimo: {items}',
  save: 'Išsaugoti mano pasirinkimą',
  saved: 'Pasirinkimas išsaugotas',
  intro: 'Pasirinkite, ką leidžiate. Būtinieji slapukai visada aktyvūs: be jų svetainė negali veikti. Savo pasirinkimą čia galite pakeisti bet kada.',
  close: 'Uždaryti',
  alwaysActive: 'Visada aktyvūs',
  essential: 'Būtinieji',
  'essential.d': 'Prisijungimas, saugumas ir šio pasirinkimo įsiminimas.',
  analytics: 'Statistika',
  'analytics.d': 'Svetainės lankomumo statistika, kad galėtume ją tobulinti.',
  marketing: 'Rinkodara',
  'marketing.d': 'Reklama ir jos veiksmingumo vertinimas.',
  preferences: 'Slapukų nustatymai',
  placeholderText: '{service} turinys užblokuotas. Jei leisite, {service} galės įrašyti slapukus ir sužinoti apie jūsų apsilankymą.',
  placeholderAllow: 'Leisti {service}',
};
