import type { Messages } from '../../core/messages';

/**
 * Icelandic (is). Wording follows Persónuvernd, the Icelandic data protection authority
 * (https://www.personuvernd.is/), and the Icelandic text of the GDPR ("samþykki").
 * Glossary (for a native reviewer): cookie → vafrakaka (pl. vafrakökur); similar technologies →
 * sambærileg tækni; consent → samþykki; Accept all → Samþykkja allar; Reject all → Hafna öllum
 * (both "all [cookies]", feminine plural); Customize → Sérsníða; essential → nauðsynlegar;
 * analytics/audience measurement → tölfræði; marketing → markaðssetning; privacy policy →
 * persónuverndarstefna; partners → samstarfsaðilar; local storage → staðbundin geymsla; cookie
 * preferences → vafrakökustillingar; Global Privacy Control → kept in English.
 */
export const is: Messages = {
  title: 'Vafrakökur og sambærileg tækni',
  text: '{site} notar vafrakökur og sambærilega tækni (t.d. staðbundna geymslu): nauðsynlegar til að vefurinn virki og, aðeins ef þú samþykkir, aðrar í þessum tilgangi: {purposes}. Að hafna breytir engu um virkni vefsins. Þú getur breytt vali þínu hvenær sem er með hlekknum „Vafrakökustillingar“ neðst á hverri síðu.',
  partners: 'Samstarfsaðilar: {partners}.',
  morePartners: '{n} til viðbótar',
  policy: 'Persónuverndarstefna',
  gpc: 'Global Privacy Control-merkinu frá vafranum þínum var beitt: valkvæðar vafrakökur eru óvirkar.',
  acceptAll: 'Samþykkja allar',
  rejectAll: 'Hafna öllum',
  customize: 'Sérsníða',
  new: 'Nýtt frá síðasta vali þínu: {items}',
  save: 'Vista val mitt',
  saved: 'Val vistað',
  intro: 'Veldu hvað þú leyfir. Nauðsynlegar vafrakökur eru alltaf virkar: vefurinn getur ekki starfað án þeirra. Þú getur breytt vali þínu hér hvenær sem er.',
  close: 'Loka',
  alwaysActive: 'Alltaf virkar',
  essential: 'Nauðsynlegar',
  'essential.d': 'Innskráning, öryggi og að muna þetta val.',
  analytics: 'Tölfræði',
  'analytics.d': 'Tölfræði um notkun vefsins, til að bæta hann.',
  marketing: 'Markaðssetning',
  'marketing.d': 'Auglýsingar og mæling á árangri þeirra.',
  preferences: 'Vafrakökustillingar',
  placeholderText: 'Lokað er fyrir {service}. Ef þú leyfir þjónustuna getur {service} vistað vafrakökur og fengið upplýsingar um heimsókn þína.',
  placeholderAllow: 'Leyfa {service}',
};
