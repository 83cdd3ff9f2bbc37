import type { Messages } from '../../core/messages';

/**
 * Hungarian (hu). Wording follows the Nemzeti Adatvédelmi és Információszabadság Hatóság (NAIH,
 * https://naih.hu/) and the Hungarian text of the GDPR ("hozzájárulás").
 * Glossary (for a native reviewer): cookie → süti (pl. sütik); similar technologies → hasonló
 * technológiák; consent → hozzájárulás; Accept all → Összes elfogadása; Reject all → Összes
 * elutasítása; Customize → Testreszabás; essential → szükséges; analytics/audience measurement →
 * statisztika; marketing → marketing; privacy policy → adatvédelmi tájékoztató; partners →
 * partnerek; local storage → helyi tárolás; Global Privacy Control → kept in English.
 * Register: formal "Ön". `{site}` and `{service}` stand without an article (a(z) cannot be chosen
 * for an unknown name).
 */
export const hu: Messages = {
  title: 'Sütik és hasonló technológiák',
  text: '{site} sütiket és hasonló technológiákat (például helyi tárolást) használ: a webhely működéséhez szükségeseket, és csak az Ön hozzájárulásával másokat a következő célokra: {purposes}. Az elutasítás semmit sem változtat a webhely működésén. Döntését bármikor megváltoztathatja a minden oldal alján található „Sütibeállítások” hivatkozással.',
  partners: 'Partnerek: {partners}.',
  morePartners: 'További {n}',
  policy: 'Adatvédelmi tájékoztató',
  gpc: 'Alkalmaztuk a böngészője által küldött Global Privacy Control jelzést: a nem kötelező sütik ki vannak kapcsolva.',
  acceptAll: 'Összes elfogadása',
  rejectAll: 'Összes elutasítása',
  customize: 'Testreszabás',
  new: 'Új a legutóbbi döntése óta: {items}',
  save: 'Választásaim mentése',
  saved: 'Választás mentve',
  intro: 'Válassza ki, mit engedélyez. A szükséges sütik mindig aktívak: nélkülük a webhely nem működik. Döntését itt bármikor megváltoztathatja.',
  close: 'Bezárás',
  alwaysActive: 'Mindig aktív',
  essential: 'Szükséges',
  'essential.d': 'Bejelentkezés, biztonság és e döntés megjegyzése.',
  analytics: 'Statisztika',
  'analytics.d': 'Statisztikák a webhely használatáról, a fejlesztése érdekében.',
  marketing: 'Marketing',
  'marketing.d': 'Hirdetések és hatékonyságuk mérése.',
  preferences: 'Sütibeállítások',
  placeholderText: '{service} tartalma le van tiltva. Ha engedélyezi, {service} sütiket helyezhet el, és információt szerezhet a látogatásáról.',
  placeholderAllow: '{service} engedélyezése',
};
