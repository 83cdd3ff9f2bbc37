// The consent-log receiver's dashboard (examples/consent-log-server/dashboard) in Chromium: a
// Fastify app with the plugin over 20 generated days of known proportions (testing.mjs
// EXPECTED: revision 1 for 10 days, then 2) plus a quiet day of 3 decisions.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { serveDemo } from '../../examples/consent-log-server/dashboard/serve.mjs';
import { expect, recordRequests, test } from './helpers';

const TOKEN = 'e2e-dashboard-token-4f9a1c';
/** WCAG 2.2 AA, as axe-core tags it. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

const quiet = [0, 1, 2].map(
  (i) => `INSERT INTO records (record_id, schema_version, consent_id, time, received_at, revision, method, categories, services, language,
    sdk_version, page_url, channel) VALUES ('quiet${i}', 2, 'quiet-visitor-${i}', '2026-03-25T10:0${i}:00.000Z', '2026-03-25T10:0${i}:00.000Z', 2,
    'accept-all', '{"essential":"granted","analytics":"granted","marketing":"granted"}', '{"matomo":"granted","youtube":"granted"}', 'en', '0.2.0',
    'https://www.example.test/', 'banner')`,
);

let demo: Awaited<ReturnType<typeof serveDemo>>;
test.beforeAll(async () => {
  demo = await serveDemo({ token: TOKEN, days: 20, perDay: 100, start: '2026-03-01', extra: quiet });
});
test.afterAll(() => demo.close());

/** Opens the dashboard and signs in with `token`. */
async function signIn(page: Page, token = TOKEN) {
  await page.goto(`${demo.url}/dashboard`);
  await page.getByLabel('Export token').fill(token);
  await page.getByRole('button', { name: 'Show the statistics' }).click();
}

/** The rows of the table named `caption`, each as its cells' texts (headers included); `chart`: the table of that chart's numbers, opened. */
async function rows(page: Page, caption: string, chart?: string) {
  if (chart) await page.locator(`[data-chart=${chart}] summary`).click();
  return page
    .getByRole('table', { name: caption, exact: true })
    .evaluate((table) => [...(table as HTMLTableElement).rows].map((row) => [...row.cells].map((cell) => cell.textContent)));
}

/** A chart's data as uPlot holds it: x, then one array per series, and the series' labels. */
const chartData = (page: Page, id: string) =>
  page.evaluate((id) => {
    const plot = (window as unknown as { consentDashboard: { charts: Record<string, { data: number[][]; series: { label: string }[] }> } }).consentDashboard.charts[id]!;
    return { data: plot.data.map((values) => [...values]), labels: plot.series.map((s) => s.label) };
  }, id);

test('refuses without the token: no numbers before, 401 for a wrong token, 403 when none is configured', async ({ page }) => {
  const numbers = recordRequests(page, '/dashboard/data.json');
  await page.goto(`${demo.url}/dashboard`);
  await expect(page.getByRole('heading', { name: 'Consent statistics' })).toBeVisible();
  await expect(page.locator('#report')).toBeHidden();
  expect(numbers).toEqual([]);
  expect((await page.request.get(`${demo.url}/dashboard/data.json`)).status()).toBe(401);
  expect((await page.request.get(`${demo.url}/dashboard/aggregates.csv`)).status()).toBe(401);
  await signIn(page, 'not-the-token');
  await expect(page.getByRole('alert')).toHaveText('That is not the export token.');
  await expect(page.locator('#report')).toBeHidden();
  await expect(page.getByLabel('Export token')).toBeFocused();
  const disabled = await serveDemo({ days: 1 });
  try {
    expect((await page.request.get(`${disabled.url}/dashboard`)).status()).toBe(403);
    expect((await page.request.get(`${disabled.url}/dashboard/data.json`, { headers: { authorization: 'Bearer undefined' } })).status()).toBe(403);
  } finally {
    await disabled.close();
  }
});

