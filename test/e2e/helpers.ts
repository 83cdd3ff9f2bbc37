import { test as base, expect, type Page } from '@playwright/test';

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
