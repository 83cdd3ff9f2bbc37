import type { Page } from '@playwright/test';
import { expect, recordRequests, test } from './helpers';

// Withdrawal end to end, on a real sub-domain (www.example.test → 127.0.0.1) so that the
// analytics stand-in can write its cookies both host-only and on the parent domain, as GA does.

const ANALYTICS = /^(_ga|_ga_XXXX|_gid|_hjSessionUser_1)$/;

/** The page's URL on www.example.test, same port as the test server. */
const onSubdomain = (baseURL: string | undefined, file: string) =>
  `http://www.example.test:${new URL(baseURL!).port}/test/e2e/fixtures/gating/${file}`;

const cookies = async (page: Page) =>
  (await page.context().cookies()).map((cookie) => `${cookie.name}@${cookie.domain}`).sort();

const storage = (page: Page) =>
  page.evaluate(() => ({ local: Object.keys(localStorage).sort(), session: Object.keys(sessionStorage).sort() }));

/** Analytics hits (`/collect`) and tracker loads the page makes from now on. */
const hits = (page: Page) => recordRequests(page, /\/collect|tracker\.js/);

test('withdraw after accept: GA and Hotjar cookies on the host and the parent domain and their storage keys are gone, and nothing is sent after a reload', async ({
  page,
  baseURL,
}) => {
  const sent = hits(page);
  await page.goto(onSubdomain(baseURL, 'withdraw.html'));
  await page.waitForLoadState('networkidle');
  expect(sent).toEqual([]);
  expect((await cookies(page)).filter((c) => ANALYTICS.test(c.split('@')[0]!))).toEqual([]);

  await page.evaluate(() => window.InstriaConsent!.acceptAll!());
  await expect.poll(() => cookies(page)).toEqual([
    '_ga@.example.test',
    '_ga@www.example.test',
    '_ga_XXXX@.example.test',
    '_gid@.example.test',
    '_hjSessionUser_1@www.example.test',
    'instria_consent@www.example.test',
    'session@www.example.test',
  ]);
  expect(await storage(page)).toEqual({ local: ['_ga_store', '_hjUserAttributes', 'theme'], session: ['_hjRecordingLastActivity'] });
  await expect.poll(() => sent.length).toBe(2); // tracker.js and its hit

  const change = page.evaluate(
    () => new Promise((resolve) => addEventListener('instria-consent:change', (e) => resolve((e as CustomEvent).detail.reloadRecommended), { once: true })),
  );
  await page.evaluate(() => window.InstriaConsent!.withdraw!());
  expect(await change).toBe(true);
  // Only the decision and the site's own essential cookie and storage are left.
  expect(await cookies(page)).toEqual(['instria_consent@www.example.test', 'session@www.example.test']);
  expect(await storage(page)).toEqual({ local: ['theme'], session: [] });

  sent.length = 0;
  await page.reload();
  await page.waitForLoadState('networkidle');
  expect(sent).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { order: string[] }).order)).toEqual([]);
  expect(await cookies(page)).toEqual(['instria_consent@www.example.test', 'session@www.example.test']);
});

test('with reloadOnWithdraw the page reloads after a withdrawal, and the tag stays off', async ({ page, baseURL }) => {
  const sent = hits(page);
  await page.goto(onSubdomain(baseURL, 'withdraw-reload.html'));
  await page.evaluate(() => window.InstriaConsent!.acceptAll!());
  await expect.poll(() => sent.length).toBe(2);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  const reloaded = page.waitForEvent('load');
  await page.evaluate(() => window.InstriaConsent!.withdraw!());
  await reloaded;
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBeUndefined();
  await page.waitForLoadState('networkidle');
  expect(sent.length).toBe(2);
  expect((await cookies(page)).filter((c) => ANALYTICS.test(c.split('@')[0]!))).toEqual([]);
});

test('a decision in another tab activates, and a withdrawal there stops, the gated tags of this tab', async ({ page, baseURL }) => {
  const other = await page.context().newPage();
  await page.goto(onSubdomain(baseURL, 'withdraw.html'));
  await other.goto(onSubdomain(baseURL, 'withdraw.html'));
  const order = (tab: Page) => tab.evaluate(() => (window as unknown as { order: string[] }).order);
  await other.evaluate(() => window.InstriaConsent!.acceptAll!());
  await expect.poll(() => order(page)).toEqual(['tracker']);
  await other.evaluate(() => window.InstriaConsent!.withdraw!());
  await expect.poll(() => page.evaluate(() => window.InstriaConsent!.granted!('analytics'))).toBe(false);
  await page.evaluate(() =>
    document.body.insertAdjacentHTML('beforeend', '<img data-consent="analytics" data-src="/collect?src=late" alt="late">'),
  );
  await page.waitForTimeout(100);
  expect(await page.locator('img[alt="late"]').getAttribute('src')).toBeNull();
  await other.close();
});
