// Stand-in for Microsoft's bat.js (https://bat.bing.com/bat.js): it defines `UET`, which UET's
// snippet constructs on load with the queued window.uetq array as `q` (flat: 'consent',
// 'default' | 'update', { ad_storage }), then replaces the array with; it takes later pushes the
// same way, and sends its page load only while ad_storage is granted.
(function () {
  'use strict';
  var self = window.standIn('uet', ['_uetsid', '_uetvid']);
  var pending = false;
  function take(args) {
    for (var i = 0; i < args.length; i++) {
      if (args[i] === 'consent') {
        self.receive(['consent', args[i + 1], args[i + 2]]);
        self.granted = args[i + 2].ad_storage === 'granted';
        i += 2;
        if (self.granted && pending) (pending = false), self.send('pageLoad');
      } else if (args[i] === 'pageLoad') {
        if (self.granted) self.send('pageLoad');
        else pending = true;
      }
    }
  }
  window.UET = function (options) {
    take(options.q || []);
    this.push = function () {
      take(arguments);
    };
  };
})();