test('shows an empty store as zeros, without an error', async ({ page }) => {
  const empty = await serveDemo({ token: TOKEN, days: 0 });
  try {
    await page.goto(`${empty.url}/dashboard`);
    await page.getByLabel('Export token').fill(TOKEN);
    await page.getByRole('button', { name: 'Show the statistics' }).click();
    await expect(page.locator('#overview > p')).toContainText('0 decisions from');
    expect((await rows(page, 'Answers over the period'))[1]).toEqual(['Accept all', '0', '–']);
    await expect(page.locator('[data-chart=shares] canvas')).toBeVisible();
  } finally {
    await empty.close();
  }
});

test('shows the generated proportions, in the charts’ data and in their tables', async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole('status')).toHaveText('Showing 2026-03-01 to 2026-03-25.');
  // Over the period: 2,003 decisions, 40 % accept-all (+3 of the quiet day).
  expect(await rows(page, 'Answers over the period')).toEqual([
    ['Answer', 'Decisions', 'Share'],
    ['Accept all', '803', '40.1%'],
    ['Reject all', '700', '34.9%'],
    ['Custom choice', '300', '15.0%'],
    ['Withdrawal', '100', '5.0%'],
    ['GPC', '100', '5.0%'],
  ]);
  // Per day: 45 % accept-all under revision 1, 35 % under revision 2; the quiet day is a gap.
  const shares = await chartData(page, 'shares');
  expect(shares.labels).toEqual(['Day', 'Accept all', 'Reject all', 'Custom choice', 'Withdrawal', 'GPC']);
  expect(shares.data[1]).toEqual([...Array(10).fill(45), ...Array(10).fill(35), null]);
  expect(shares.data[2]).toEqual([...Array(10).fill(30), ...Array(10).fill(40), null]);
  expect(shares.data[5]).toEqual([...Array(20).fill(5), null]);
  const perDay = await rows(page, 'Share of each answer per day, per day', 'shares');
  expect(perDay[1]).toEqual(['2026-03-01', '45.0%', '30.0%', '15.0%', '5.0%', '5.0%']);
  expect(perDay[20]).toEqual(['2026-03-20', '35.0%', '40.0%', '15.0%', '5.0%', '5.0%']);
  expect(perDay[21]).toEqual(['2026-03-25', 'not shown', 'not shown', 'not shown', 'not shown', 'not shown']);
  // Categories and services: their opt-in rates overall and per revision.
  expect(await rows(page, 'Opt-in rate per category')).toEqual([
    ['Category', 'Decisions', 'Opt-in rate', 'Revision 1', 'Revision 2'],
    ['analytics', '2,003', '55.1%', '60.0%', '50.1%'],
    ['essential', '2,003', '100.0%', '100.0%', '100.0%'],
    ['marketing', '2,003', '40.1%', '45.0%', '35.2%'],
  ]);
  const categories = await chartData(page, 'categories');
  expect(categories.labels).toEqual(['Day', 'analytics', 'essential', 'marketing']);
  expect(categories.data[1]).toEqual([...Array(10).fill(60), ...Array(10).fill(50), null]);
  expect((await rows(page, 'Opt-in rate per service'))[1]).toEqual(['matomo', '2,003', '55.1%', '60.0%', '50.1%']);
  // Language, channel, revision.
  const languages = await rows(page, 'Language: answers over the period');
  expect(languages.map((row) => row.slice(0, 3))).toEqual([
    ['Language', 'Decisions', 'Accept all'],
    ['en', '1,203', '40.1%'],
    ['fr', '800', '40.0%'],
  ]);
  const channels = await rows(page, 'Channel: answers over the period');
  expect(channels.map((row) => row.slice(0, 2))).toEqual([
    ['Channel', 'Decisions'],
    ['Banner', '1,303'],
    ['Preferences dialog', '400'],
    ['Site code (API)', '100'],
    ['GPC signal', '100'],
    ['Embed placeholder', '100'],
  ]);
  expect((await rows(page, 'Answers under each revision')).map((row) => row.slice(0, 4))).toEqual([
    ['Revision', 'Decisions', 'Accept all', 'Reject all'],
    ['Revision 1', '1,000', '45.0%', '30.0%'],
    ['Revision 2', '1,003', '35.2%', '39.9%'],
  ]);
  const revisions = await chartData(page, 'revisions');
  expect(revisions.labels.slice(1)).toEqual(['Accept all, Revision 1', 'Reject all, Revision 1', 'Accept all, Revision 2', 'Reject all, Revision 2']);
  expect(revisions.data[1]).toEqual([...Array(10).fill(45), ...Array(11).fill(null)]);
  expect(revisions.data[3]).toEqual([...Array(10).fill(null), ...Array(10).fill(35), null]);
  // No visitor's record anywhere on the page.
  await expect(page.locator('body')).not.toContainText(/quiet-visitor|www\.example\.test/);
});

