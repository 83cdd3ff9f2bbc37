// The demo's language picker: `?lang=de` in the address sets the page's `<html lang>`, which the
// SDK follows (`language: 'auto'`), so a visitor sees the banner in their language without
// editing a file, and the link can be shared. Demo tooling, not part of the SDK: a site sets
// `<html lang>` itself. It must run before the SDK reads the page's language, so it is a
// classic, synchronous script placed above the SDK's tag; an external file, no inline script
// or style, so it works under the website example's strict Content-Security-Policy.
(function () {
  'use strict';

  // The 26 built-in languages, each by its own name (the endonym), in the order of their codes.
  var LANGUAGES = [
    ['bg', 'Български'], ['cs', 'Čeština'], ['da', 'Dansk'], ['de', 'Deutsch'], ['el', 'Ελληνικά'],
    ['en', 'English'], ['es', 'Español'], ['et', 'Eesti'], ['fi', 'Suomi'], ['fr', 'Français'],
    ['ga', 'Gaeilge'], ['hr', 'Hrvatski'], ['hu', 'Magyar'], ['is', 'Íslenska'], ['it', 'Italiano'],
    ['lt', 'Lietuvių'], ['lv', 'Latviešu'], ['mt', 'Malti'], ['nb', 'Norsk bokmål'], ['nl', 'Nederlands'],
    ['pl', 'Polski'], ['pt', 'Português'], ['ro', 'Română'], ['sk', 'Slovenčina'], ['sl', 'Slovenščina'],
    ['sv', 'Svenska'],
  ];
  // A language tag as BCP 47 spells it (`de`, `pt-BR`, `zh-Hant-TW`): nothing else reaches the page.
  var TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

  var asked = new URLSearchParams(location.search).get('lang');
  var chosen = asked && TAG.test(asked) ? asked : null;
  // Now, before the SDK's tag below this script runs: it reads `<html lang>` when it starts.
  if (chosen) document.documentElement.lang = chosen;

  /** `href` in `code`, its other parameters kept, as a path (`/examples/website/?lang=de`). */
  function urlIn(code, href) {
    var url = new URL(href, location.href);
    url.searchParams.set('lang', code);
    return url.pathname + url.search + url.hash;
  }

  /** The picker's option for the page's language: itself, else its base (`pt-BR` → pt, `no` → nb). */
  function optionFor(lang) {
    var code = lang.toLowerCase();
    var base = code.split('-')[0];
    if (base === 'no') base = 'nb';
    var codes = LANGUAGES.map(function (entry) { return entry[0]; });
    return codes.indexOf(code) >= 0 ? code : codes.indexOf(base) >= 0 ? base : null;
  }

  function build(container) {
    var current = document.documentElement.lang || 'en';
    var wrapper = document.createElement('span');
    wrapper.className = 'demo-language';
    wrapper.lang = 'en'; // the label is English whatever `<html lang>` now says
    // A label by `for`, not around the list: its name is then "Language", not "Language English".
    var label = document.createElement('label');
    label.htmlFor = 'demo-language';
    label.textContent = 'Language';
    var select = document.createElement('select');
    select.id = 'demo-language';
    select.name = 'lang';
    select.title = 'Reloads the page in this language (with the keyboard: choose, then Enter)';
    LANGUAGES.forEach(function (entry) {
      var option = new Option(entry[1], entry[0]);
      option.lang = entry[0]; // read out in its own language by screen readers
      select.appendChild(option);
    });
    var selected = optionFor(current);
    if (!selected) {
      // A language the SDK does not ship (`?lang=ja`): listed as asked, so the picker tells the truth.
      select.appendChild(new Option(current, current));
      selected = current;
    }
    select.value = selected;
    wrapper.appendChild(label);
    wrapper.appendChild(select);
    container.appendChild(wrapper);

    function go() {
      if (select.value !== selected) location.assign(urlIn(select.value, location.href));
    }
    // A pointer choice reloads at once; arrow keys or typing on the closed list only move the
    // selection (a page that reloads at each arrow key cannot be used from the keyboard,
    // WCAG 3.2.2 "On Input"), and Enter then confirms.
    var browsing = false;
    select.addEventListener('pointerdown', function () { browsing = false; });
    select.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        event.preventDefault();
        go();
      } else {
        // Space, Alt+↓ and F4 open the list, whose own Enter or click is a choice.
        browsing = !(event.key === ' ' || event.key === 'F4' || event.altKey || event.key === 'Tab');
      }
    });
    select.addEventListener('change', function () {
      if (!browsing) go();
    });
    // Left without Enter: the list shows the page's language again, not one never applied.
    select.addEventListener('blur', function () {
      select.value = selected;
    });
  }

  /** Keeps the chosen language when the visitor follows a link to another demo page. */
  function keepInLinks() {
    Array.prototype.forEach.call(document.querySelectorAll('a[href]'), function (link) {
      var href = link.getAttribute('href');
      if (href.charAt(0) === '#' || link.origin !== location.origin || link.pathname.indexOf('/examples/') !== 0) return;
      link.setAttribute('href', urlIn(chosen, href));
    });
  }

  function start() {
    var container = document.querySelector('[data-demo-language]');
    if (container) build(container);
    if (chosen) keepInLinks();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
