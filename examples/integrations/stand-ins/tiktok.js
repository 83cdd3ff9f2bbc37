// Stand-in for TikTok's events.js (https://analytics.tiktok.com/i18n/pixel/events.js): it drains
// the ttq array ([method, ...args]) as the real one does and takes over its methods; events wait
// while consent is held, are sent once granted, dropped when revoked.
(function () {
  'use strict';
  var self = window.standIn('tiktok', ['_ttp']);
  var held = [];
  var holding = false;
  function call(args) {
    self.receive(args);
    var method = args[0];
    if (method === 'holdConsent') holding = true;
    else if (method === 'grantConsent' || method === 'revokeConsent') {
      holding = false;
      self.granted = method === 'grantConsent';
      if (self.granted) held.splice(0).forEach(self.send);
      else held.length = 0;
    } else if (method === 'page' || method === 'track') {
      if (self.granted) self.send(method);
      else if (holding) held.push(method);
    }
  }
  var ttq = window.ttq;
  var queued = ttq.splice(0);
  ttq.methods.forEach(function (method) {
    ttq[method] = function () { call([method].concat(Array.prototype.slice.call(arguments))); };
  });
  queued.forEach(call);
})();
