import type { Messages } from '../../core/messages';

/**
 * Finnish (fi). Wording follows Traficom's guidance on cookies and other tracking technologies
 * (https://www.traficom.fi; the cookie rules of the Laki sähköisen viestinnän palveluista, § 205)
 * and the Tietosuojavaltuutettu ("suostumus", "evästeet").
 * Glossary (for a native reviewer): cookie → eväste (pl. evästeet); consent → suostumus;
 * Accept all → Hyväksy kaikki; Reject all → Hylkää kaikki; Customize → Mukauta; essential →
 * välttämättömät; analytics/audience measurement → analytiikka; marketing → markkinointi;
 * privacy policy → tietosuojaseloste; partners → kumppanit; Global Privacy Control → kept in
 * English (Global Privacy Control -signaali). Address "sinä"; quotation marks ”…”.
 */
export const fi: Messages = {
  title: 'Evästeet ja vastaavat tekniikat',
  text: '{site} käyttää evästeitä ja vastaavia tekniikoita (kuten paikallista tallennustilaa): välttämättömiä tämän sivuston toimintaa varten ja vain suostumuksellasi muita seuraaviin tarkoituksiin: {purposes}. Kieltäytyminen ei muuta sivuston toimintaa mitenkään. Voit muuttaa valintaasi milloin tahansa jokaisen sivun alareunassa olevasta linkistä ”Evästeasetukset”.',
  partners: 'Kumppanit: {partners}.',
  morePartners: '{n} muuta',
  policy: 'Tietosuojaseloste',
  gpc: 'Selaimesi Global Privacy Control -signaali otettiin huomioon: valinnaiset evästeet ovat pois päältä.',
  acceptAll: 'Hyväksy kaikki',
  rejectAll: 'Hylkää kaikki',
  customize: 'Mukauta',
  new: 'Uutta edellisen valintasi jälkeen: {items}',
  save: 'Tallenna valinnat',
  saved: 'Valinnat tallennettu',
  intro: 'Valitse, mitä sallit. Välttämättömät evästeet ovat aina käytössä: sivusto ei toimi ilman niitä. Voit muuttaa valintaasi täällä milloin tahansa.',
  close: 'Sulje',
  alwaysActive: 'Aina käytössä',
  essential: 'Välttämättömät',
  'essential.d': 'Kirjautuminen, tietoturva ja tämän valinnan muistaminen.',
  analytics: 'Analytiikka',
  'analytics.d': 'Tilastoja sivuston käytöstä sen parantamiseksi.',
  marketing: 'Markkinointi',
  'marketing.d': 'Mainonta ja sen tehokkuuden mittaaminen.',
  preferences: 'Evästeasetukset',
  placeholderText: '{service} on estetty. Jos sallit sen, {service} voi tallentaa evästeitä ja saada tietoa käynnistäsi.',
  placeholderAllow: 'Salli {service}',
};
