// A local stand-in for Google's gtag.js (GA4), so the demo works offline and shows what a real
// tag does once it runs: it reads the Consent Mode state from `dataLayer`, writes the `_ga` and
// `_ga_<container>` cookies (only when `analytics_storage` is not denied, as gtag does) and sends
// a page_view hit to the local collector `/collect` (scripts/routes/analytics.mjs).
// Loaded by the website example as `<script type="text/plain" data-consent="analytics" …>`:
// it never runs, and is never even fetched, before the visitor consents.
(function () {
  'use strict';
  var MEASUREMENT_ID = 'G-DEMO123';
  var dataLayer = (window.dataLayer = window.dataLayer || []);

  /** The latest consent state pushed with gtag('consent', 'default' | 'update', {...}). */
  function consentState() {
    var state = {};
    for (var i = 0; i < dataLayer.length; i++) {
      var entry = dataLayer[i];
      if (entry && entry[0] === 'consent' && entry[2] && typeof entry[2] === 'object') {
        for (var key in entry[2]) state[key] = entry[2][key];
      }
    }
    return state;
  }

  function cookie(name) {
    var match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return match ? match[1] : null;
  }

  var consent = consentState();
  var now = Math.floor(Date.now() / 1000);
  var clientId = (cookie('_ga') || '').replace(/^GA1\.1\./, '') || Math.floor(Math.random() * 1e9) + '.' + now;
  if (consent.analytics_storage !== 'denied') {
    var expires = '; Path=/; Max-Age=' + 2 * 365 * 86400 + '; SameSite=Lax';
    document.cookie = '_ga=GA1.1.' + clientId + expires;
    document.cookie = '_ga_' + MEASUREMENT_ID.slice(2) + '=GS1.1.' + now + '.1.0.' + now + '.0.0.0' + expires;
  }
  // gcs: Google's consent signal, G1<ad_storage><analytics_storage> (1 = granted); sent only
  // when the page uses Consent Mode.
  var gcs = 'analytics_storage' in consent
    ? 'G1' + (consent.ad_storage === 'granted' ? 1 : 0) + (consent.analytics_storage === 'granted' ? 1 : 0)
    : '';

  function send(eventName) {
    var query = 'v=2&tid=' + MEASUREMENT_ID + '&cid=' + encodeURIComponent(clientId) + '&en=' + encodeURIComponent(eventName) +
      (gcs && '&gcs=' + gcs) + '&dl=' + encodeURIComponent(location.href) + '&dt=' + encodeURIComponent(document.title);
    fetch('/collect?' + query, { method: 'POST', keepalive: true }).catch(function () {});
  }

  window.demoAnalytics = { send: send };
  send('page_view');
})();
