import type { Page } from '@playwright/test';
import { expect, recordRequests, test } from './helpers';

// Clean-up and several consent cookies, on a real sub-domain (www.example.test → 127.0.0.1) so that cookies
// can sit both on the host and on the parent domain, as GA writes them.

const origin = (baseURL: string | undefined) => `http://www.example.test:${new URL(baseURL!).port}`;
const page$ = (baseURL: string | undefined, file: string) => `${origin(baseURL)}/test/e2e/fixtures/cleanup/${file}`;

const DAY = 864e5;
/** A stored decision in the cookie format of 0.1 (src/core/codec.ts), made `daysAgo` days ago. */
const decision = (method: 0 | 1 | 4, categories: string, services = '', daysAgo = 1) =>
  `1.planted-0000-4000-8000-000000000001.${(Date.now() - daysAgo * DAY).toString(36)}.1.${method}.${categories}.${services}`;

const names = async (page: Page) =>
  (await page.context().cookies()).map((cookie) => `${cookie.name}@${cookie.domain}`).sort();
const keys = (page: Page) =>
  page.evaluate(() => ({ local: Object.keys(localStorage).sort(), session: Object.keys(sessionStorage).sort() }));

/**
 * A visitor who refused analytics on an earlier visit, with what a tracker left from before:
 * GA on the host and the parent domain, the Google Ads linker, Hotjar's storage keys, and the
 * site's own cookies that only look alike.
 */
async function plantRefuser(page: Page, baseURL: string | undefined) {
  const url = origin(baseURL);
  await page.context().addCookies([
    { name: 'instria_consent', value: decision(1, 'analytics~0'), url },
    { name: '_ga', value: 'GA1.1.1.2', url },
    { name: '_ga', value: 'GA1.1.3.4', domain: '.example.test', path: '/' },
    { name: '_ga_X', value: 'GS1.1.5', domain: '.example.test', path: '/' },
    { name: '_gcl_au', value: '1.1.6', domain: '.example.test', path: '/' },
    { name: '_gateway_session', value: 'keep', url },
    { name: 'session', value: 'keep', url },
  ]);
  await page.goto(`${url}/__health`);
  await page.evaluate(() => {
    localStorage.setItem('_hjSessionUser_1', '{}');
    localStorage.setItem('theme', 'dark');
    sessionStorage.setItem('_hjRecordingLastActivity', '1');
  });
}

const LEFT = ['_gateway_session@www.example.test', 'instria_consent@www.example.test', 'session@www.example.test'];

test('script tag: a returning refuser loses the leftover GA, Ads and Hotjar cookies and keys on page load, without the UI', async ({
  page,
  baseURL,
}) => {
  await plantRefuser(page, baseURL);
  const ui = recordRequests(page, 'instria-consent.ui.js');
  await page.goto(page$(baseURL, 'tag.html'));
  await expect.poll(() => names(page)).toEqual(LEFT);
  await page.waitForLoadState('networkidle');
  expect(await keys(page)).toEqual({ local: ['theme'], session: [] });
  expect(ui, 'the UI chunk was not fetched').toEqual([]);
  expect(await page.evaluate(() => window.InstriaConsent!.state!.get().method)).toBe('reject-all');
});

test('script tag: on a first visit, trackers left from before the banner go once its decision code is here, before any choice', async ({
  page,
  baseURL,
}) => {
  const url = origin(baseURL);
  await page.context().addCookies([
    { name: '_ga', value: 'GA1.1.3.4', domain: '.example.test', path: '/' },
    { name: '_gcl_au', value: '1.1.6', domain: '.example.test', path: '/' },
    { name: 'session', value: 'keep', url },
  ]);
  const files = recordRequests(page, /instria-consent\.(ui|decisions)\.js/, (url) => url.pathname.split('/').pop()!);
  await page.goto(page$(baseURL, 'tag.html'));
  await expect(page.locator('instria-consent [data-part=banner]')).toBeVisible();
  await expect.poll(() => names(page)).toEqual(['session@www.example.test']);
  expect(files, 'the decision code came once, inside the UI file').toEqual(['instria-consent.ui.js']);
  expect(await page.evaluate(() => window.InstriaConsent!.state!.get().decided)).toBe(false);
});

