import { expect, recordRequests, test } from './helpers';

/**
 * The documented first-visit hint (docs/size-and-performance.md): a visitor without a decision
 * starts fetching the UI file, which carries the decision code, beside the script tag, once (the
 * tag's own request is served by the preload), and nothing else after the tag; a returning
 * visitor's page fetches only the tag.
 */
const PAGE = '/test/e2e/fixtures/perf/preload-hint.html';

test('first visit: the UI file starts beside the tag, once, and no other file follows; a returning visit fetches only the tag', async ({ page, ui }) => {
  const files = recordRequests(page, /instria-consent\.\w+\.js/, (url) => url.pathname.split('/').pop()!);
  const preloads = recordRequests(page, (url) => /instria-consent\.(ui|decisions)\.js$/.test(url.pathname), (url) => url.pathname.split('/').pop()!);
  // A slow network for the tag (on localhost it can arrive before the hint has even run).
  await page.route('**/instria-consent.iife.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  await page.goto(PAGE);
  await expect(ui.banner).toBeVisible();
  // Started by the hint while the tag was still on its way, not after it had run.
  const timing = await page.evaluate(() =>
    Object.fromEntries(
      performance.getEntriesByType('resource').map((entry) => [entry.name.split('/').pop(), [entry.startTime, (entry as PerformanceResourceTiming).responseEnd]]),
    ),
  );
  const tagArrived = timing['instria-consent.iife.js']![1]!;
  expect(timing['instria-consent.ui.js']![0]).toBeLessThan(tagArrived);
  expect(preloads, 'fetched once: the tag used the preload, and the decision code came with the UI').toEqual(['instria-consent.ui.js']);
  expect([...files].sort(), 'nothing fetched after the tag').toEqual(['instria-consent.iife.js', 'instria-consent.ui.js']);
  await ui.reject();
  await ui.expectHidden();
  files.length = 0;
  await page.reload();
  await page.waitForLoadState('networkidle');
  expect(files).toEqual(['instria-consent.iife.js']);
});
