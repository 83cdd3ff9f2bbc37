import type { Messages } from '../../core/messages';

/**
 * Bulgarian (bg). Wording follows the КЗЛД (Commission for Personal Data Protection,
 * https://www.cpdp.bg) and art. 4a of the Закон за електронните съобщения ("съгласие",
 * "бисквитки").
 * Glossary (for a native reviewer): cookie → бисквитка (pl. бисквитки); consent → съгласие;
 * Accept all → Приемане на всички; Reject all → Отхвърляне на всички; Customize → Настройки;
 * essential → необходими; analytics/audience measurement → статистика; marketing → маркетинг;
 * privacy policy → Политика за поверителност; partners → партньори; Global Privacy Control →
 * kept in English. Formal address (вие, lower case); quotation marks „…“; buttons as verbal
 * nouns ("Приемане…", "Отхвърляне…", "Запазване…", "Разрешаване…").
 */
export const bg: Messages = {
  title: 'Бисквитки и подобни технологии',
  text: '{site} използва бисквитки и подобни технологии (като локалното хранилище): необходими за работата на този сайт и – само с ваше съгласие – други за: {purposes}. Отказът не променя нищо в работата на сайта. Можете да промените избора си по всяко време чрез „Настройки за бисквитки“ в долната част на всяка страница.',
  partners: 'Партньори: {partners}.',
  morePartners: 'Още {n}',
  policy: 'Политика за поверителност',
  gpc: 'Сигналът Global Privacy Control на вашия браузър беше приложен: незадължителните бисквитки са изключени.',
  acceptAll: 'Приемане на всички',
  rejectAll: 'Отхвърляне на всички',
  customize: 'Настройки',
  new: 'Ново след последния ви избор: {items}',
  save: 'Запазване на избора',
  saved: 'Изборът е запазен',
  intro: 'Изберете какво разрешавате. Необходимите бисквитки са винаги активни: сайтът не може да работи без тях. Можете да промените избора си тук по всяко време.',
  close: 'Затваряне',
  alwaysActive: 'Винаги активни',
  essential: 'Необходими',
  'essential.d': 'Вход, сигурност и запомняне на този избор.',
  analytics: 'Статистика',
  'analytics.d': 'Данни за използването на сайта, за да го подобряваме.',
  marketing: 'Маркетинг',
  'marketing.d': 'Реклама и измерване на нейната ефективност.',
  preferences: 'Настройки за бисквитки',
  placeholderText: 'Съдържанието от {service} е блокирано. Ако го разрешите, {service} ще може да записва бисквитки и да получава информация за посещението ви.',
  placeholderAllow: 'Разрешаване на {service}',
};
