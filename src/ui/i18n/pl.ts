import type { Messages } from '../../core/messages';

/**
 * Polish (pl). Wording follows UODO's vocabulary (pliki cookie, zgoda; UODO has published no cookie
 * guide) and the consent rule of the Prawo komunikacji elektronicznej (art. 399, formerly art. 173
 * of the Prawo telekomunikacyjne). A non-breaking space follows one-letter words, as Polish
 * typography requires.
 * Glossary (for a native reviewer): cookie → plik cookie; consent → zgoda; Accept all → Zaakceptuj
 * wszystko; Reject all → Odrzuć wszystko; Customize → Dostosuj; essential → niezbędne;
 * analytics/audience measurement → analityka; marketing → marketing; privacy policy → polityka
 * prywatności; partners → partnerzy; Global Privacy Control → kept in English.
 */
export const pl: Messages = {
  title: 'Pliki cookie i podobne technologie',
  text: '{site} używa plików cookie i podobnych technologii (takich jak pamięć lokalna): niezbędnych do działania tej witryny oraz, tylko za Twoją zgodą, innych w celach: {purposes}. Odmowa niczego nie zmienia w działaniu witryny. Swój wybór możesz zmienić w dowolnym momencie za pomocą linku „Ustawienia plików cookie” na dole każdej strony.',
  partners: 'Partnerzy: {partners}.',
  morePartners: 'jeszcze {n}',
  policy: 'Polityka prywatności',
  gpc: 'Zastosowano sygnał Global Privacy Control z Twojej przeglądarki: opcjonalne pliki cookie są wyłączone.',
  acceptAll: 'Zaakceptuj wszystko',
  rejectAll: 'Odrzuć wszystko',
  customize: 'Dostosuj',
  new: 'Nowe od Twojego ostatniego wyboru: {items}',
  save: 'Zapisz mój wybór',
  saved: 'Zapisano wybór',
  intro: 'Wybierz, na co się zgadzasz. Niezbędne pliki cookie są zawsze aktywne: bez nich witryna nie może działać. Swój wybór możesz tu zmienić w dowolnym momencie.',
  close: 'Zamknij',
  alwaysActive: 'Zawsze aktywne',
  essential: 'Niezbędne',
  'essential.d': 'Logowanie, bezpieczeństwo i zapamiętanie tego wyboru.',
  analytics: 'Analityka',
  'analytics.d': 'Statystyki korzystania z witryny, służące jej ulepszaniu.',
  marketing: 'Marketing',
  'marketing.d': 'Reklama i pomiar jej skuteczności.',
  preferences: 'Ustawienia plików cookie',
  placeholderText: 'Zablokowano {service}. Po zezwoleniu {service} może zapisywać pliki cookie i zbierać informacje o Twojej wizycie.',
  placeholderAllow: 'Zezwól na {service}',
};
