import type { Messages } from '../../core/messages';

/**
 * Czech (cs). Wording follows the ÚOOÚ's guidance on cookies (https://uoou.gov.cz) and § 89(3)
 * of zákon o elektronických komunikacích ("souhlas", opt-in since 2022).
 * Glossary (for a native reviewer): cookie → cookies (kept, indeclinable); consent → souhlas;
 * Accept all → Přijmout vše; Reject all → Odmítnout vše; Customize → Přizpůsobit; essential →
 * nezbytné; analytics/audience measurement → měření návštěvnosti; marketing → marketing;
 * privacy policy → Zásady ochrany osobních údajů; partners → partneři; Global Privacy Control →
 * kept in English. Address with lower-case "vy"; quotation marks „…“; "Další ({n})" avoids the
 * plural forms of {n}.
 */
export const cs: Messages = {
  title: 'Cookies a podobné technologie',
  text: '{site} používá cookies a podobné technologie (například místní úložiště): nezbytné pro fungování tohoto webu a – pouze s vaším souhlasem – další pro: {purposes}. Odmítnutí nemá na fungování webu žádný vliv. Svou volbu můžete kdykoli změnit přes „Nastavení cookies“ v zápatí každé stránky.',
  partners: 'Partneři: {partners}.',
  morePartners: 'Další ({n})',
  policy: 'Zásady ochrany osobních údajů',
  gpc: 'Byl uplatněn signál Global Privacy Control vašeho prohlížeče: volitelné cookies jsou vypnuté.',
  acceptAll: 'Přijmout vše',
  rejectAll: 'Odmítnout vše',
  customize: 'Přizpůsobit',
  new: 'Nové od vaší poslední volby: {items}',
  save: 'Uložit volbu',
  saved: 'Volba uložena',
  intro: 'Vyberte, co povolíte. Nezbytné cookies jsou vždy aktivní: bez nich web nemůže fungovat. Svou volbu zde můžete kdykoli změnit.',
  close: 'Zavřít',
  alwaysActive: 'Vždy aktivní',
  essential: 'Nezbytné',
  'essential.d': 'Přihlášení, zabezpečení a zapamatování této volby.',
  analytics: 'Měření návštěvnosti',
  'analytics.d': 'Statistiky o používání webu, abychom jej mohli zlepšovat.',
  marketing: 'Marketing',
  'marketing.d': 'Reklama a měření její účinnosti.',
  preferences: 'Nastavení cookies',
  placeholderText: 'Obsah {service} je zablokován. Pokud ho povolíte, {service} bude moci ukládat cookies a získávat informace o vaší návštěvě.',
  placeholderAllow: 'Povolit {service}',
};
