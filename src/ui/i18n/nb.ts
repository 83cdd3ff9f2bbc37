import type { Messages } from '../../core/messages';

/**
 * Norwegian Bokmål (nb; `no` resolves here). Wording follows Nkom, which supervises the cookie
 * rule of the ekomlov ("Informasjonskapsler (cookies)": https://nkom.no/internett/informasjonskapsler-cookies),
 * and Datatilsynet (https://www.datatilsynet.no/personvern-pa-ulike-omrader/internett-og-apper/cookies/).
 * Glossary (for a native reviewer): cookie → informasjonskapsel (title adds "(cookies)"); consent →
 * samtykke; Accept all → Godta alle; Reject all → Avslå alle; Customize → Tilpass; essential →
 * nødvendige; analytics/audience measurement → statistikk; marketing → markedsføring; privacy
 * policy → personvernerklæring; partners → partnere; Global Privacy Control → kept in English.
 */
export const nb: Messages = {
  title: 'Informasjonskapsler (cookies) og lignende teknologi',
  text: '{site} bruker informasjonskapsler og lignende teknologi (for eksempel lokal lagring): nødvendige for at nettstedet skal fungere og, bare hvis du samtykker, andre til følgende formål: {purposes}. Å avslå endrer ingenting i hvordan nettstedet fungerer. Du kan når som helst endre valget ditt via «Innstillinger for informasjonskapsler» nederst på hver side.',
  partners: 'Partnere: {partners}.',
  morePartners: '{n} til',
  policy: 'Personvernerklæring',
  gpc: 'Signalet Global Privacy Control fra nettleseren din er fulgt: valgfrie informasjonskapsler er slått av.',
  acceptAll: 'Godta alle',
  rejectAll: 'Avslå alle',
  customize: 'Tilpass',
  new: 'Nytt siden ditt forrige valg: {items}',
  save: 'Lagre valgene mine',
  saved: 'Valgene er lagret',
  intro: 'Velg hva du tillater. Nødvendige informasjonskapsler er alltid aktive: nettstedet kan ikke fungere uten dem. Du kan når som helst endre valget ditt her.',
  close: 'Lukk',
  alwaysActive: 'Alltid aktive',
  essential: 'Nødvendige',
  'essential.d': 'Innlogging, sikkerhet og å huske dette valget.',
  analytics: 'Statistikk',
  'analytics.d': 'Måling av hvordan nettstedet brukes, for å forbedre det.',
  marketing: 'Markedsføring',
  'marketing.d': 'Reklame og måling av effekten.',
  preferences: 'Innstillinger for informasjonskapsler',
  placeholderText: 'Innhold fra {service} er blokkert. Hvis du tillater det, kan {service} lagre informasjonskapsler og få informasjon om besøket ditt.',
  placeholderAllow: 'Tillat {service}',
};
