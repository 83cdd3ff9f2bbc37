// @vitest-environment node
// The dashboard's SQL aggregates on records with known proportions, on SQLite and (where
// PostgreSQL 15 is installed) on PostgreSQL: the same numbers from both dialects.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aggregates, prepare, refresh, toCsv, type Aggregates } from '../../../examples/consent-log-server/dashboard/aggregate.mjs';
import {
  EXPECTED,
  generateRecords,
  postgresStore,
  sqliteStore,
  startPostgres,
  type TestStore,
} from '../../../examples/consent-log-server/dashboard/testing.mjs';

let postgres: ReturnType<typeof startPostgres> = null;
const stores: TestStore[] = [];

beforeAll(async () => {
  postgres = startPostgres();
}, 60_000);
afterAll(() => postgres?.stop());
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

/** A hand-made record (schema 2 unless `channel` is null), as SQL. */
function record(id: string, fields: { time: string; method: string; language?: string; channel?: string | null; revision?: number; received?: string; analytics?: string }) {
  const { time, method, language = 'en', channel = 'banner', revision = 1, received = time, analytics = 'denied' } = fields;
  return `INSERT INTO records (record_id, schema_version, consent_id, time, received_at, revision, method, categories, services, language,
    sdk_version, page_url, channel) VALUES ('${id}', ${channel === null ? 1 : 2}, 'visitor-${id}', '${time}', '${received}', ${revision}, '${method}',
    '{"essential":"granted","analytics":"${analytics}","marketing":"denied"}', '{"matomo":"${analytics}","youtube":"denied"}', '${language}', '0.2.0',
    'https://www.example.test/secret-page', ${channel === null ? 'NULL' : `'${channel}'`});`;
}

const dialects = [
  ['sqlite', async () => sqliteStore()],
  [
    'postgres',
    async () => postgresStore(await postgres!.newDatabase()),
  ],
] as const;