test('script tag: a returning refuser with only storage keys left loses them on page load, without the UI', async ({
  page,
  baseURL,
}) => {
  const url = origin(baseURL);
  await page.context().addCookies([{ name: 'instria_consent', value: decision(1, 'analytics~0'), url }]);
  await page.goto(`${url}/__health`);
  await page.evaluate(() => {
    localStorage.setItem('_hjSessionUser_1', '{}');
    localStorage.setItem('theme', 'dark');
    sessionStorage.setItem('_hjRecordingLastActivity', '1');
  });
  const ui = recordRequests(page, 'instria-consent.ui.js');
  await page.goto(page$(baseURL, 'tag.html'));
  await expect.poll(() => keys(page)).toEqual({ local: ['theme'], session: [] });
  expect(ui, 'the UI chunk was not fetched').toEqual([]);
});

test('script tag: a returning refuser with nothing left over downloads neither the UI nor the decision code', async ({ page, baseURL }) => {
  await page.context().addCookies([
    { name: 'instria_consent', value: decision(1, 'analytics~0'), url: origin(baseURL) },
    { name: '_gateway_session', value: 'keep', url: origin(baseURL) },
  ]);
  const chunks = recordRequests(page, '/dist/instria-consent.');
  await page.goto(page$(baseURL, 'tag.html'));
  await page.waitForLoadState('networkidle');
  expect(chunks.map((url) => new URL(url).pathname)).toEqual(['/dist/instria-consent.iife.js']);
  expect(await names(page)).toEqual(['_gateway_session@www.example.test', 'instria_consent@www.example.test']);
});

for (const [entry, file] of [
  ['all-in-one script tag', 'all.html'],
  ['npm (@instria/consent/core)', 'npm.html'],
]) {
  test(`${entry}: a returning refuser loses the leftover cookies and keys on page load`, async ({ page, baseURL }) => {
    await plantRefuser(page, baseURL);
    await page.goto(page$(baseURL, file!));
    await expect.poll(() => names(page)).toEqual(LEFT);
    expect(await keys(page)).toEqual({ local: ['theme'], session: [] });
  });
}

test('a withdrawal stays withdrawn over an older acceptance on the parent domain', async ({ page, baseURL }) => {
  const tracker = recordRequests(page, 'tracker.js');
  // Left by an earlier setup with `cookie.domain: 'example.test'`, or by another sub-domain.
  await page.context().addCookies([
    {
      name: 'instria_consent',
      value: decision(0, 'analytics~1!media~1', 'ga4~1!video~1', 2),
      domain: '.example.test',
      path: '/',
    },
  ]);
  const url = `${origin(baseURL)}/test/e2e/fixtures/gating/withdraw.html`;
  await page.goto(url);
  await expect.poll(() => tracker.length, 'the old acceptance counts until a newer decision').toBe(1);

  await page.evaluate(() => window.InstriaConsent!.withdraw!());
  await expect.poll(() => page.evaluate(() => window.InstriaConsent!.state!.get().method)).toBe('withdraw');
  // The write removed the other variant: one decision cookie is left.
  expect((await names(page)).filter((name) => name.startsWith('instria_consent@'))).toEqual(['instria_consent@www.example.test']);

  tracker.length = 0;
  await page.reload();
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => window.InstriaConsent!.state!.get().method)).toBe('withdraw');
  expect(await page.evaluate(() => window.InstriaConsent!.granted!('analytics'))).toBe(false);
  expect(tracker).toEqual([]);
});

test('the newest decision wins when an older one sits on a longer path', async ({ page, baseURL }) => {
  const url = origin(baseURL);
  await page.context().addCookies([
    // Sent first by the browser (longer path), yet older: it must not win.
    { name: 'instria_consent', value: decision(0, 'analytics~1!media~1', 'ga4~1!video~1', 3), domain: 'www.example.test', path: '/test' },
    { name: 'instria_consent', value: decision(4, 'analytics~0!media~0', 'ga4~0!video~0', 1), url },
  ]);
  await page.goto(`${url}/test/e2e/fixtures/gating/withdraw.html`);
  expect(await page.evaluate(() => window.InstriaConsent!.state!.get().method)).toBe('withdraw');
});
