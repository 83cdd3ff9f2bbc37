import type { Messages } from '../../core/messages';

/**
 * Swedish (sv). Wording follows Post- och telestyrelsen (PTS), which supervises the cookie rule
 * of the lag (2022:482) om elektronisk kommunikation, 9 kap. 28 § ("kakor (cookies)", "kakor och
 * liknande tekniker": https://pts.se/sv/nyheter/internet/2023/pts-misstanker-att-webbplatser-inte-foljer-reglerna-om-kakor/),
 * and IMY for personal data; quotation marks ”…”.
 * Glossary (for a native reviewer): cookie → kaka (title adds "(cookies)"); consent → samtycke;
 * Accept all → Godkänn alla; Reject all → Neka alla; Customize → Anpassa; essential → nödvändiga;
 * analytics/audience measurement → statistik; marketing → marknadsföring; privacy policy →
 * integritetspolicy; partners → partner; Global Privacy Control → kept in English.
 */
export const sv: Messages = {
  title: 'Kakor (cookies) och liknande tekniker',
  text: '{site} använder kakor och liknande tekniker (till exempel lokal lagring): nödvändiga för att webbplatsen ska fungera och, bara om du samtycker, andra för följande ändamål: {purposes}. Att neka ändrar inget i hur webbplatsen fungerar. Du kan när som helst ändra ditt val via ”Inställningar för kakor” längst ned på varje sida.',
  partners: 'Partner: {partners}.',
  morePartners: '{n} till',
  policy: 'Integritetspolicy',
  gpc: 'Din webbläsares signal Global Privacy Control har tillämpats: valfria kakor är avstängda.',
  acceptAll: 'Godkänn alla',
  rejectAll: 'Neka alla',
  customize: 'Anpassa',
  new: 'Nytt sedan ditt senaste val: {items}',
  save: 'Spara mina val',
  saved: 'Valen har sparats',
  intro: 'Välj vad du tillåter. Nödvändiga kakor är alltid aktiva: webbplatsen kan inte fungera utan dem. Du kan när som helst ändra ditt val här.',
  close: 'Stäng',
  alwaysActive: 'Alltid aktiva',
  essential: 'Nödvändiga',
  'essential.d': 'Inloggning, säkerhet och att komma ihåg det här valet.',
  analytics: 'Statistik',
  'analytics.d': 'Mätning av hur webbplatsen används, för att förbättra den.',
  marketing: 'Marknadsföring',
  'marketing.d': 'Reklam och mätning av dess effekt.',
  preferences: 'Inställningar för kakor',
  placeholderText: 'Innehåll från {service} är blockerat. Om du tillåter det kan {service} lagra kakor och få information om ditt besök.',
  placeholderAllow: 'Tillåt {service}',
};
