// Shared by the vendor stand-ins of examples/integrations/ (demo tooling, not part of the SDK):
// what a stand-in received, in order, on `window.standIns[vendor]`, and the one thing a real
// tag would do with consent: send a hit to the local collector (/collect) and set its cookies.
(function () {
  'use strict';
  window.standIns = window.standIns || {};
  window.standIn = function (vendor, cookies) {
    var self = (window.standIns[vendor] = { received: [], sent: 0, granted: false });
    self.receive = function (call) {
      self.received.push(JSON.parse(JSON.stringify(call)));
    };
    // A real tag sends its hits and sets its cookies only with consent.
    self.send = function (what) {
      if (!self.granted) return;
      self.sent++;
      cookies.forEach(function (name) {
        document.cookie = name + '=' + vendor + '.' + Date.now() + ';path=/;max-age=3600';
      });
      fetch('/collect?source=' + vendor + '&en=' + encodeURIComponent(what), { keepalive: true }).catch(function () {});
    };
    return self;
  };
})();
