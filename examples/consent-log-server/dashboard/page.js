// The dashboard page's script (served as /dashboard/assets/dashboard.js, after uPlot).
// It asks for the export token, keeps it in this closure only (not in a URL, a cookie or
// storage: a reload asks again), sends it as `Authorization: Bearer` with each fetch, and draws
// every chart with uPlot beside a table of the same numbers for screen readers and keyboards.
// `window.consentDashboard` exposes the charts (uPlot instances) and the last data, for tests.
(() => {
  'use strict';
  const METHODS = ['accept-all', 'reject-all', 'custom', 'withdraw', 'gpc'];
  const METHOD_LABELS = { 'accept-all': 'Accept all', 'reject-all': 'Reject all', custom: 'Custom choice', withdraw: 'Withdrawal', gpc: 'GPC' };
  const CHANNEL_LABELS = { banner: 'Banner', dialog: 'Preferences dialog', placeholder: 'Embed placeholder', api: 'Site code (API)', gpc: 'GPC signal', '': 'Not recorded (schema 1)' };
  // Colours with at least 3:1 contrast on white, told apart by their dashes too (WCAG 1.4.1, 1.4.11).
  const COLORS = ['#1f5fbf', '#b3261e', '#6a3d9a', '#8a5a00', '#00796b', '#3f3f3f', '#c2185b', '#2e7d32'];
  const DASHES = [[], [10, 4], [3, 3], [12, 3, 3, 3], [6, 6], [2, 6], [16, 4], [8, 2, 2, 2]];

  const $ = (id) => document.getElementById(id);
  const state = { token: '', charts: {}, data: null };
  window.consentDashboard = state;

  /** An element with attributes (`text` for its text) and children. */
  function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === 'text') element.textContent = value;
      else if (value !== false && value != null) element.setAttribute(name, value === true ? '' : value);
    }
    element.append(...children.filter((child) => child != null));
    return element;
  }

  const percent = (rate) => (rate == null ? '–' : `${(rate * 100).toFixed(1)}%`);
  const count = (n) => (n == null ? '–' : n.toLocaleString('en'));
  const toPercent = (rate) => (rate == null ? null : Math.round(rate * 1000) / 10);

  /** A table: caption, header cells, and rows whose first cell heads the row. */
  function table(caption, head, rows) {
    // A wide table scrolls in its own box (focusable, so a keyboard can scroll it), not the page.
    const box = h('div', { class: 'table', role: 'region', 'aria-label': caption, tabindex: 0 });
    box.append(h(
      'table',
      {},
      h('caption', { text: caption }),
      h('thead', {}, h('tr', {}, ...head.map((cell) => h('th', { scope: 'col', text: cell })))),
      h('tbody', {}, ...rows.map(([first, ...cells]) => h('tr', {}, h('th', { scope: 'row', text: String(first) }), ...cells))),
    ));
    return box;
  }
  const td = (text, attributes = {}) => h('td', { text, ...attributes });
  const suppressedCell = (columns) => td(`fewer than ${state.data.minGroup} decisions: not shown`, { colspan: columns, 'data-suppressed': true });

  /** One row per group: decisions, the share of each answer, dismissals; a small group says so. */
  function breakdownTable(caption, heading, groups, label) {
    const head = [heading, 'Decisions', ...METHODS.map((m) => METHOD_LABELS[m]), 'Dismissals'];
    const rows = groups.map((group) =>
      group.suppressed
        ? [label(group), suppressedCell(head.length - 1)]
        : [label(group), td(count(group.decisions)), ...METHODS.map((m) => td(percent(group.shares[m]))), td(count(group.dismissals))],
    );
    return table(caption, head, rows);
  }

  /**
   * A uPlot chart of daily series (`values` aligned with `state.days`; null leaves a gap), in a
   * figure named for assistive technology, with the same numbers as a table in a details element.
   */
  function chart(id, caption, series, isPercent) {
    const box = h('div', { class: 'chart', role: 'img', 'aria-label': `${caption}. The same numbers are in the table below.` });
    const format = isPercent ? (v) => (v == null ? '–' : `${v.toFixed(1)}%`) : (v) => count(v);
    const rows = state.days.map((day, i) => [day, ...series.map((s) => td(s.values[i] == null ? 'not shown' : format(s.values[i])))]);
    const figure = h(
      'figure',
      { 'data-chart': id },
      h('figcaption', { text: caption }),
      box,
      h('details', {}, h('summary', { text: 'The chart’s numbers as a table' }), table(`${caption}, per day`, ['Day', ...series.map((s) => s.label)], rows)),
    );
    queueMicrotask(() => {
      const options = {
        width: Math.max(280, box.clientWidth),
        height: 260,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
        // The legend names the series; the values are in the table, not under a pointer only.
        legend: { live: false },
        scales: { y: isPercent ? { range: [0, 100] } : { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
        axes: [{}, { size: 64, values: (u, ticks) => ticks.map((t) => (isPercent ? `${t}%` : count(t))) }],
        series: [
          { label: 'Day', value: (u, v) => (v == null ? '' : new Date(v * 1e3).toISOString().slice(0, 10)) },
          ...series.map((s, i) => ({ label: s.label, stroke: COLORS[i % COLORS.length], dash: DASHES[i % DASHES.length], width: 2, value: (u, v) => format(v) })),
        ],
      };
      state.charts[id] = new uPlot(options, [state.xs, ...series.map((s) => s.values)], box);
    });
    return figure;
  }

  /** A section: heading, a sentence, its tables and charts. */
  const section = (id, title, text, ...parts) => h('section', { 'aria-labelledby': `h-${id}`, id }, h('h2', { id: `h-${id}`, text: title }), text && h('p', { text }), ...parts);

  /** Per day: `value(line)` of each shown day, null for a suppressed one. */
  const perDay = (value) => state.data.days.map((day) => (day.suppressed ? null : value(day)));

  function overview(data) {
    const { totals } = data;
    const rows = METHODS.map((m) => [METHOD_LABELS[m], td(count(totals.methods[m])), td(percent(totals.shares[m]))]);
    return section(
      'overview',
      'Answers',
      `${count(totals.decisions)} decisions from ${data.from} to ${data.to}, and ${count(totals.dismissals)} dismissals of the preferences dialog (closed without a choice: no consent, not in the shares). ${data.suppressedDays} of ${data.days.length} days had fewer than ${data.minGroup} decisions and are not shown day by day; the totals count them.`,
      table('Answers over the period', ['Answer', 'Decisions', 'Share'], rows),
      chart('decisions', 'Decisions per day, by answer', METHODS.map((m) => ({ label: METHOD_LABELS[m], values: perDay((day) => day.methods[m]) })), false),
      chart('shares', 'Share of each answer per day', METHODS.map((m) => ({ label: METHOD_LABELS[m], values: perDay((day) => toPercent(day.shares[m])) })), true),
    );
  }

  function grants(id, title, items, noun) {
    const shown = items.filter((item) => !item.suppressed);
    const revisions = [...new Set(shown.flatMap((item) => Object.keys(item.revisions)))];
    const rows = items.map((item) =>
      item.suppressed
        ? [item.id, suppressedCell(2 + revisions.length)]
        : [item.id, td(count(item.decisions)), td(percent(item.rate)), ...revisions.map((r) => td(percent(item.revisions[r])))],
    );
    return section(
      id,
      title,
      `The share of decisions that granted each ${noun} (required categories are always granted).`,
      table(`Opt-in rate per ${noun}`, [noun[0].toUpperCase() + noun.slice(1), 'Decisions', 'Opt-in rate', ...revisions.map((r) => `Revision ${r}`)], rows),
      chart(id, `Opt-in rate per ${noun}, per day`, shown.map((item) => ({ label: item.id, values: item.daily.map(toPercent) })), true),
    );
  }

  function breakdown(id, title, text, groups, label) {
    const shown = groups.filter((group) => !group.suppressed);
    return section(
      id,
      title,
      text,
      breakdownTable(`${title}: answers over the period`, title, groups, label),
      chart(id, `${title}: decisions per day`, shown.map((group) => ({ label: label(group), values: group.daily.map((cell) => cell && cell.decisions) })), false),
    );
  }

  function revisions(data) {
    const shown = data.revisions.filter((group) => !group.suppressed);
    const label = (group) => `Revision ${group.revision}`;
    return section(
      'revisions',
      'Revisions',
      'Raising the revision asks every visitor again: how the answers changed from one revision to the next.',
      breakdownTable('Answers under each revision', 'Revision', data.revisions, label),
      chart(
        'revisions',
        'Accept all and Reject all per day, by revision',
        shown.flatMap((group) => ['accept-all', 'reject-all'].map((m) => ({ label: `${METHOD_LABELS[m]}, ${label(group)}`, values: group.daily.map((cell) => cell && toPercent(cell.shares[m])) }))),
        true,
      ),
    );
  }

  function render(data) {
    for (const plot of Object.values(state.charts)) plot.destroy();
    state.charts = {};
    state.data = data;
    state.days = data.days.map((day) => day.day);
    state.xs = state.days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1e3);
    $('from').value = data.from;
    $('to').value = data.to;
    for (const span of document.querySelectorAll('[data-part=min-group]')) span.textContent = data.minGroup;
    $('report').replaceChildren(
      overview(data),
      grants('categories', 'Categories', data.categories, 'category'),
      grants('services', 'Services', data.services, 'service'),
      breakdown('languages', 'Language', 'Decisions per language the banner was shown in.', data.languages, (group) => group.language),
      breakdown('channels', 'Channel', 'Where decisions were made: the banner, the preferences dialog, an embed placeholder, the site’s code, or the browser’s GPC signal.', data.channels, (group) => CHANNEL_LABELS[group.channel] ?? group.channel),
      revisions(data),
    );
    $('report').hidden = false;
  }

  /** GETs `path` with the token; on 401/403 shows the form again with why, and resolves null. */
  async function get(path) {
    const query = new URLSearchParams();
    if ($('from').value) query.set('from', $('from').value);
    if ($('to').value) query.set('to', $('to').value);
    const response = await fetch(`dashboard/${path}?${query}`, { headers: { authorization: `Bearer ${state.token}` }, cache: 'no-store' });
    if (response.ok) return response;
    const { error } = await response.json().catch(() => ({ error: response.statusText }));
    if (response.status !== 401 && response.status !== 403) throw new Error(error);
    state.token = '';
    $('login').hidden = false;
    $('period').hidden = true;
    $('report').hidden = true;
    $('login-error').textContent = response.status === 401 ? 'That is not the export token.' : error;
    $('token').focus();
    return null;
  }

  async function load() {
    $('status').textContent = 'Loading…';
    try {
      const response = await get('data.json');
      if (!response) return ($('status').textContent = '');
      render(await response.json());
      $('login').hidden = true;
      $('period').hidden = false;
      $('status').textContent = `Showing ${state.data.from} to ${state.data.to}.`;
    } catch (error) {
      $('status').textContent = `The statistics could not be loaded: ${error.message}`;
    }
  }

  async function downloadCsv() {
    const response = await get('aggregates.csv');
    if (!response) return;
    const url = URL.createObjectURL(await response.blob());
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') || '');
    const link = h('a', { href: url, download: name ? name[1] : 'consent-aggregates.csv', hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1e3);
  }

  $('login').addEventListener('submit', (event) => {
    event.preventDefault();
    state.token = $('token').value;
    $('token').value = '';
    $('login-error').textContent = '';
    $('from').value = $('to').value = '';
    void load();
  });
  $('login').hidden = false;
  $('period').addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  $('csv').addEventListener('click', () => void downloadCsv().catch((error) => ($('status').textContent = `The CSV could not be made: ${error.message}`)));
  addEventListener('resize', () => {
    for (const plot of Object.values(state.charts)) plot.setSize({ width: Math.max(280, plot.root.parentElement.clientWidth), height: 260 });
  });
})();
