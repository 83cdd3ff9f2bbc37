// The dashboard's numbers, computed in SQL on SQLite (json_each) and PostgreSQL (jsonb_each_text).
//
// Reading millions of records on every page view would be slow, so two small summary tables
// hold counts per day: `dashboard_daily` (decisions per day × revision × language × channel ×
// method) and `dashboard_grants` (per day × revision × category or service: decisions, granted).
// `refresh()` keeps them current incrementally: it recomputes only the days of the records
// received since its last run (a record's `time` can be days old when an outbox drains late, so
// the day comes from the record, the "since" from `received_at`). The dashboard then sums the
// summary tables, whose size grows with days, not with visitors.
//
// The store is the receiver's: `store.dialect` ('sqlite' | 'postgres'), `store.all(sql, params)`
// for reads (`?` placeholders here, turned into `$1…` for PostgreSQL) and `store.exec(sql)` for
// writes, whose only values are dates and timestamps checked by `literal()` below.

/** The decision methods a record may carry, in the order the dashboard shows them; `dismiss` is no decision. */
export const METHODS = ['accept-all', 'reject-all', 'custom', 'withdraw', 'gpc'];

/** Groups (a day, a language, a channel, a revision…) with fewer decisions than this are not shown. */
export const MIN_GROUP = 5;

/** Records received this long before the last refresh are looked at again: a slow transaction may commit late. */
export const REFRESH_OVERLAP_MS = 10 * 60e3;

/** Days of records summarised per statement on the first build (about 1–3 s each for 1 M records a year). */
const BUILD_DAYS = 14;

/** Days shown when the request names none: the last 365 that have records. */
const DEFAULT_DAYS = 365;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** A date or an ISO timestamp as an SQL string literal; anything else throws (it would be a bug, not input). */
function literal(value) {
  if (!DAY.test(value) && !ISO_TIME.test(value) && value !== '') throw new Error(`not a date: ${value}`);
  return `'${value}'`;
}

/** `?` placeholders as the store's driver wants them. */
const placeholders = (store, sql) => (store.dialect === 'postgres' ? sql.replace(/\?/g, ((n) => () => `$${++n}`)(0)) : sql);

/** Rows of a read; PostgreSQL's `sum()` is a bigint, which node-pg gives as a string: numbers are made numbers. */
async function read(store, sql, params = []) {
  const rows = await store.all(placeholders(store, sql), params);
  for (const row of rows) for (const key of ['n', 'decisions', 'granted', 'revision']) if (key in row) row[key] = Number(row[key]);
  return rows;
}

/** Whether `text` is a real calendar day `YYYY-MM-DD`. */
export const isDay = (text) => {
  const time = typeof text === 'string' && DAY.test(text) ? Date.parse(`${text}T00:00:00Z`) : NaN;
  // 2026-02-30 parses (as March 2nd): a real day prints back as itself.
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
};

/** `day` plus `n` days. */
const addDays = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 864e5).toISOString().slice(0, 10);

/**
 * Creates the summary tables and the indexes the dashboard reads through (idempotent). The two
 * indexes on `records` serve the refresh: `received_at` finds what is new, `time` reads a day.
 * `records_received_at` is the receiver's own (exports and retention page by it), made the same
 * way, so whichever comes first, there is one.
 */
export async function prepare(store) {
  await store.exec(`
    CREATE INDEX IF NOT EXISTS records_time ON records (time);
    CREATE INDEX IF NOT EXISTS records_received_at ON records (received_at, record_id);
    CREATE TABLE IF NOT EXISTS dashboard_daily (
      day TEXT NOT NULL, revision INTEGER NOT NULL, language TEXT NOT NULL, channel TEXT NOT NULL, method TEXT NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (day, revision, language, channel, method)
    );
    CREATE TABLE IF NOT EXISTS dashboard_grants (
      day TEXT NOT NULL, revision INTEGER NOT NULL, kind TEXT NOT NULL, item TEXT NOT NULL,
      decisions INTEGER NOT NULL, granted INTEGER NOT NULL,
      PRIMARY KEY (day, revision, kind, item)
    );
    CREATE TABLE IF NOT EXISTS dashboard_state (id INTEGER PRIMARY KEY, watermark TEXT NOT NULL);
    INSERT INTO dashboard_state (id, watermark) VALUES (1, '') ON CONFLICT (id) DO NOTHING;`);
}

/** The JSON object's entries as (key, value) rows, in each dialect. */
const jsonEach = (store, column) =>
  store.dialect === 'postgres' ? `CROSS JOIN LATERAL jsonb_each_text(${column}::jsonb) AS j(key, value)` : `, json_each(${column}) AS j`;

