import type { Page } from '@playwright/test';
import { consentCookie, expect, recordRequests, recordWarnings, test } from './helpers';

const PAGE = '/test/e2e/fixtures/core/index.html';

/** The consent state and UI view of the page, read through the public API. */
const snapshot = (page: Page) =>
  page.evaluate(() => {
    const api = window.InstriaConsent!;
    return { state: api.state!.get(), view: api.view!.get(), analytics: api.granted!('analytics') };
  });

test('a decision persists across reloads, in a first-party Lax cookie on /', async ({ page }) => {
  await page.goto(PAGE);
  expect((await snapshot(page)).view).toBe('banner');
  await page.evaluate(() => window.InstriaConsent!.acceptAll!());

  const cookie = await consentCookie(page);
  expect(cookie).toMatchObject({ path: '/', sameSite: 'Lax', httpOnly: false });
  expect(cookie!.value).toMatch(/^1\.[0-9a-f-]{36}\.[0-9a-z]+\.1\.0\.analytics~1\.$/);
  expect(cookie!.value.length).toBeLessThan(300);
  // 182 days, within a minute.
  expect(Math.abs(cookie!.expires - (Date.now() / 1000 + 182 * 86400))).toBeLessThan(60);

  await page.reload();
  const after = await snapshot(page);
  expect(after).toMatchObject({ view: 'hidden', analytics: true, state: { decided: true, method: 'accept-all' } });
});

test('a refusal persists just as long, and the banner is not shown again', async ({ page }) => {
  await page.goto(PAGE);
  await page.evaluate(() => window.InstriaConsent!.rejectAll!());
  for (let i = 0; i < 3; i++) {
    await page.reload();
    expect(await snapshot(page)).toMatchObject({ view: 'hidden', analytics: false, state: { method: 'reject-all' } });
  }
});

test('the decision code is fetched only when a decision is made: never for a returning visitor', async ({ page }) => {
  await page.goto(PAGE);
  await page.evaluate(() => window.InstriaConsent!.acceptAll!());
  const chunk = recordRequests(page, 'instria-consent.decisions.js');
  await page.reload();
  await page.waitForLoadState('load');
  expect(await snapshot(page)).toMatchObject({ view: 'hidden', analytics: true });
  expect(chunk, 'a returning visitor downloads no decision code').toEqual([]);

  // A decision through the API fetches it, then takes effect and is stored.
  await page.evaluate(() => window.InstriaConsent!.withdraw!());
  await expect.poll(async () => (await snapshot(page)).state.method).toBe('withdraw');
  expect((await snapshot(page)).analytics).toBe(false);
  expect((await consentCookie(page))!.value).toContain('analytics~0');
  expect(chunk).toHaveLength(1);
});

test('a decision code that cannot load grants nothing, with one warning and no page error', async ({ page }) => {
  await page.goto(PAGE);
  await page.evaluate(() => window.InstriaConsent!.rejectAll!());
  await page.route('**/instria-consent.decisions.js', (route) => route.fulfill({ status: 404, body: '' }));
  const warnings = recordWarnings(page);
  await page.reload();
  await page.evaluate(() => window.InstriaConsent!.acceptAll!());
  await expect.poll(() => warnings.length).toBe(1);
  expect(warnings[0]).toContain('could not be loaded; nothing is granted');
  expect(await snapshot(page)).toMatchObject({ analytics: false, state: { method: 'reject-all' } });
  expect((await consentCookie(page))!.value).toContain('analytics~0');
});

for (const [label, value] of [
  ['tampered', (v: string) => v.replace('analytics~0', 'analytics~1').replace(/\.1\.1\./, '.1.9.')],
  ['garbage', () => '%E0%A4%A'],
  ['from an unknown format version', (v: string) => v.replace(/^1\./, '7.')],
] as const) {
  test(`a ${label} cookie counts as no decision: banner state again, no page error`, async ({ page, context }) => {
    await page.goto(PAGE);
    await page.evaluate(() => window.InstriaConsent!.rejectAll!());
    const cookie = (await consentCookie(page))!;
    await context.addCookies([{ ...cookie, value: value(cookie.value) }]);
    await page.reload();
    expect(await snapshot(page)).toMatchObject({ view: 'banner', analytics: false, state: { decided: false } });
  });
}