test('keeps the token out of URLs and storage; a period and the CSV', async ({ page }) => {
  const urls = recordRequests(page);
  const headers: string[] = [];
  page.on('request', (request) => request.url().includes('/data.json') && headers.push(request.headers().authorization ?? ''));
  await signIn(page);
  await expect(page.locator('#report')).toBeVisible();
  await page.getByLabel('From', { exact: true }).fill('2026-03-11');
  await page.getByLabel('To', { exact: true }).fill('2026-03-20');
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByRole('status')).toHaveText('Showing 2026-03-11 to 2026-03-20.');
  expect((await rows(page, 'Answers over the period'))[1]).toEqual(['Accept all', '350', '35.0%']);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the aggregates (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe('consent-aggregates-2026-03-11-2026-03-20.csv');
  const csv = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
  expect(csv.split('\r\n').slice(0, 5)).toEqual(['section,group,measure,value', 'period,,from,2026-03-11', 'period,,to,2026-03-20', 'period,,minimum group,5', 'total,,decisions,1000']);
  expect(csv).toContain('\r\ntotal,,accept-all share,0.35\r\n');
  expect(headers).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
  expect(urls.filter((url) => url.includes(TOKEN))).toEqual([]);
  expect(page.url()).toBe(`${demo.url}/dashboard`);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);
  await expect(page.getByLabel('Export token', { exact: true })).toBeHidden();
});

test('is axe-clean (WCAG 2.2 AA), signed out and with the report', async ({ page }) => {
  // axe reads every cell of the seven tables of 21 days: slow on a busy machine.
  test.setTimeout(120_000);
  await page.goto(`${demo.url}/dashboard`);
  const before = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(before.violations.map((v) => v.id)).toEqual([]);
  await signIn(page);
  await expect(page.locator('[data-chart=revisions] canvas')).toBeVisible();
  // The tables folded in details elements are checked open, as a reader would see them.
  await page.locator('details').evaluateAll((all) => all.forEach((details) => ((details as HTMLDetailsElement).open = true)));
  const after = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(after.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(after.passes.find((rule) => rule.id === 'color-contrast')?.nodes.length).toBeGreaterThan(50);
});

test('offers the token form only once its script can take it (a click before would do nothing)', async ({ page }) => {
  const demo = await serveDemo({ token: TOKEN, days: 1 });
  try {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/dashboard/assets/dashboard.js', async (route) => {
      await held;
      await route.continue();
    });
    // Deferred scripts hold DOMContentLoaded: the page is looked at once its markup is parsed.
    await page.goto(`${demo.url}/dashboard`, { waitUntil: 'commit' });
    await expect(page.getByRole('heading', { name: 'Consent statistics' })).toBeVisible();
    await expect(page.getByLabel('Export token')).toBeHidden();
    release();
    await page.getByLabel('Export token').fill(TOKEN);
    await page.getByRole('button', { name: 'Show the statistics' }).click();
    await expect(page.locator('#overview > p')).toContainText('decisions from');
    expect(page.url()).not.toContain(TOKEN);
  } finally {
    await demo.close();
  }
});