describe.each(dialects)('dashboard aggregates on %s', { timeout: 20_000 }, (dialect, open) => {
  const make = async () => {
    if (dialect === 'postgres' && !postgres) return null;
    const store = await open();
    stores.push(store);
    return store;
  };
  /** The aggregates after a refresh, as the plugin computes them. */
  const compute = async (store: TestStore, query = {}) => {
    await prepare(store);
    await refresh(store);
    return aggregates(store, query);
  };
  const shown = <T extends object>(group: T | { suppressed: true }) => {
    expect(group).not.toHaveProperty('suppressed');
    return group as T;
  };

  it('gives the generated proportions: answers, categories, services, languages, channels, revisions', async (context) => {
    const store = await make();
    if (!store) return context.skip();
    await generateRecords(store, { days: 20, perDay: 100, start: '2026-03-01' });
    const data = await compute(store);
    expect([data.from, data.to, data.days.length, data.suppressedDays]).toEqual(['2026-03-01', '2026-03-20', 20, 0]);
    expect(data.totals).toMatchObject({ decisions: 2000, dismissals: 0 });
    expect(data.totals.shares).toEqual({ 'accept-all': 0.4, 'reject-all': 0.35, custom: 0.15, withdraw: 0.05, gpc: 0.05 });
    // Every day has its revision's proportions.
    for (const [i, day] of data.days.entries()) {
      const { shares } = shown(day as Aggregates['totals']);
      const expected = EXPECTED[i < 10 ? 1 : 2];
      expect(shares).toEqual({ 'accept-all': expected['accept-all'], 'reject-all': expected['reject-all'], custom: 0.15, withdraw: 0.05, gpc: 0.05 });
    }
    const rates = (items: Aggregates['categories']) =>
      Object.fromEntries(items.map((item) => [item.id, 'rate' in item ? [item.rate, item.revisions] : null]));
    expect(rates(data.categories)).toEqual({
      analytics: [0.55, { 1: 0.6, 2: 0.5 }],
      essential: [1, { 1: 1, 2: 1 }],
      marketing: [0.4, { 1: 0.45, 2: 0.35 }],
    });
    expect(rates(data.services)).toEqual({ matomo: [0.55, { 1: 0.6, 2: 0.5 }], youtube: [0.4, { 1: 0.45, 2: 0.35 }] });
    const analytics = shown(data.categories.find((c) => c.id === 'analytics')!) as { daily: number[] };
    expect(analytics.daily).toEqual([...Array(10).fill(0.6), ...Array(10).fill(0.5)]);
    const share = (groups: object[], key: string) =>
      Object.fromEntries(groups.map((g) => [(g as Record<string, unknown>)[key], (g as { decisions: number }).decisions / data.totals.decisions]));
    expect(share(data.languages, 'language')).toEqual(EXPECTED.languages);
    expect(share(data.channels, 'channel')).toEqual(EXPECTED.channels);
    expect(data.channels.map((c) => c.channel)).toEqual(['banner', 'dialog', 'api', 'gpc', 'placeholder']);
    expect(data.revisions.map((r) => [r.revision, 'shares' in r && r.shares['accept-all'], 'shares' in r && r.shares['reject-all']])).toEqual([
      [1, 0.45, 0.3],
      [2, 0.35, 0.4],
    ]);
  });

  it('leaves out groups of fewer than 5 decisions, counts them in the totals, and keeps dismissals out of the shares', async (context) => {
    const store = await make();
    if (!store) return context.skip();
    await generateRecords(store, { days: 2, perDay: 100, start: '2026-03-01', revisionDay: 2 });
    // A quiet day (4 decisions), 3 decisions in German, 5 schema 1 records (no channel), 6 dismissals.
    for (let i = 0; i < 4; i++) await store.exec(record(`quiet${i}`, { time: `2026-03-03T10:0${i}:00.000Z`, method: 'accept-all', analytics: 'granted' }));
    for (let i = 0; i < 3; i++) await store.exec(record(`de${i}`, { time: `2026-03-01T11:0${i}:00.000Z`, method: 'reject-all', language: 'de' }));
    for (let i = 0; i < 5; i++) await store.exec(record(`old${i}`, { time: `2026-03-02T12:0${i}:00Z`, method: 'reject-all', channel: null }));
    for (let i = 0; i < 6; i++) await store.exec(record(`dis${i}`, { time: `2026-03-02T13:0${i}:00.000Z`, method: 'dismiss', channel: 'dialog', analytics: 'granted' }));
    const data = await compute(store);
    expect(data.totals).toMatchObject({ decisions: 212, dismissals: 6 });
    expect(data.days.map((d) => ('suppressed' in d ? 'suppressed' : d.decisions))).toEqual([103, 105, 'suppressed']);
    expect(data.days[2]).toEqual({ day: '2026-03-03', suppressed: true });
    expect(data.suppressedDays).toBe(1);
    expect(data.days[1]).toMatchObject({ decisions: 105, dismissals: 6, methods: { 'reject-all': 30 + 5 }, shares: { 'reject-all': 0.333333 } });
    expect(data.languages.map((l) => l.language)).toEqual(['en', 'fr', 'de']);
    expect(data.languages[2]).toEqual({ language: 'de', suppressed: true });
    // Schema 1 records: a group of their own, '' (not recorded); the quiet day's cells are gaps.
    const schema1 = shown(data.channels.find((c) => c.channel === '')!) as { decisions: number; daily: unknown[] };
    expect(schema1.decisions).toBe(5);
    expect(schema1.daily).toEqual([null, expect.objectContaining({ decisions: 5 }), null]);
    // Dismissals grant nothing: 2 × 45 accept-all + 2 × 15 custom + 4 quiet accept-all = 124 of 212.
    expect(data.categories.find((c) => c.id === 'analytics')).toMatchObject({ decisions: 212, granted: 124 });
    const csv = toCsv(data);
    expect(csv).toContain('day,2026-03-03,suppressed,fewer than the minimum group\r\n');
    expect(csv).toContain('language,de,suppressed,fewer than the minimum group\r\n');
    expect(csv).toContain('channel,not recorded (schema 1),decisions,5\r\n');
  });

  it('shows no record: no consent id, no page URL, no record id', async (context) => {
    const store = await make();
    if (!store) return context.skip();
    await generateRecords(store, { days: 2, perDay: 100 });
    for (let i = 0; i < 5; i++) await store.exec(record(`x${i}`, { time: `2026-01-01T10:0${i}:00.000Z`, method: 'custom' }));
    const data = await compute(store);
    for (const text of [JSON.stringify(data), toCsv(data)]) {
      expect(text).not.toMatch(/visitor-|gen\d|https?:|secret-page/);
    }
  });

  it('refreshes incrementally: only the days of records received since, late ones included', async (context) => {
    const store = await make();
    if (!store) return context.skip();
    await generateRecords(store, { days: 10, perDay: 100, start: '2026-03-01', revisionDay: 10 });
    await prepare(store);
    expect(await refresh(store)).toEqual({ days: 10, full: true });
    expect(await refresh(store)).toEqual({ days: 0, full: false });
    // An outbox drained late: decisions of March 3rd received on the 11th, and March 11th's own.
    await generateRecords(store, { days: 1, perDay: 100, start: '2026-03-03', receivedAt: '2026-03-11T09:00:00.000Z', prefix: 'late' });
    await generateRecords(store, { days: 1, perDay: 100, start: '2026-03-11', receivedAt: '2026-03-11T09:00:01.000Z', prefix: 'new' });
    // March 3rd, March 11th, and March 10th read again: its last records are within the overlap.
    expect(await refresh(store)).toEqual({ days: 3, full: false });
    // Committed late with an earlier time of receipt (a slow transaction): still within the overlap.
    await store.exec(record('slow', { time: '2026-03-05T10:00:00.000Z', method: 'accept-all', received: '2026-03-11T08:59:00.000Z' }));
    await store.exec(record('next', { time: '2026-03-11T10:00:00.000Z', method: 'accept-all', received: '2026-03-11T09:05:00.000Z' }));
    // March 5th (the slow one), March 11th, and March 3rd again (received within the overlap).
    expect(await refresh(store)).toEqual({ days: 3, full: false });
    const data = await aggregates(store);
    expect(data.days.map((d) => ('decisions' in d ? d.decisions : 0))).toEqual([100, 100, 200, 100, 101, 100, 100, 100, 100, 100, 101]);
    expect(data.totals.decisions).toBe(1202);
  });

  it('reads an empty store as zeros, the last 365 days to today', async (context) => {
    const store = await make();
    if (!store) return context.skip();
    const data = await compute(store);
    expect(data.to).toBe(new Date().toISOString().slice(0, 10));
    expect(data.totals).toEqual({ decisions: 0, dismissals: 0, methods: { 'accept-all': 0, 'reject-all': 0, custom: 0, withdraw: 0, gpc: 0 }, shares: { 'accept-all': null, 'reject-all': null, custom: null, withdraw: null, gpc: null } });
    expect([data.days, data.categories, data.languages, data.channels, data.revisions]).toEqual([[], [], [], [], []]);
  });

  it('reads a period: from and to; the last 365 days that have records by default; a malformed day is refused', async (context) => {
    const store = await make();
    if (!store) return context.skip();
    await generateRecords(store, { days: 400, perDay: 20, start: '2025-01-01', revisionDay: 200 });
    const data = await compute(store);
    expect([data.from, data.to, data.days.length]).toEqual(['2025-02-05', '2026-02-04', 365]);
    const march = await aggregates(store, { from: '2025-03-01', to: '2025-03-31' });
    expect([march.days.length, march.totals.decisions, march.totals.shares['accept-all']]).toEqual([31, 620, 0.45]);
    await expect(aggregates(store, { from: '2025-02-30' })).rejects.toThrow(RangeError);
    await expect(aggregates(store, { to: "2025-01-01' OR 1=1 --" })).rejects.toThrow('"to" must be a day');
    await expect(aggregates(store, { from: '2025-03-02', to: '2025-03-01' })).rejects.toThrow('"from" is after "to"');
  });
});

