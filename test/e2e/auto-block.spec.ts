import type { Page } from '@playwright/test';
import { expect, recordRequests, test } from './helpers';

// Auto-blocking of requests that leave without a tag (fetch, XHR, sendBeacon, setAttribute, HTML
// strings), on the built script tag under a nonce-only CSP. The listed hosts are routed by
// Playwright: every request that reaches them is logged, so "nothing before consent" is read
// from what the browser actually sent. Consent is given through the API; the UI is a stub.

const PAGE = '/test/e2e/fixtures/auto-block/requests.html';

/** The `n=` names of the requests that reached a listed host, in the order they were sent. */
async function listedHosts(page: Page): Promise<string[]> {
  const sent = recordRequests(page, (url) => url.hostname.endsWith('example.test'), (url) => url.searchParams.get('n') ?? url.pathname);
  await page.route(/example\.test/, (route) => {
    const script = route.request().url().includes('script-attr');
    return route.fulfill({
      status: 200,
      headers: { 'access-control-allow-origin': '*' },
      contentType: script ? 'text/javascript' : 'text/html',
      body: script ? "window.ran = (window.ran || []).concat('script-attr');" : '',
    });
  });
  return sent;
}

/** The `n=` names of the page's own requests to its server. */
const localRequests = (page: Page) => recordRequests(page, (url) => url.pathname === '/__health', (url) => url.searchParams.get('n')!);

const results = (page: Page) => page.evaluate(() => (window as unknown as { results: string[] }).results);
const call = (page: Page, method: string) => page.evaluate((m) => (window.InstriaConsent as any)[m](), method);

const UNRELATED = ['relative 200', 'url-object 200', 'request-object 200', 'xhr-local 200', 'beacon-local true'];

test('before consent: nothing reaches a listed host by fetch, XHR, beacon, setAttribute, insertAdjacentHTML or innerHTML; other requests go', async ({
  page,
}) => {
  const sent = await listedHosts(page);
  const local = localRequests(page);
  await page.goto(PAGE);
  await page.waitForLoadState('networkidle');
  await expect.poll(() => results(page).then((r) => UNRELATED.every((entry) => r.includes(entry)))).toBe(true);
  await page.waitForTimeout(300);
  expect(sent).toEqual([]);
  expect(local.sort()).toEqual(['beacon-local', 'relative', 'request-object', 'url-object', 'xhr-local']);
  // The beacon to a listed host was dropped, and reported as queued (true).
  expect(await results(page)).toContain('beacon true');
  // The listed fetches still wait: neither settled nor failed.
  expect((await results(page)).filter((entry) => entry.startsWith('fetch-'))).toEqual([]);
  // The iframe from the HTML string is a gated one, behind its placeholder (loaded under the nonce).
  await expect(page.getByRole('button', { name: 'Allow VideoTube' })).toBeVisible();
  expect(await page.locator('iframe[title="Injected by innerHTML"]').getAttribute('src')).toBeNull();
});

test('after Accept: the held requests go out, fetch and XHR in the order they were made; the beacon never', async ({ page }) => {
  const sent = await listedHosts(page);
  await page.goto(PAGE);
  await page.waitForLoadState('networkidle');
  expect(sent).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { released: string[] }).released), 'none let through before consent').toEqual([]);
  await call(page, 'acceptAll');
  await expect
    .poll(() => [...sent].sort())
    .toEqual(['fetch-1', 'fetch-3', 'fetch-4', 'iframe-html', 'img-attr', 'img-html', 'script-attr', 'xhr-2']);
  // In the order they were made: the order the SDK hands them to the browser (which may put
  // them on the network in another order, fetch and XHR being separate paths).
  expect(await page.evaluate(() => (window as unknown as { released: string[] }).released)).toEqual(['fetch-1', 'xhr-2', 'fetch-3', 'fetch-4']);
  // The callers got their real responses; the script set with setAttribute ran.
  await expect.poll(() => results(page)).toEqual(expect.arrayContaining(['fetch-1 200', 'xhr-2 200', 'fetch-3 200', 'fetch-4 200']));
  await expect.poll(() => page.evaluate(() => (window as unknown as { ran?: string[] }).ran)).toEqual(['script-attr']);
  await expect(page.locator('iframe[title="Injected by innerHTML"]')).toHaveAttribute('src', /iframe-html/);
  await expect(page.locator('[data-part="placeholder"]')).toHaveCount(0);
  expect(sent).not.toContain('beacon');
});

test('after Reject: nothing ever reaches a listed host; waiting fetches fail as a network error would; a reload keeps it so', async ({ page }) => {
  const sent = await listedHosts(page);
  const local = localRequests(page);
  await page.goto(PAGE);
  await page.waitForLoadState('networkidle');
  await call(page, 'rejectAll');
  await expect.poll(() => results(page)).toEqual(expect.arrayContaining(['fetch-1 TypeError', 'fetch-3 TypeError', 'fetch-4 TypeError']));
  await page.reload();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => results(page)).toEqual(expect.arrayContaining(['fetch-1 TypeError', ...UNRELATED]));
  await page.waitForTimeout(300);
  expect(sent).toEqual([]);
  expect(local.filter((name) => name === 'relative')).toHaveLength(2);
});

test('the placeholder file is fetched only on a page with a gated iframe', async ({ page }) => {
  const placeholder = recordRequests(page, 'instria-consent.placeholder');
  await page.goto('/test/e2e/fixtures/gating/csp.html');
  await page.waitForLoadState('networkidle');
  expect(placeholder).toEqual([]);
  await page.goto('/test/e2e/fixtures/gating/tags.html');
  await expect(page.getByRole('button', { name: 'Allow VideoTube' })).toBeVisible();
  expect(placeholder).toHaveLength(1);
});
