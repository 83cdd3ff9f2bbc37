import type { Messages } from '../../core/messages';

/**
 * Romanian (ro). Wording follows the ANSPDCP's vocabulary (https://www.dataprotection.ro) and
 * Legea nr. 506/2004, art. 4 alin. (5) (cookie-uri, consimțământ). Diacritics with comma below
 * (ș, ț); quotation marks „…”.
 * Glossary (for a native reviewer): cookie → cookie (pl. cookie-uri); consent → consimțământ
 * (acord in running text); Accept all → Acceptă tot; Reject all → Respinge tot; Customize →
 * Personalizează; essential → esențiale; analytics/audience measurement → statistici; marketing
 * → marketing; privacy policy → politica de confidențialitate; partners → parteneri; Global
 * Privacy Control → kept in English.
 */
export const ro: Messages = {
  title: 'Cookie-uri și tehnologii similare',
  text: '{site} folosește cookie-uri și tehnologii similare (cum ar fi stocarea locală): unele esențiale pentru funcționarea site-ului și, numai cu acordul dumneavoastră, altele pentru: {purposes}. Refuzul nu schimbă nimic în funcționarea site-ului. Vă puteți modifica oricând alegerea prin „Preferințe cookie-uri”, în partea de jos a fiecărei pagini.',
  partners: 'Parteneri: {partners}.',
  morePartners: 'încă {n}',
  policy: 'Politica de confidențialitate',
  gpc: 'Semnalul Global Privacy Control al browserului dumneavoastră a fost aplicat: cookie-urile opționale sunt dezactivate.',
  acceptAll: 'Acceptă tot',
  rejectAll: 'Respinge tot',
  customize: 'Personalizează',
  new: 'Nou de la ultima alegere: {items}',
  save: 'Salvează alegerile mele',
  saved: 'Alegeri salvate',
  intro: 'Alegeți ce permiteți. Cookie-urile esențiale sunt întotdeauna active: site-ul nu poate funcționa fără ele. Vă puteți modifica oricând alegerea aici.',
  close: 'Închide',
  alwaysActive: 'Întotdeauna active',
  essential: 'Esențiale',
  'essential.d': 'Autentificare, securitate și memorarea acestei alegeri.',
  analytics: 'Statistici',
  'analytics.d': 'Măsurarea utilizării site-ului, pentru a-l îmbunătăți.',
  marketing: 'Marketing',
  'marketing.d': 'Publicitate și măsurarea eficienței acesteia.',
  preferences: 'Preferințe cookie-uri',
  placeholderText: 'Conținutul de la {service} este blocat. Dacă îl permiteți, {service} va putea plasa cookie-uri și obține informații despre vizita dumneavoastră.',
  placeholderAllow: 'Permite {service}',
};
