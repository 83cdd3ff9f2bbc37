import type { Page } from '@playwright/test';
import { expect, receiverRun, recordWarnings, storedRecords, test } from './helpers';

// Isolation in Chromium: the page's throwing callbacks stop nothing of ours; the
// embed placeholder is styled under a strict CSP and never shows an id; the development
// bundle names the silent mistakes.

const records = (page: Page, run: string) => storedRecords<{ method: string; channel: string }>(page, run);
/** The last `gtag('consent', 'update', …)` the page's dataLayer received. */
const lastUpdate = (page: Page) =>
  page.evaluate(() => {
    const calls = ((window as unknown as { dataLayer?: ArrayLike<unknown>[] }).dataLayer ?? []).map((e) => Array.from(e));
    return calls.filter((c) => c[0] === 'consent' && c[1] === 'update').pop()?.[2] as Record<string, string> | undefined;
  });

test('a page whose listeners throw: Reject all in the dialog still sends Consent Mode denied, deletes _ga, fires the event, sends the record', async ({
  page,
  pageErrors,
}) => {
  const run = receiverRun();
  await page.goto(`/test/e2e/fixtures/isolation/page.html?run=${run}`);
  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => lastUpdate(page)).toMatchObject({ analytics_storage: 'granted' });
  await page.evaluate(() => (document.cookie = '_ga=GA1.1.42; path=/'));
  await page.evaluate(() => window.InstriaConsent!.showPreferences!());
  await page.getByRole('dialog').getByRole('button', { name: 'Reject all' }).click();

  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect.poll(() => lastUpdate(page)).toMatchObject({ analytics_storage: 'denied' });
  expect(await page.evaluate(() => document.cookie)).not.toMatch(/_ga=/);
  expect(await page.evaluate(() => (window as unknown as { events: number }).events)).toBe(2);
  await expect.poll(() => records(page, run).then((r) => r.map((x) => `${x.method}/${x.channel}`))).toEqual([
    'accept-all/banner',
    'reject-all/dialog',
  ]);
  // withdraw() does not throw the page's error either.
  expect(await page.evaluate(() => (window.InstriaConsent!.withdraw!(), 'returned'))).toBe('returned');
  // The data-consent script without type="text/plain" ran once, at parse time, never again.
  expect(await page.evaluate(() => (window as unknown as { bareRuns: number }).bareRuns)).toBe(1);
  // The window listener's errors are the page's own, reported by the browser as such; ours
  // (state and on() listeners) are caught.
  expect(pageErrors.filter((e) => !e.includes('page bug: window listener'))).toEqual([]);
  pageErrors.length = 0;
});

test('the embed placeholder under a strict CSP: a built-in look themed by --ic-*, labels in words, no violation', async ({ page }) => {
  await page.goto('/test/e2e/fixtures/isolation/placeholder-csp.html');
  const boxes = page.locator('[data-part="placeholder"]');
  await expect(boxes).toHaveCount(2);
  await expect(boxes.nth(0).getByRole('button')).toHaveText('Allow Media');
  await expect(boxes.nth(1).locator('[data-part="placeholder-text"]')).toHaveText(/^Analytics is blocked\./);
  const look = await boxes.nth(0).evaluate((box) => {
    const button = getComputedStyle(box.querySelector('button')!);
    return {
      display: getComputedStyle(box).display,
      border: getComputedStyle(box).borderTopStyle,
      button: button.backgroundColor,
      buttonText: button.color,
      text: getComputedStyle(box.querySelector('p')!).color,
      styleAttributes: document.querySelectorAll('[style]').length,
    };
  });
  expect(look).toEqual({
    display: 'grid',
    border: 'solid',
    button: 'rgb(200, 30, 60)', // the page's --ic-accent
    buttonText: 'rgb(255, 255, 255)',
    text: 'rgb(0, 128, 0)', // the page's own rule wins
    styleAttributes: 0,
  });
  await boxes.nth(0).getByRole('button').click();
  await expect(boxes).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
});

test('the development bundle names the silent mistakes and the page callback that threw', async ({ page }) => {
  const warnings = recordWarnings(page);
  await page.goto('/test/e2e/fixtures/isolation/dev.html');
  await expect(page.getByRole('button', { name: 'Accept all' })).toBeVisible();
  const said = () => warnings.join('\n');
  expect(said()).toContain('data-privacy-polciy is not an attribute of the script tag; ignored: did you mean data-privacy-policy?');
  expect(said()).toContain('language "ja" is not built in and translations has no "ja"');
  expect(said()).toContain('option "privacyPolicyUrl" is not set');
  await expect.poll(said).toContain('a data-consent="analytics" script without type="text/plain" ran before consent');
  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(said).toContain('a consent.state listener threw');
  await expect(page.getByRole('button', { name: 'Accept all' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { bareRuns: number }).bareRuns)).toBe(1);
  expect(await page.evaluate(() => window.InstriaConsent!.state!.get().decided)).toBe(true);
});

test("the README's npm quick start pasted into a page without #consent-state: the banner shows and Reject all completes", async ({
  page,
  pageErrors,
}) => {
  // The quick start's own bundle (examples/app/src/main.ts, the README's code block), on a page
  // that lacks the element its state subscriber writes to: that subscriber throws every time.
  await page.route('**/examples/app/pasted.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Pasted</title>
        <script type="module" src="/examples/app/dist/main.js"></script></head>
        <body><main><h1>Pasted</h1></main><footer id="app-footer"></footer></body></html>`,
    }),
  );
  await page.goto('/examples/app/pasted.html');
  await expect(page.getByRole('button', { name: 'Reject all' })).toBeVisible();
  await page.getByRole('button', { name: 'Reject all' }).click();
  await expect(page.getByRole('button', { name: 'Reject all' })).toHaveCount(0);
  await expect.poll(() => lastUpdate(page)).toMatchObject({ analytics_storage: 'denied' });
  expect(await page.evaluate(() => window.document.cookie)).toMatch(/instria_consent=/);
  // Only the page's own first call of its subscriber (inside its own subscribe()) reached it.
  expect(pageErrors).toHaveLength(1);
  expect(pageErrors[0]).toMatch(/textContent/);
  pageErrors.length = 0;
});