/**
 * The SQL that recomputes the summary rows of the records whose `time` is in [from, to) (all
 * records when `from` is empty). Upserts, so a concurrent refresh (another process) is harmless.
 * Grants are read from each distinct (day, revision, JSON) once, weighted by its count: the JSON is
 * parsed per combination of answers, not per record.
 */
function recomputeSql(store, from, to) {
  const range = from ? `time >= ${literal(from)} AND time < ${literal(to)}` : 'true';
  const grants = (kind, column) => `
    INSERT INTO dashboard_grants (day, revision, kind, item, decisions, granted)
    SELECT g.day, g.revision, '${kind}', j.key, sum(g.c), sum(CASE WHEN j.value = 'granted' THEN g.c ELSE 0 END)
    FROM (SELECT substr(time, 1, 10) AS day, revision, ${column} AS grants, count(*) AS c
          FROM records WHERE method <> 'dismiss' AND ${range} GROUP BY 1, 2, 3) AS g ${jsonEach(store, 'g.grants')}
    WHERE true GROUP BY 1, 2, 3, 4
    ON CONFLICT (day, revision, kind, item) DO UPDATE SET decisions = excluded.decisions, granted = excluded.granted;`;
  return `
    INSERT INTO dashboard_daily (day, revision, language, channel, method, n)
    SELECT substr(time, 1, 10), revision, language, coalesce(channel, ''), method, count(*)
    FROM records WHERE ${range} GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (day, revision, language, channel, method) DO UPDATE SET n = excluded.n;
    ${grants('category', 'categories')}
    ${grants('service', 'services')}`;
}

/** Sorted days as [first, dayAfterLast) ranges of consecutive days. */
function dayRanges(days) {
  const ranges = [];
  for (const day of [...days].sort()) {
    const last = ranges.at(-1);
    if (last && last[1] === day) last[1] = addDays(day, 1);
    else ranges.push([day, addDays(day, 1)]);
  }
  return ranges;
}

/**
 * The summary of every record. On SQLite, in slices of {@link BUILD_DAYS} days read through the
 * `time` index, giving the event loop a turn between slices: better-sqlite3 is synchronous, and
 * one statement over a million records would hold the receiver for many seconds, its posts
 * waiting. PostgreSQL's driver waits without holding anything: one statement, one scan (sliced,
 * 1 M records took 69 s here, against 8–33 s whole, depending on the machine's load).
 */
