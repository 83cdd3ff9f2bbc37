// Runs in the playground's preview frame before the SDK's development script tag (sandboxed:
// an opaque origin, so the SDK keeps its decision in memory and the demo's cookie is left
// alone). It reports to the playground what the SDK says and shows, by postMessage:
// - `warning`: each development warning or error of the SDK (`[instria-consent] …`), as said,
//   but the sandbox's refusals of cookies and storage, and its lack of a host for `cookie.domain`;
// - `view`: what the UI shows (`banner`, `preferences`, `hidden`…);
// - `gcm`: each Google Consent Mode command (`default`, `update`) pushed to `dataLayer`;
// - `buttons`: the banner's three buttons as drawn (name and computed style), to prove their
//   equal weight whatever the colours.
// Demo tooling, not part of the SDK.
(function () {
  'use strict';
  var root = document.documentElement;
  var generation = Number(root.getAttribute('data-generation'));
  var PREFIX = '[instria-consent] ';

  function send(message) {
    message.generation = generation;
    parent.postMessage(message, '*');
  }

  /** The console arguments as one line, as the console prints them. */
  function said(args) {
    return Array.prototype.map
      .call(args, function (arg) {
        if (typeof arg === 'string') return arg;
        if (arg instanceof Error) return arg.message;
        try {
          return JSON.stringify(arg);
        } catch (error) {
          return String(arg);
        }
      })
      .join(' ');
  }

  ['warn', 'error'].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      original.apply(console, arguments);
      var text = said(arguments);
      // The sandbox's own refusals (no cookie, no storage in an opaque origin) are the
      // preview's, not the configuration's: the SDK falls back to memory, as it should.
      if (/SecurityError|sandboxed/.test(text)) return;
      // Nor can a preview without a host name say whether `cookie.domain` covers the site's.
      if (/^\[instria-consent\] cookie\.domain ".*" does not cover this page's host/.test(text)) return;
      if (text.indexOf(PREFIX) === 0) send({ type: 'warning', level: level, text: text.slice(PREFIX.length) });
    };
  });
  window.addEventListener('error', function (event) {
    send({ type: 'warning', level: 'error', text: 'uncaught error in the preview: ' + event.message });
  });

  // Google Consent Mode's commands, as the SDK pushes them (`arguments` objects, as gtag does).
  var layer = (window.dataLayer = window.dataLayer || []);
  var push = layer.push;
  layer.push = function () {
    Array.prototype.forEach.call(arguments, function (entry) {
      if (entry && entry[0] === 'consent') send({ type: 'gcm', command: String(entry[1]), values: JSON.parse(JSON.stringify(entry[2] || {})) });
    });
    return push.apply(layer, arguments);
  };

  /** The banner's buttons once drawn (the UI file loads after the tag): name and style of each. */
  function measure(tries) {
    var host = document.querySelector('instria-consent');
    var buttons = host && host.shadowRoot ? host.shadowRoot.querySelectorAll('[data-part=actions] button') : [];
    if (!buttons.length) {
      if (tries < 100) setTimeout(measure, 50, tries + 1);
      return;
    }
    send({
      type: 'buttons',
      buttons: Array.prototype.map.call(buttons, function (button) {
        var style = getComputedStyle(button);
        return {
          name: button.textContent,
          style: [style.fontSize, style.fontWeight, style.color, style.backgroundColor, style.borderColor, style.borderWidth].join(' '),
          width: button.offsetWidth,
          height: button.offsetHeight,
        };
      }),
    });
  }

  window.addEventListener('load', function () {
    var consent = window.InstriaConsent;
    if (!consent || !consent.view) return send({ type: 'warning', level: 'error', text: 'the SDK did not start' });
    if (root.getAttribute('data-view') === 'preferences') consent.showPreferences();
    consent.view.subscribe(function (view) {
      send({ type: 'view', view: view });
      if (view === 'banner') measure(0);
    });
  });
})();
