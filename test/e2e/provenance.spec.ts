import { consentCookie, expect, recordRequests, test } from './helpers';

// Provenance, with the script tag in Chromium: a decision grants only the
// services it covered. The site adds service B to the analytics category a visitor accepted
// with service A only: B is asked for, and its tag does not run until it is granted.

const BEFORE = '/test/e2e/fixtures/provenance/before.html';
const AFTER = '/test/e2e/fixtures/provenance/after.html';

test('a service added to an accepted category is asked for, and its tag waits for the answer', async ({ page, ui }) => {
  const { banner } = ui;
  const ran = () => page.evaluate(() => (window as unknown as { ran: string[] }).ran);

  // The visitor accepts analytics while the site has service A only.
  await page.goto(BEFORE);
  await ui.accept();
  await expect(banner).toBeHidden();
  await expect.poll(ran).toEqual(['A']);
  const accepted = (await consentCookie(page))!.value;

  // The site adds service B (a config change and a gated tag): the banner asks for B alone.
  await page.goto(AFTER);
  await expect(banner).toBeVisible();
  await expect(banner.locator('[data-part=new]')).toHaveText('New since your last choice: Service B (Analytics)');
  await expect.poll(ran).toEqual(['A']);
  await page.waitForTimeout(300);
  expect(await ran(), 'B never runs before it is granted').toEqual(['A']);
  expect((await consentCookie(page))!.value, 'nothing decided by loading the page').toBe(accepted);

  // Accept all in that banner grants B: its tag runs at once.
  await ui.accept();
  await expect(banner).toBeHidden();
  await expect.poll(ran).toEqual(['A', 'B']);

  // Decided now: no banner on the next page, both tags run.
  await page.reload();
  await expect.poll(ran).toEqual(['A', 'B']);
  await expect(banner).toHaveCount(0);
});

test('a refusal of the category stays a refusal: no banner, neither tag runs', async ({ page, ui }) => {
  await page.goto(BEFORE);
  await ui.reject();
  await expect(ui.banner).toBeHidden();
  const uiRequests = recordRequests(page, 'instria-consent.ui');
  await page.goto(AFTER);
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => (window as unknown as { ran: string[] }).ran)).toEqual([]);
  expect(uiRequests, 'the UI is not even fetched').toEqual([]);
});