async function firstBuild(store) {
  if (store.dialect === 'postgres') return store.exec(recomputeSql(store, '', ''));
  const [{ first, last }] = await read(store, 'SELECT min(time) AS first, max(time) AS last FROM records');
  const [from, to] = [String(first).slice(0, 10), String(last).slice(0, 10)];
  if (!isDay(from) || !isDay(to)) return store.exec(recomputeSql(store, '', ''));
  for (let day = from; day <= to; day = addDays(day, BUILD_DAYS)) {
    await store.exec(recomputeSql(store, day, addDays(day, BUILD_DAYS)));
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Brings the summary tables up to date with the records received since the last refresh, and
 * returns what it did. The first run reads every record once; later runs read the days touched.
 * @example await refresh(store) // { days: 1, full: false }
 */
export async function refresh(store) {
  // One round trip: on a busy database server each costs more than the query.
  const [{ last, watermark }] = await read(store, 'SELECT (SELECT max(received_at) FROM records) AS last, watermark FROM dashboard_state WHERE id = 1');
  if (!last || last <= watermark) return { days: 0, full: false };
  let days = 0;
  if (!watermark) {
    await firstBuild(store);
    [{ days }] = await read(store, 'SELECT count(DISTINCT day) AS days FROM dashboard_daily');
    days = Number(days);
  } else {
    const since = new Date(Date.parse(watermark) - REFRESH_OVERLAP_MS).toISOString();
    const touched = await read(store, 'SELECT DISTINCT substr(time, 1, 10) AS day FROM records WHERE received_at > ?', [since]);
    const valid = touched.map((row) => row.day).filter(isDay);
    for (const [from, to] of dayRanges(valid)) await store.exec(recomputeSql(store, from, to));
    days = valid.length;
  }
  // Never backwards, should two processes refresh at once.
  await store.exec(`UPDATE dashboard_state SET watermark = ${literal(last)} WHERE id = 1 AND watermark < ${literal(last)}`);
  return { days, full: !watermark };
}

/** Rate of `part` in `whole`, 6 decimals (a percentage shown to 0.1 is then rounded once, in effect); null without a whole. */
const rate = (part, whole) => (whole ? Math.round((part / whole) * 1e6) / 1e6 : null);

/** Counts per method, every method present, and their shares of the decisions. */
function tally(rows) {
  const methods = Object.fromEntries(METHODS.map((m) => [m, 0]));
  let dismissals = 0;
  for (const row of rows) {
    if (row.method === 'dismiss') dismissals += row.n;
    else if (row.method in methods) methods[row.method] += row.n;
  }
  const decisions = METHODS.reduce((sum, m) => sum + methods[m], 0);
  const shares = Object.fromEntries(METHODS.map((m) => [m, rate(methods[m], decisions)]));
  return { decisions, dismissals, methods, shares };
}

/** Rows grouped by `row[key]`, in first-seen order. */
function groupBy(rows, key) {
  const groups = new Map();
  for (const row of rows) (groups.get(row[key]) ?? groups.set(row[key], []).get(row[key])).push(row);
  return groups;
}

/**
 * One group's line: its tally, or only `suppressed: true` with fewer than `minGroup` decisions,
 * so no small group's answers can be read.
 */
const line = (head, rows, minGroup) => {
  const counts = tally(rows);
  return counts.decisions < minGroup ? { ...head, suppressed: true } : { ...head, ...counts };
};

/** A daily series over `days` from rows with `day`: `value(rows)` per day, null where absent or suppressed. */
const series = (days, rows, value) => {
  const byDay = groupBy(rows, 'day');
  return days.map((day) => (byDay.has(day) ? value(byDay.get(day)) : null));
};

/** The period asked for, checked: `from`/`to` days, defaulting to the last 365 days that have records. */
async function period(store, query) {
  for (const key of ['from', 'to']) if (query[key] !== undefined && query[key] !== '' && !isDay(query[key])) throw new RangeError(`"${key}" must be a day, YYYY-MM-DD`);
  const [{ first = null, last = null } = {}] = await read(store, 'SELECT min(day) AS first, max(day) AS last FROM dashboard_daily');
  const to = query.to || last || new Date().toISOString().slice(0, 10);
  const from = query.from || (first && first > addDays(to, 1 - DEFAULT_DAYS) ? first : addDays(to, 1 - DEFAULT_DAYS));
  if (from > to) throw new RangeError('"from" is after "to"');
  return { from, to };
}

/** Per key (language, channel, revision): decisions per day (one query), and their totals. */
async function breakdown(store, column, range, daysOf, minGroup) {
  const [rows, days] = await Promise.all([
    read(store, `SELECT day, ${column} AS key, method, sum(n) AS n FROM dashboard_daily WHERE day >= ? AND day <= ? GROUP BY 1, 2, 3 ORDER BY 2, 1`, range),
    daysOf,
  ]);
  return [...groupBy(rows, 'key')].map(([key, perDay]) => {
    const group = line({ key }, perDay, minGroup);
    // A day × key cell under the threshold is a group too.
    if (!group.suppressed) group.daily = series(days, perDay, (cell) => (tally(cell).decisions >= minGroup ? tally(cell) : null));
    return group;
  });
}

/** Sums of `decisions` and `granted` over rows. */
const sumGrants = (rows) => rows.reduce((sum, row) => ({ decisions: sum.decisions + row.decisions, granted: sum.granted + row.granted }), { decisions: 0, granted: 0 });

/** Opt-in rates per category and service (one query): over the period, per day, per revision. */
async function grants(store, range, daysOf, minGroup) {
  const [rows, days] = await Promise.all([
    read(
      store,
      'SELECT day, revision, kind, item, sum(decisions) AS decisions, sum(granted) AS granted FROM dashboard_grants WHERE day >= ? AND day <= ? GROUP BY 1, 2, 3, 4 ORDER BY 3, 4, 1',
      range,
    ),
    daysOf,
  ]);
  const rateOf = (rows) => {
    const { decisions, granted } = sumGrants(rows);
    return decisions >= minGroup ? rate(granted, decisions) : null;
  };
  const items = (kind) =>
    [...groupBy(rows.filter((row) => row.kind === kind), 'item')].map(([id, perDay]) => {
      const { decisions, granted } = sumGrants(perDay);
      if (decisions < minGroup) return { id, suppressed: true };
      const revisions = [...groupBy(perDay, 'revision')].map(([revision, under]) => [revision, rateOf(under)]);
      return { id, decisions, granted, rate: rate(granted, decisions), daily: series(days, perDay, rateOf), revisions: Object.fromEntries(revisions) };
    });
  return { categories: items('category'), services: items('service') };
}

/** Largest group first; suppressed groups last. */
const byDecisions = (a, b) => (b.decisions ?? -1) - (a.decisions ?? -1);

/**
 * The dashboard's aggregates for a period: totals and daily counts per method, opt-in rates per
 * category and service, and the same per language, channel and revision. Every group (a day, a
 * language, a day × language…) with fewer than `minGroup` decisions is `suppressed`, its numbers
 * left out; totals over the period count every decision. Dismissals (`dismiss`: the dialog closed
 * without a choice) are counted beside the decisions, never in the shares.
 *
 * Throws a RangeError for a malformed `from`/`to`.
 * @example await aggregates(store, { from: '2026-11-01', to: '2026-11-30' })
 */
export async function aggregates(store, query = {}, { minGroup = MIN_GROUP } = {}) {
  const { from, to } = await period(store, query);
  const range = [from, to];
  // The five queries at once; the others wait for the days only to align their series.
  const byDayRead = read(store, 'SELECT day, method, sum(n) AS n FROM dashboard_daily WHERE day >= ? AND day <= ? GROUP BY 1, 2 ORDER BY 1, 2', range);
  const daysOf = byDayRead.then((rows) => [...groupBy(rows, 'day').keys()]);
  const keyed = (name) => (group) => {
    const { key, ...rest } = group;
    return { [name]: key, ...rest };
  };
  const [byDay, days, languages, channels, revisions, { categories, services }] = await Promise.all([
    byDayRead,
    daysOf,
    breakdown(store, 'language', range, daysOf, minGroup),
    breakdown(store, 'channel', range, daysOf, minGroup),
    breakdown(store, 'revision', range, daysOf, minGroup),
    grants(store, range, daysOf, minGroup),
  ]);
  const dayRows = groupBy(byDay, 'day');
  const daily = days.map((day) => line({ day }, dayRows.get(day), minGroup));
  return {
    from,
    to,
    minGroup,
    totals: tally(byDay),
    days: daily,
    suppressedDays: daily.filter((day) => day.suppressed).length,
    categories,
    services,
    languages: languages.sort(byDecisions).map(keyed('language')),
    channels: channels.sort(byDecisions).map(keyed('channel')),
    revisions: revisions.map(keyed('revision')),
  };
}

/** One CSV cell (RFC 4180 quoting), a leading `= + - @` prefixed with `'` so a spreadsheet shows it, never runs it. */
function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A group's rows: decisions, dismissals, then count and share per method; `suppressed` alone for a small group. */
function groupRows(section, group, counts) {
  if (counts.suppressed) return [[section, group, 'suppressed', 'fewer than the minimum group']];
  return [
    [section, group, 'decisions', counts.decisions],
    [section, group, 'dismissals', counts.dismissals],
    ...METHODS.flatMap((m) => [
      [section, group, m, counts.methods[m]],
      [section, group, `${m} share`, counts.shares[m]],
    ]),
  ];
}

/** A category's or service's rows: decisions, opt-in rate, and its rate per revision. */
const grantRows = (section, item) =>
  item.suppressed
    ? [[section, item.id, 'suppressed', 'fewer than the minimum group']]
    : [
        [section, item.id, 'decisions', item.decisions],
        [section, item.id, 'opt-in rate', item.rate],
        ...Object.entries(item.revisions).map(([revision, value]) => [section, item.id, `opt-in rate, revision ${revision}`, value]),
      ];

/**
 * The aggregates as CSV for reports, one number per row (`section,group,measure,value`), which a
 * spreadsheet's pivot table reads as it is: the period, the totals, each day, category, service,
 * language, channel and revision. Shares and rates are fractions (0.45 = 45 %).
 * @example toCsv(await aggregates(store)) // 'section,group,measure,value\r\nperiod,,from,2026-11-01\r\n…'
 */
export function toCsv(data) {
  const rows = [
    ['period', '', 'from', data.from],
    ['period', '', 'to', data.to],
    ['period', '', 'minimum group', data.minGroup],
    ...groupRows('total', '', data.totals),
    ...data.days.flatMap((day) => groupRows('day', day.day, day)),
    ...data.categories.flatMap((item) => grantRows('category', item)),
    ...data.services.flatMap((item) => grantRows('service', item)),
    ...data.languages.flatMap((group) => groupRows('language', group.language, group)),
    ...data.channels.flatMap((group) => groupRows('channel', group.channel || 'not recorded (schema 1)', group)),
    ...data.revisions.flatMap((group) => groupRows('revision', group.revision, group)),
  ];
  return [['section', 'group', 'measure', 'value'], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
