// A stand-in for an ads conversion tag (Microsoft UET): a session id (`_uetsid`, which the
// site's configuration declares) and a visitor id (`_uetvid`, which it forgot), and a hit.
(function () {
  var id = Math.floor(Math.random() * 1e9).toString(16);
  document.cookie = '_uetsid=' + id + '; Path=/; Max-Age=86400; SameSite=Lax';
  document.cookie = '_uetvid=' + id + '; Path=/; Max-Age=' + 390 * 86400 + '; SameSite=Lax';
  new Image().src = 'http://ads.example.test/collect?source=ads';
})();
