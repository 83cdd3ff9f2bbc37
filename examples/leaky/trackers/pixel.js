// A stand-in for an advertising pixel (Meta Pixel's fbevents.js): an id in the first-party
// `_fbp` cookie, and a hit to its own host.
(function () {
  var days = 90;
  if (!/(?:^|; )_fbp=/.test(document.cookie)) {
    document.cookie = '_fbp=fb.1.' + Date.now() + '.' + Math.floor(Math.random() * 1e9) + '; Path=/; Max-Age=' + days * 86400 + '; SameSite=Lax';
  }
  new Image().src = 'http://pixel.example.test/collect?source=pixel&ev=PageView';
})();
