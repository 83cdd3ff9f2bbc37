import { expect, recordRequests, recordWarnings, test } from './helpers';

/**
 * The script tag's UI chunk leaves the preferences dialog to `instria-consent.dialog.js`: a
 * visitor who answers the banner never downloads it; one who is about to open it (pointer or
 * focus on Customize) gets it before the click lands; a failed download leaves them on the
 * banner with nothing granted, and the next try works.
 */
const page_ = (query = '') => `/ui/split/page.html${query ? `?${query}` : ''}`;
const DIALOG = 'instria-consent.dialog.js';

test('a visitor who answers the banner never downloads the dialog', async ({ page, ui }) => {
  const dialog = recordRequests(page, DIALOG);
  await page.goto(page_());
  await ui.reject();
  await expect(ui.banner).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  expect(dialog).toEqual([]);
});

for (const how of ['pointer', 'keyboard'] as const) {
  test(`the dialog is fetched as the ${how} reaches Customize, and opens styled and working`, async ({ page, ui }) => {
    const dialog = recordRequests(page, DIALOG);
    await page.goto(page_());
    const customize = ui.customizeButton;
    await expect(customize).toBeVisible();
    if (how === 'pointer') await customize.hover();
    else await customize.focus();
    await expect.poll(() => dialog.length, 'fetched before the click').toBe(1);
    await customize.click();
    const box = ui.dialog;
    await expect(box).toBeVisible();
    // Its own stylesheet came with it: a flex column, switches drawn 44 px wide.
    expect(await box.evaluate((el) => getComputedStyle(el).display)).toBe('flex');
    expect(await box.locator('input').first().evaluate((el) => getComputedStyle(el).width)).toBe('44px');
    await ui.check('Analytics');
    await ui.save();
    await expect(box).toHaveCount(0);
    expect(await page.evaluate(() => window.InstriaConsent!.granted!('analytics'))).toBe(true);
    expect(dialog).toHaveLength(1);
  });
}

test('the footer link of a returning visitor opens the dialog (UI and dialog files on demand, the decision code in the UI file)', async ({ page, ui }) => {
  await page.goto(page_());
  await ui.reject();
  const files = recordRequests(page, 'instria-consent.');
  await page.reload();
  await page.getByRole('link', { name: 'Cookie preferences' }).click();
  await expect(ui.dialog).toBeVisible();
  await expect(ui.checkbox('Analytics')).not.toBeChecked();
  // The decision code comes inside the UI file, for the choice the dialog is there to make.
  expect(files.map((url) => url.split('/').pop()).sort()).toEqual([DIALOG, 'instria-consent.iife.js', 'instria-consent.ui.js']);
  await page.keyboard.press('Escape');
  await expect(ui.dialog).toHaveCount(0);
});

test('under a nonce-based CSP the dialog file carries the nonce and its styles apply', async ({ page, ui }) => {
  const violations: string[] = [];
  page.on('console', (message) => /Content Security Policy|Refused to/i.test(message.text()) && violations.push(message.text()));
  await page.goto('/ui/split/nonce.html?nonce=t3st');
  await ui.customize();
  await expect(ui.dialog).toBeVisible();
  expect(await ui.dialog.evaluate((el) => getComputedStyle(el).display)).toBe('flex');
  expect(violations).toEqual([]);
});

test('a dialog file that cannot load: the banner stays, nothing is granted, one warning; the next try opens it', async ({ page, ui }) => {
  const warnings = recordWarnings(page);
  let failures = 1;
  await page.route(`**/${DIALOG}`, (route) => (failures-- > 0 ? route.fulfill({ status: 503, body: '' }) : route.continue()));
  await page.goto(page_());
  await ui.customize();
  await expect.poll(() => warnings.length).toBe(1);
  expect(warnings[0]).toContain('the preferences dialog could not be loaded');
  await expect(ui.banner).toBeVisible();
  expect(await page.evaluate(() => [window.InstriaConsent!.view!.get(), window.InstriaConsent!.granted!('analytics')])).toEqual(['banner', false]);
  await ui.customize();
  await expect(ui.dialog).toBeVisible();
});