describe('dashboard summary, first build', () => {
  it('reads the records in slices of 14 days, giving the event loop a turn between slices', async () => {
    const store = sqliteStore();
    stores.push(store);
    await generateRecords(store, { days: 30, perDay: 100, start: '2026-03-01' });
    await prepare(store);
    let slices = 0;
    const exec = store.exec;
    store.exec = (sql) => ((slices += Number(sql.includes('INSERT INTO dashboard_daily'))), exec(sql));
    // better-sqlite3 is synchronous: only a yield lets a setImmediate (a record's post) run.
    let turns = 0;
    let building = true;
    const tick = () => (turns++, building && setImmediate(tick));
    setImmediate(tick);
    expect(await refresh(store)).toEqual({ days: 30, full: true });
    building = false;
    expect(slices).toBe(3);
    expect(turns).toBeGreaterThanOrEqual(3);
    expect((await aggregates(store)).totals.decisions).toBe(3000);
  });
});

describe('dashboard aggregates as CSV', () => {
  it('is one number per row, quoted as RFC 4180 says, a formula-like cell defused', async () => {
    const store = sqliteStore();
    stores.push(store);
    await generateRecords(store, { days: 1, perDay: 100, start: '2026-03-01', revisionDay: 1 });
    await store.exec(`UPDATE records SET categories = replace(categories, '"marketing"', '"=HYPERLINK(1,2)"')`);
    const csv = toCsv(await (async () => (await prepare(store), await refresh(store), aggregates(store)))());
    const lines = csv.split('\r\n');
    expect(lines.slice(0, 6)).toEqual([
      'section,group,measure,value',
      'period,,from,2026-03-01',
      'period,,to,2026-03-01',
      'period,,minimum group,5',
      'total,,decisions,100',
      'total,,dismissals,0',
    ]);
    expect(lines).toContain('total,,accept-all share,0.45');
    expect(lines).toContain('category,analytics,opt-in rate,0.6');
    expect(lines).toContain(`category,"'=HYPERLINK(1,2)",opt-in rate,0.45`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
