import type { Messages } from '../../core/messages';

/**
 * Dutch (nl). Wording follows the Autoriteit Persoonsgegevens, "Heldere en misleidende
 * cookiebanners" (https://autoriteitpersoonsgegevens.nl/themas/internet-slimme-apparaten/cookies/heldere-en-misleidende-cookiebanners),
 * and the Telecommunicatiewet art. 11.7a vocabulary (functionele, analytische en tracking cookies).
 * Glossary (for a native reviewer): cookie → cookie; consent → toestemming; Accept all → Alles
 * accepteren; Reject all → Alles weigeren; Customize → Aanpassen; essential → functioneel
 * (functionele cookies); analytics/audience measurement → statistieken (analytische cookies);
 * marketing → marketing; privacy policy → privacyverklaring; partners → partners; Global Privacy
 * Control → kept in English. Formal "u", as the AP writes.
 */
export const nl: Messages = {
  title: 'Cookies en vergelijkbare technieken',
  text: '{site} gebruikt cookies en vergelijkbare technieken (zoals lokale opslag): functionele cookies om deze website te laten werken en, alleen met uw toestemming, andere voor: {purposes}. Weigeren verandert niets aan hoe de website werkt. U kunt uw keuze altijd wijzigen via “Cookievoorkeuren” onderaan elke pagina.',
  partners: 'Partners: {partners}.',
  morePartners: 'nog {n}',
  policy: 'Privacyverklaring',
  gpc: 'Het Global Privacy Control-signaal van uw browser is toegepast: optionele cookies staan uit.',
  acceptAll: 'Alles accepteren',
  rejectAll: 'Alles weigeren',
  customize: 'Aanpassen',
  new: 'Nieuw sinds uw laatste keuze: {items}',
  save: 'Mijn keuzes opslaan',
  saved: 'Keuzes opgeslagen',
  intro: 'Kies wat u toestaat. Functionele cookies zijn altijd actief: zonder deze cookies kan de website niet werken. U kunt uw keuze hier altijd wijzigen.',
  close: 'Sluiten',
  alwaysActive: 'Altijd actief',
  essential: 'Functioneel',
  'essential.d': 'Inloggen, beveiliging en het onthouden van deze keuze.',
  analytics: 'Statistieken',
  'analytics.d': 'Inzicht in hoe de website wordt gebruikt, om die te verbeteren.',
  marketing: 'Marketing',
  'marketing.d': 'Advertenties en het meten van hun effect.',
  preferences: 'Cookievoorkeuren',
  placeholderText: '{service} is geblokkeerd. Als u dit toestaat, kan {service} cookies plaatsen en informatie over uw bezoek verzamelen.',
  placeholderAllow: '{service} toestaan',
};
