import type { Messages } from '../../core/messages';

/**
 * Maltese (mt). Wording follows the Information and Data Protection Commissioner (IDPC,
 * https://idpc.org.mt/) and the Maltese text of the GDPR ("kunsens"); "cookies" is kept as the
 * loanword used in Maltese EU texts. Quotation marks “…” as in Maltese print.
 * Glossary (for a native reviewer): cookie → cookie (pl. cookies, "il-cookies"); similar
 * technologies → teknoloġiji simili; consent → kunsens; Accept all → Aċċetta kollox; Reject all
 * → Irrifjuta kollox; Customize → Ippersonalizza; essential → essenzjali; analytics/audience
 * measurement → analitika; marketing → marketing (loanword; the EU term is
 * "kummerċjalizzazzjoni"); privacy policy → politika tal-privatezza; partners → sħab; local
 * storage → ħażna lokali; Global Privacy Control → kept in English.
 */
export const mt: Messages = {
  title: 'Cookies u teknoloġiji simili',
  text: '{site} juża cookies u teknoloġiji simili (bħall-ħażna lokali): dawk essenzjali biex dan is-sit jaħdem u, biss jekk taqbel, oħrajn għal dawn l-għanijiet: {purposes}. Ir-rifjut ma jibdel xejn fil-mod kif jaħdem is-sit. Tista’ tibdel l-għażla tiegħek fi kwalunkwe ħin permezz ta’ “Preferenzi tal-cookies” fil-qiegħ ta’ kull paġna.',
  partners: 'Sħab: {partners}.',
  morePartners: '{n} oħra',
  policy: 'Politika tal-privatezza',
  gpc: 'Ġie applikat is-sinjal Global Privacy Control tal-browser tiegħek: il-cookies fakultattivi huma mitfija.',
  acceptAll: 'Aċċetta kollox',
  rejectAll: 'Irrifjuta kollox',
  customize: 'Ippersonalizza',
  new: 'Ġdid mill-aħħar għażla tiegħek: {items}',
  save: 'Salva l-għażliet tiegħi',
  saved: 'L-għażliet ġew salvati',
  intro: 'Agħżel x’tippermetti. Il-cookies essenzjali huma dejjem attivi: is-sit ma jistax jaħdem mingħajrhom. Tista’ tibdel l-għażla tiegħek hawn fi kwalunkwe ħin.',
  close: 'Agħlaq',
  alwaysActive: 'Dejjem attivi',
  essential: 'Essenzjali',
  'essential.d': 'Dħul fil-kont, sigurtà u l-ħażna ta’ din l-għażla.',
  analytics: 'Analitika',
  'analytics.d': 'Statistika dwar kif jintuża s-sit, biex jitjieb.',
  marketing: 'Marketing',
  'marketing.d': 'Reklamar u l-kejl tal-effettività tiegħu.',
  preferences: 'Preferenzi tal-cookies',
  placeholderText: 'Il-kontenut ta’ {service} huwa mblukkat. Jekk tippermettih, {service} ikun jista’ jpoġġi cookies u jiġbor informazzjoni dwar iż-żjara tiegħek.',
  placeholderAllow: 'Ippermetti {service}',
};
