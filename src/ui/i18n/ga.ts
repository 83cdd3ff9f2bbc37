import type { Messages } from '../../core/messages';

/**
 * Irish (ga). Wording follows the Data Protection Commission (An Coimisiún um Chosaint Sonraí),
 * "Guidance Note: Cookies and other tracking technologies" (April 2020):
 * https://www.dataprotection.ie/en/dpc-guidance/guidance-note-cookies-and-other-tracking-technologies
 * and the terms of téarma.ie. Quotation marks “…” as in Irish print.
 * Glossary (for a native reviewer): cookie → fianán (pl. fianáin); similar technologies →
 * teicneolaíochtaí rianaithe eile (the DPC's "other tracking technologies"); consent → toiliú;
 * Accept all → Glac leo go léir; Reject all → Diúltaigh dóibh go léir; Customize → Saincheap;
 * essential → riachtanach; analytics/audience measurement → anailísíocht; marketing →
 * margaíocht; privacy policy → beartas príobháideachais; partners → comhpháirtithe; local
 * storage → stóráil áitiúil; Global Privacy Control → kept in English.
 */
export const ga: Messages = {
  title: 'Fianáin agus teicneolaíochtaí rianaithe eile',
  text: 'Úsáideann {site} fianáin agus teicneolaíochtaí rianaithe eile (amhail stóráil áitiúil): cinn riachtanacha chun go n-oibreoidh an suíomh seo agus, ach amháin má thoilíonn tú, cinn eile chun na gcuspóirí seo: {purposes}. Ní athraíonn diúltú aon ní maidir leis an gcaoi a n-oibríonn an suíomh. Is féidir leat do rogha a athrú am ar bith le “Roghanna fianán” ag bun gach leathanaigh.',
  partners: 'Comhpháirtithe: {partners}.',
  morePartners: '{n} eile',
  policy: 'Beartas príobháideachais',
  gpc: 'Cuireadh comhartha Global Privacy Control do bhrabhsálaí i bhfeidhm: tá na fianáin roghnacha múchta.',
  acceptAll: 'Glac leo go léir',
  rejectAll: 'Diúltaigh dóibh go léir',
  customize: 'Saincheap',
  new: 'Nua ó do rogha dheireanach: {items}',
  save: 'Sábháil mo roghanna',
  saved: 'Sábháladh na roghanna',
  intro: 'Roghnaigh cad a cheadaíonn tú. Bíonn na fianáin riachtanacha gníomhach i gcónaí: ní féidir leis an suíomh oibriú gan iad. Is féidir leat do rogha a athrú anseo am ar bith.',
  close: 'Dún',
  alwaysActive: 'Gníomhach i gcónaí',
  essential: 'Riachtanach',
  'essential.d': 'Logáil isteach, slándáil agus cuimhneamh ar an rogha seo.',
  analytics: 'Anailísíocht',
  'analytics.d': 'Staitisticí ar an gcaoi a n-úsáidtear an suíomh, chun é a fheabhsú.',
  marketing: 'Margaíocht',
  'marketing.d': 'Fógraíocht agus tomhas a héifeachtachta.',
  preferences: 'Roghanna fianán',
  placeholderText: 'Tá {service} blocáilte. Má cheadaíonn tú é, féadfaidh {service} fianáin a shocrú agus eolas a fháil faoi do chuairt.',
  placeholderAllow: 'Ceadaigh {service}',
};
