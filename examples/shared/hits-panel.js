// The demo's live panel: the analytics requests this page view caused at the local collector
// (`/collect`, see scripts/routes/analytics.mjs) and the cookies the page can see, so a visitor
// can check that nothing runs before consent. Demo tooling, not part of the SDK. An external
// file, no inline script or style, so it works on pages with a strict Content-Security-Policy.
(function () {
  'use strict';
  if (document.getElementById('hits-panel')) return;

  // Hits since this page view started (same machine, same clock), from this origin only
  // (parallel tests use one sub-domain each): what this page caused.
  var pageStart = Math.floor(performance.timeOrigin || Date.now());
  function fromHere(hit) {
    return hit.time >= pageStart && typeof hit.referer === 'string' && hit.referer.indexOf(location.origin + '/') === 0;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var name in attrs) node.setAttribute(name, attrs[name]);
    if (text != null) node.textContent = text;
    return node;
  }

  var panel = el('aside', { id: 'hits-panel', 'aria-label': 'Demo: analytics requests', 'data-count': '0' });
  var title = el('p', { class: 'hits-title' });
  var summary = el('span', { 'data-part': 'summary' }, 'No analytics request yet');
  title.appendChild(el('strong', {}, 'Analytics requests since this page loaded: '));
  title.appendChild(summary);
  var list = el('ol', { class: 'hits-list' });
  var cookies = el('p', { class: 'hits-cookies', 'data-part': 'cookies' });
  var actions = el('p', { class: 'hits-actions' });
    var reset = el('button', { type: 'button' }, 'Forget my choices');
  actions.appendChild(reset);
  panel.appendChild(title);
  panel.appendChild(list);
  panel.appendChild(cookies);
  panel.appendChild(actions);

  function describe(hit) {
    var q = hit.query || {};
    var page = q.dl ? q.dl.replace(location.origin, '') : hit.referer ? hit.referer.replace(location.origin, '') : '';
    var time = new Date(hit.time).toLocaleTimeString();
    return time + ' ' + (q.tid || q.source || 'collect') + ' ' + (q.en || 'hit') + (q.gcs ? ' gcs=' + q.gcs : '') + ' ' + page;
  }

  function showCookies() {
    var names = document.cookie ? document.cookie.split('; ').map(function (c) { return c.split('=')[0]; }) : [];
    cookies.textContent = 'Cookies: ' + (names.length ? names.join(', ') : 'none');
  }

  var shown = -1;
  function refresh() {
    showCookies();
    return fetch('/__hits', { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (hits) {
        hits = hits.filter(fromHere);
        if (hits.length === shown) return;
        shown = hits.length;
        panel.setAttribute('data-count', String(hits.length));
        summary.textContent = hits.length ? hits.length + (hits.length > 1 ? ' requests' : ' request') : 'No analytics request yet';
        list.textContent = '';
        hits.slice(-4).forEach(function (hit) { list.appendChild(el('li', {}, describe(hit))); });
      })
      .catch(function () { summary.textContent = 'collector unreachable'; });
  }

  // Deletes every cookie this page can see (on `/`), then reloads: the banner comes back.
  reset.addEventListener('click', function () {
    document.cookie.split('; ').forEach(function (c) {
      var name = c.split('=')[0];
      if (name) document.cookie = name + '=; Max-Age=0; Path=/';
    });
    try { localStorage.clear(); } catch (e) { /* storage may be blocked */ }
    location.reload();
  });

  function start() {
    document.body.insertBefore(panel, document.body.firstChild);
    refresh();
    setInterval(refresh, 1000);
  }
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
