// Stand-in for Clarity's tag (https://www.clarity.ms/tag/<project>): it drains clarity.q as the
// real tag does, takes consentv2 calls, and records (sends) only while analytics_Storage is granted.
(function () {
  'use strict';
  var self = window.standIn('clarity', ['_clck', '_clsk']);
  function call(args) {
    args = Array.prototype.slice.call(args);
    self.receive(args);
    if (args[0] === 'consentv2') {
      self.granted = args[1].analytics_Storage === 'granted';
      self.send('recording');
    }
  }
  var queued = (window.clarity && window.clarity.q) || [];
  window.clarity = function () { call(arguments); };
  for (var i = 0; i < queued.length; i++) call(queued[i]);
})();
