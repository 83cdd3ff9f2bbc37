// A stand-in for a session recorder (Hotjar's tracking code): a visitor id in the first-party
// `_hjSessionUser_<site id>` cookie, and a hit to its own host.
(function () {
  var site = 1234;
  document.cookie = '_hjSessionUser_' + site + '=' + Math.floor(Math.random() * 1e9) + '; Path=/; Max-Age=' + 365 * 86400 + '; SameSite=Lax';
  fetch('http://rec.example.test/collect?source=recorder', { method: 'POST', mode: 'no-cors', keepalive: true }).catch(function () {});
})();
