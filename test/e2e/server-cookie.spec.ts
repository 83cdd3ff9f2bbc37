import type { Page } from '@playwright/test';
import { consentCookie, expect, recordRequests, test } from './helpers';

/**
 * `data-server-cookie` in Chromium against the built files and the test server's endpoint
 * (scripts/routes/consent-cookie.mjs: `consentCookieHandler` of dist/server.js). Chromium does
 * not cap cookies written by script, so each page first emulates Safari's cap: a `document.cookie`
 * write lasts 7 days at most (WebKit's "7-Day Cap on All Script-Writeable Storage",
 * https://webkit.org/blog/10218/full-third-party-cookie-blocking-and-more/). A cookie that lives
 * longer was set by the server.
 */

const DAY = 86400;

/** Safari's cap on cookies written by script, in this page. */
async function capScriptCookies(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      get() {
        return cookie.get!.call(this);
      },
      set(value: string) {
        const cap = Date.now() + 7 * 864e5;
        const expires = /;\s*expires=([^;]*)/i.exec(value);
        if (expires && Date.parse(expires[1]!) > cap) value = value.replace(expires[0], `; expires=${new Date(cap).toUTCString()}`);
        cookie.set!.call(this, value);
      },
    });
  });
}

/** Days until the consent cookie expires. */
const daysLeft = async (page: Page) => ((await consentCookie(page))!.expires - Date.now() / 1000) / DAY;

test.beforeEach(({ page }) => capScriptCookies(page));

test('without serverCookie the emulated Safari keeps the decision 7 days', async ({ page, ui }) => {
  await page.goto('/test/e2e/fixtures/server-cookie/none.html');
  await ui.accept();
  await ui.expectHidden();
  expect(await daysLeft(page)).toBeLessThanOrEqual(7);
});

test("with serverCookie the cookie lasts the server's 182 days", async ({ page, ui }) => {
  const posts = recordRequests(page, '/consent-cookie');
  await page.goto('/test/e2e/fixtures/server-cookie/index.html');
  const answered = page.waitForResponse((response) => response.url().endsWith('/consent-cookie'));
  await ui.accept();
  const response = await answered;
  expect(response.status()).toBe(204);
  const cookie = await consentCookie(page);
  expect(response.request().postData()).toBe(cookie!.value);
  expect(cookie!.value).toMatch(/^1\..*\.0\.analytics~1\./);
  const days = await daysLeft(page);
  expect(days).toBeGreaterThan(181.9);
  expect(days).toBeLessThanOrEqual(182);
  expect(cookie).toMatchObject({ path: '/', sameSite: 'Lax', httpOnly: false });
  // One post per decision: reloading (a returning visitor) sends nothing.
  await page.reload();
  await ui.expectHidden();
  expect(posts).toHaveLength(1);
  expect(await page.evaluate(() => window.InstriaConsent!.state!.get().categories.analytics)).toBe(true);
});

test('a reset deletes the cookie on both sides', async ({ page, ui }) => {
  await page.goto('/test/e2e/fixtures/server-cookie/index.html');
  await ui.reject();
  await expect.poll(() => daysLeft(page)).toBeGreaterThan(181);
  const answered = page.waitForResponse((response) => response.url().endsWith('/consent-cookie'));
  await page.evaluate(() => window.InstriaConsent!.reset!());
  expect((await answered).status()).toBe(204);
  expect(await consentCookie(page)).toBeUndefined();
  await page.reload();
  await expect(ui.banner).toBeVisible();
});

test('a failing endpoint loses nothing: the script cookie stays and the decision survives a reload', async ({ page, ui }) => {
  await page.goto('/test/e2e/fixtures/server-cookie/failing.html');
  const answered = page.waitForResponse((response) => response.url().endsWith('/consent-cookie/fail'));
  await ui.reject();
  expect((await answered).status()).toBe(500);
  const cookie = await consentCookie(page);
  expect(cookie!.value).toMatch(/^1\..*\.1\.analytics~0\./);
  expect(await daysLeft(page)).toBeLessThanOrEqual(7);
  await page.reload();
  await ui.expectHidden();
  expect(await page.evaluate(() => window.InstriaConsent!.state!.get())).toMatchObject({ decided: true, method: 'reject-all' });
});
