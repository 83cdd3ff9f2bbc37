import { consentCookie, expect, recordRequests, test } from './helpers';

// DOM clobbering: elements named like the SDK's globals or like members of
// `document` (only id/name attributes, which sanitizers let through) must not stop the SDK, make
// withdraw() a no-op, keep the dialog from opening, or configure the SDK in place of its tag.

for (const bundle of ['split', 'all']) {
  test(`${bundle} bundle: clobbering markup changes nothing`, async ({ page, ui }) => {
    const evil = recordRequests(page, (url) => /evil/.test(url.pathname));
    await page.goto(`/test/e2e/fixtures/hardening/clobber-${bundle}.html`);
    await expect(ui.banner).toBeVisible();
    await ui.accept();
    await expect.poll(() => page.evaluate(() => (window as unknown as { order: string[] }).order)).toEqual(['inline']);
    // Stored: method 0 (accept-all).
    await expect.poll(async () => (await consentCookie(page))?.value.split('.')[4]).toBe('0');
    await page.locator('#footer-link').click();
    await expect(ui.dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.InstriaConsent!.withdraw!());
    // Stored: method 4 (withdraw), everything refused.
    await expect.poll(async () => (await consentCookie(page))?.value.split('.')[4]).toBe('4');
    expect(await page.evaluate(() => window.InstriaConsent!.granted!('analytics'))).toBe(false);
    expect(evil).toEqual([]);
  });
}

// Odd setups: the SDK's tag, and a gated script, built in a DocumentFragment and then inserted.
for (const bundle of ['split', 'all']) {
  test(`${bundle} bundle: a tag built in a DocumentFragment starts, and gates what a fragment brings`, async ({ page, ui }) => {
    await page.goto(`/test/e2e/fixtures/hardening/fragment.html?bundle=${bundle}`);
    await expect(ui.banner).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { order: string[] }).order)).toEqual([]);
    await ui.accept();
    await expect.poll(() => page.evaluate(() => (window as unknown as { order: string[] }).order)).toEqual(['inline']);
  });
}
