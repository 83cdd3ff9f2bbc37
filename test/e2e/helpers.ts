import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { ConsentUI } from './models/consent-ui.model';

/**
 * The project's Playwright `test`: every page's uncaught errors and console errors are
 * collected and must be empty when the test ends, so no test passes over a broken page.
 * `ui` is the page object of the page's banner and dialog (models/consent-ui.model.ts).
 */
export const test = base.extend<{ pageErrors: string[]; ui: ConsentUI }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  ui: async ({ page }, use) => use(new ConsentUI(page)),
});

export { ConsentUI, expect };

/** The decision cookie of the page's context, or undefined. */
export async function consentCookie(page: Page, name = 'instria_consent') {
  return (await page.context().cookies()).find((cookie) => cookie.name === name);
}

/** Which requests a recorder keeps: a part of the URL, a pattern, or a test of the parsed URL. */
export type RequestMatch = string | RegExp | ((url: URL) => boolean);

/**
 * The request recorder of every spec: the URLs of the requests the page makes from now on
 * (call it before navigating) that `match` keeps, all of them by default, in the order the
 * browser sent them. `name` turns a kept URL into the entry recorded (the URL by default).
 * The array fills as the page runs: poll its length, or empty it (`length = 0`) between steps.
 *
 * @example const hits = recordRequests(page, '/collect'); … expect(hits).toEqual([]);
 * @example const sent = recordRequests(page, (url) => url.hostname.endsWith('example.test'), (url) => url.searchParams.get('n') ?? url.pathname);
 */
export function recordRequests(page: Page, match: RequestMatch = () => true, name?: (url: URL) => string): string[] {
  const entries: string[] = [];
  const keeps = (url: string) =>
    typeof match === 'string' ? url.includes(match) : match instanceof RegExp ? match.test(url) : match(new URL(url));
  page.on('request', (request) => {
    const url = request.url();
    if (keeps(url)) entries.push(name ? name(new URL(url)) : url);
  });
  return entries;
}

/** A namespace of the test server's consent-record receiver (`?run=`) for one test. */
export const receiverRun = () => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** The consent records the test server's receiver stored under `run`, in the order it got them. */
export function storedRecords<T = Record<string, unknown>>(page: Page, run: string): Promise<T[]> {
  return page.request.get(`/__records?run=${run}`).then((response) => response.json() as Promise<T[]>);
}

/** The texts of the page's console warnings from now on (development warnings, failed loads). */
export function recordWarnings(page: Page): string[] {
  const warnings: string[] = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  return warnings;
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
