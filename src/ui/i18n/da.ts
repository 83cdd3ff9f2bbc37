import type { Messages } from '../../core/messages';

/**
 * Danish (da). Wording follows Datatilsynet's guidance on website visitors' data
 * (https://www.datatilsynet.dk) and the cookiebekendtgørelse
 * ("samtykke", "nødvendige cookies").
 * Glossary (for a native reviewer): cookie → cookie (pl. cookies); consent → samtykke; Accept
 * all → Accepter alle; Reject all → Afvis alle; Customize → Tilpas; essential → nødvendige;
 * analytics/audience measurement → statistik; marketing → marketing; privacy policy →
 * privatlivspolitik; partners → partnere; Global Privacy Control → kept in English. Address
 * "du"; quotation marks »…«; capital letter after a colon before a full clause.
 */
export const da: Messages = {
  title: 'Cookies og lignende teknologier',
  text: '{site} bruger cookies og lignende teknologier (f.eks. lokal lagring): nødvendige, så dette websted fungerer, og – kun med dit samtykke – andre til: {purposes}. Hvis du afviser, ændrer det intet ved, hvordan webstedet fungerer. Du kan til enhver tid ændre dit valg via »Cookieindstillinger« nederst på hver side.',
  partners: 'Partnere: {partners}.',
  morePartners: '{n} flere',
  policy: 'Privatlivspolitik',
  gpc: 'Din browsers Global Privacy Control-signal er blevet anvendt: Valgfrie cookies er slået fra.',
  acceptAll: 'Accepter alle',
  rejectAll: 'Afvis alle',
  customize: 'Tilpas',
  new: 'Nyt siden dit sidste valg: {items}',
  save: 'Gem mine valg',
  saved: 'Valg gemt',
  intro: 'Vælg, hvad du tillader. Nødvendige cookies er altid aktive: Webstedet kan ikke fungere uden dem. Du kan til enhver tid ændre dit valg her.',
  close: 'Luk',
  alwaysActive: 'Altid aktive',
  essential: 'Nødvendige',
  'essential.d': 'Login, sikkerhed og lagring af dette valg.',
  analytics: 'Statistik',
  'analytics.d': 'Målinger af, hvordan webstedet bruges, så det kan forbedres.',
  marketing: 'Marketing',
  'marketing.d': 'Annoncer og måling af deres effekt.',
  preferences: 'Cookieindstillinger',
  placeholderText: '{service} er blokeret. Hvis du tillader det, kan {service} sætte cookies og få oplysninger om dit besøg.',
  placeholderAllow: 'Tillad {service}',
};
