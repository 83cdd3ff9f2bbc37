import type { Messages } from '../../core/messages';

/**
 * Slovenian (sl). Wording follows the Informacijski pooblaščenec's guidelines on cookies and
 * similar tracking technologies (Smernice o uporabi piškotkov in podobnih sledilnih tehnologij,
 * 2023: https://www.ip-rs.si/novice/nove-smernice-o-uporabi-pi%C5%A1kotkov-in-podobnih-sledilnih-tehnologij-1703075230)
 * and ZEKom-2, člen 225 (piškotki, privolitev); quotation marks »…«, as the IP writes them.
 * Glossary (for a native reviewer): cookie → piškotek; consent → privolitev; Accept all → Sprejmi
 * vse; Reject all → Zavrni vse; Customize → Prilagodi; essential → nujni; analytics/audience
 * measurement → analitika; marketing → trženje; privacy policy → politika zasebnosti; partners →
 * partnerji; Global Privacy Control → kept in English.
 */
export const sl: Messages = {
  title: 'Piškotki in podobne tehnologije',
  text: '{site} uporablja piškotke in podobne tehnologije (na primer lokalno shrambo): nujne za delovanje tega spletnega mesta in, samo z vašo privolitvijo, druge za namene: {purposes}. Zavrnitev ne spremeni ničesar pri delovanju spletnega mesta. Svojo izbiro lahko kadar koli spremenite prek povezave »Nastavitve piškotkov« na dnu vsake strani.',
  partners: 'Partnerji: {partners}.',
  morePartners: 'še {n}',
  policy: 'Politika zasebnosti',
  gpc: 'Upoštevan je bil signal Global Privacy Control vašega brskalnika: neobvezni piškotki so izklopljeni.',
  acceptAll: 'Sprejmi vse',
  rejectAll: 'Zavrni vse',
  customize: 'Prilagodi',
  new: 'Novo od vaše zadnje izbire: {items}',
  save: 'Shrani mojo izbiro',
  saved: 'Izbira je shranjena',
  intro: 'Izberite, kaj dovolite. Nujni piškotki so vedno aktivni: brez njih spletno mesto ne more delovati. Svojo izbiro lahko tukaj kadar koli spremenite.',
  close: 'Zapri',
  alwaysActive: 'Vedno aktivni',
  essential: 'Nujni',
  'essential.d': 'Prijava, varnost in pomnjenje te izbire.',
  analytics: 'Analitika',
  'analytics.d': 'Statistika uporabe spletnega mesta za njegovo izboljšanje.',
  marketing: 'Trženje',
  'marketing.d': 'Oglaševanje in merjenje njegove učinkovitosti.',
  preferences: 'Nastavitve piškotkov',
  placeholderText: 'Vsebina storitve {service} je blokirana. Če jo dovolite, lahko {service} shranjuje piškotke in pridobiva podatke o vašem obisku.',
  placeholderAllow: 'Dovoli {service}',
};
