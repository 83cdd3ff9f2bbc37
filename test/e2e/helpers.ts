import { test as base, expect, type Locator, type Page } from '@playwright/test';

/**
 * The project's Playwright `test`: every page's uncaught errors and console errors are
 * collected and must be empty when the test ends, so no test passes over a broken page.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The decision cookie of the page's context, or undefined. */
export async function consentCookie(page: Page, name = 'instria_consent') {
  return (await page.context().cookies()).find((cookie) => cookie.name === name);
}

/** Requests the page made whose URL contains `part`. Call before navigating. */
export function recordRequests(page: Page, part: string): string[] {
  const urls: string[] = [];
  page.on('request', (request) => request.url().includes(part) && urls.push(request.url()));
  return urls;
}

/**
 * Equal weight, measured: the banner's three buttons fully visible, same font size, weight and
 * colours, box areas within 10 % of Accept's, at least 24×24; no horizontal scroll.
 */
export async function expectEqualWeight(page: Page, buttons: Locator) {
  await expect(buttons).toHaveCount(3);
  const boxes = [];
  for (const button of await buttons.all()) {
    await expect(button).toBeInViewport({ ratio: 1 });
    const box = (await button.boundingBox())!;
    const style = await button.evaluate((el) => {
      const s = getComputedStyle(el);
      return `${s.fontSize} ${s.fontWeight} ${s.backgroundColor} ${s.color}`;
    });
    boxes.push({ ...box, style });
  }
  const accept = boxes[0]!;
  for (const other of boxes) {
    expect(other.style, 'same font size, weight and colours').toBe(accept.style);
    expect(Math.abs(other.width * other.height - accept.width * accept.height) / (accept.width * accept.height)).toBeLessThanOrEqual(0.1);
    expect(Math.min(other.width, other.height)).toBeGreaterThanOrEqual(24);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'no horizontal scroll').toBe(0);
}