test('two tabs of the site stay in sync within a second', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto(PAGE);
  await second.goto(PAGE);
  await first.evaluate(() => window.InstriaConsent!.acceptAll!());
  await expect.poll(() => second.evaluate(() => window.InstriaConsent!.granted!('analytics')), { timeout: 1000 }).toBe(true);

  const changes = second.evaluate(
    () => new Promise((resolve) => window.addEventListener('instria-consent:change', (e) => resolve((e as CustomEvent).detail.changed), { once: true })),
  );
  await first.evaluate(() => window.InstriaConsent!.withdraw!());
  await expect.poll(() => second.evaluate(() => window.InstriaConsent!.granted!('analytics')), { timeout: 1000 }).toBe(false);
  expect(await changes).toMatchObject({ categories: ['analytics'] });
});

test('the decision expires after expiresAfterDays and the visitor is asked again', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-01-10T10:00:00Z') });
  await page.goto(PAGE);
  await page.evaluate(() => window.InstriaConsent!.acceptAll!());
  await page.clock.setSystemTime(new Date('2026-07-10T10:00:00Z')); // 181 days later
  await page.reload();
  expect(await snapshot(page)).toMatchObject({ view: 'hidden', analytics: true });
  await page.clock.setSystemTime(new Date('2026-07-12T10:00:00Z')); // 183 days later
  await page.reload();
  expect(await snapshot(page)).toMatchObject({ view: 'banner', analytics: false, state: { decided: false } });
});

test('a raised revision asks everyone again', async ({ page }) => {
  await page.goto(PAGE);
  await page.evaluate(() => window.InstriaConsent!.acceptAll!());
  await page.route('**/fixtures/core/index.html', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('data-privacy-policy="/privacy"', 'data-privacy-policy="/privacy" data-revision="2"');
    await route.fulfill({ response, body });
  });
  await page.reload();
  expect(await snapshot(page)).toMatchObject({ view: 'banner', analytics: false });
});

test('the footer link opens the preferences, including links added later', async ({ page }) => {
  await page.goto(PAGE);
  await page.evaluate(() => window.InstriaConsent!.rejectAll!());
  await page.evaluate(() => {
    const link = document.createElement('a');
    link.href = '#cookie-preferences';
    link.textContent = 'Later link';
    document.body.append(link);
  });
  await page.getByText('Later link').click();
  expect((await snapshot(page)).view).toBe('preferences');
  expect(page.url()).not.toContain('#cookie-preferences');
});

test('the development script tag explains bad input in the console, and stays safe', async ({ page }) => {
  const warnings = recordWarnings(page);
  await page.goto('/test/e2e/fixtures/core/dev.html');
  await expect(page.getByRole('button', { name: 'Accept all' })).toBeVisible(); // the development UI chunk loaded
  expect(warnings.join('\n')).toContain('unknown option "analytcs" ignored');
  expect(warnings.join('\n')).toContain('option "expiresAfterDays" is outside 1..395');
  await page.evaluate(() => window.InstriaConsent!.acceptAll!());
  await expect.poll(() => warnings.join('\n')).toContain('data-consent="analytic" is not a category');
  expect(await page.evaluate(() => (window as { ranWithoutConsent?: boolean }).ranWithoutConsent)).toBeUndefined();
  // The development decision file came along: its own checks speak too.
  await page.evaluate(() => window.InstriaConsent!.set!({ nope: true } as never));
  await expect.poll(() => warnings.join('\n')).toContain('set(): "nope" is not an optional category; ignored');
});
