import type { Messages } from '../../core/messages';

/**
 * Slovak (sk). Wording follows the vocabulary of the Úrad na ochranu osobných údajov SR
 * (https://dataprotection.gov.sk) and of zákon č. 452/2021 Z. z. o elektronických komunikáciách,
 * § 109 ods. 8 (súbory cookie, súhlas). A non-breaking space follows one-letter words, as Slovak
 * typography requires.
 * Glossary (for a native reviewer): cookie → súbor cookie; consent → súhlas; Accept all → Prijať
 * všetky; Reject all → Odmietnuť všetky; Customize → Prispôsobiť; essential → nevyhnutné;
 * analytics/audience measurement → analytika; marketing → marketing; privacy policy → zásady
 * ochrany osobných údajov; partners → partneri; Global Privacy Control → kept in English.
 */
export const sk: Messages = {
  title: 'Súbory cookie a podobné technológie',
  text: '{site} používa súbory cookie a podobné technológie (napríklad lokálne úložisko): nevyhnutné na fungovanie tohto webu a iba s vaším súhlasom aj ďalšie na tieto účely: {purposes}. Odmietnutie nič nemení na fungovaní webu. Svoju voľbu môžete kedykoľvek zmeniť cez odkaz „Nastavenia súborov cookie“ v dolnej časti každej stránky.',
  partners: 'Partneri: {partners}.',
  morePartners: 'ďalší ({n})',
  policy: 'Zásady ochrany osobných údajov',
  gpc: 'Signál Global Privacy Control vášho prehliadača bol uplatnený: voliteľné súbory cookie sú vypnuté.',
  acceptAll: 'Prijať všetky',
  rejectAll: 'Odmietnuť všetky',
  customize: 'Prispôsobiť',
  new: 'Nové od vašej poslednej voľby: {items}',
  save: 'Uložiť moju voľbu',
  saved: 'Voľba bola uložená',
  intro: 'Vyberte, čo povoľujete. Nevyhnutné súbory cookie sú vždy aktívne: bez nich web nemôže fungovať. Svoju voľbu tu môžete kedykoľvek zmeniť.',
  close: 'Zavrieť',
  alwaysActive: 'Vždy aktívne',
  essential: 'Nevyhnutné',
  'essential.d': 'Prihlásenie, zabezpečenie a zapamätanie tejto voľby.',
  analytics: 'Analytika',
  'analytics.d': 'Štatistiky o používaní webu na jeho zlepšenie.',
  marketing: 'Marketing',
  'marketing.d': 'Reklama a meranie jej účinnosti.',
  preferences: 'Nastavenia súborov cookie',
  placeholderText: 'Obsah služby {service} je zablokovaný. Ak ho povolíte, {service} bude môcť ukladať súbory cookie a získavať informácie o vašej návšteve.',
  placeholderAllow: 'Povoliť {service}',
};
