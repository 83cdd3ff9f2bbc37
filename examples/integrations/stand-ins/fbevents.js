// Stand-in for Meta's fbevents.js (https://connect.facebook.net/en_US/fbevents.js): it takes
// over fbq (callMethod) and drains fbq.queue as the real one does; events wait while consent is
// revoked and are sent once it is granted, as Meta describes.
(function () {
  'use strict';
  var self = window.standIn('meta', ['_fbp']);
  var held = [];
  function call(args) {
    args = Array.prototype.slice.call(args);
    self.receive(args);
    if (args[0] === 'consent') {
      self.granted = args[1] === 'grant';
      if (self.granted) held.splice(0).forEach(self.send);
    } else if (args[0] === 'track') {
      if (self.granted) self.send(args[1]);
      else held.push(args[1]);
    }
  }
  var fbq = window.fbq;
  fbq.callMethod = function () { call(arguments); };
  fbq.queue.splice(0).forEach(call);
})();
