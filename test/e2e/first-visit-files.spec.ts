import { consentCookie, expect, recordRequests, recordWarnings, test } from './helpers';

/**
 * What a first visit fetches after the script tag: one file, the UI file, which carries the
 * decision code (no second file racing it for the bandwidth the banner waits for). The decision
 * file alone stays for what decides without the UI: an API call, or a UI file that did not bring
 * the code (it failed to load, or a `data-ui-src` without it).
 */
const PAGE = '/test/e2e/fixtures/perf/tag.html';
const sdkFiles = (page: Parameters<typeof recordRequests>[0]) =>
  recordRequests(page, /instria-consent\.[\w.]+\.js|no-ui\.js/, (url) => url.pathname.split('/').pop()!);

test('a first visit fetches the tag and the UI file only, and the banner decides with the code inside it', async ({ page, ui }) => {
  const files = sdkFiles(page);
  await page.goto(PAGE);
  await expect(ui.banner).toBeVisible();
  await ui.accept();
  await ui.expectHidden();
  expect((await consentCookie(page))?.value).toContain('analytics~1');
  expect(files).toEqual(['instria-consent.iife.js', 'instria-consent.ui.js']);
});

test('a UI file that cannot load: an API decision still fetches the decision file, and takes effect', async ({ page }) => {
  await page.route('**/instria-consent.ui.js', (route) => route.fulfill({ status: 404, body: '' }));
  const warnings = recordWarnings(page);
  const files = sdkFiles(page);
  await page.goto(PAGE);
  await expect.poll(() => files).toContain('instria-consent.decisions.js');
  await page.evaluate(() => window.InstriaConsent!.acceptAll!());
  await expect.poll(() => page.evaluate(() => window.InstriaConsent!.granted!('analytics'))).toBe(true);
  expect((await consentCookie(page))?.value).toContain('analytics~1');
  expect(warnings.join('\n')).toContain('the consent UI could not be loaded');
});

test('a data-ui-src file without the decision code: the decision file follows it', async ({ page }) => {
  const files = sdkFiles(page);
  await page.goto('/test/e2e/fixtures/core/index.html');
  await expect.poll(() => [...files]).toEqual(['instria-consent.iife.js', 'no-ui.js', 'instria-consent.decisions.js']);
  await page.evaluate(() => window.InstriaConsent!.rejectAll!());
  await expect.poll(async () => (await consentCookie(page))?.value ?? '').toContain('analytics~0');
});
