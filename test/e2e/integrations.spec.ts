import type { Page } from '@playwright/test';
import { expect, receiverRun, recordRequests, storedRecords, test } from './helpers';

// Decisions are made through window.InstriaConsent (the banner is tested on its own).
const FIXTURES = '/test/e2e/fixtures/integrations';

/** dataLayer, with Arguments objects as `{ args: [...] }` and events as they are. */
function dataLayer(page: Page) {
  return page.evaluate(() =>
    ((window as unknown as { dataLayer?: unknown[] }).dataLayer ?? []).map((entry) =>
      Object.prototype.toString.call(entry) === '[object Arguments]'
        ? { args: JSON.parse(JSON.stringify(Array.from(entry as ArrayLike<unknown>))) as unknown[] }
        : { event: (entry as { event?: string }).event },
    ),
  );
}

type Entry = Awaited<ReturnType<typeof dataLayer>>[number];
const at = (entries: Entry[], ...head: unknown[]) =>
  entries.findIndex((e) => 'args' in e && head.every((value, i) => e.args![i] === value));
const updates = (entries: Entry[]) => entries.filter((e) => 'args' in e && e.args![0] === 'consent' && e.args![1] === 'update');

test.describe('Google Consent Mode v2, basic mode (gtag.js gated)', () => {
  test('the consent default is the first entry, and gtag.js is not fetched before consent', async ({ page }) => {
    const gtagRequests = recordRequests(page, 'integrations/gtag.js');
    await page.goto(`${FIXTURES}/gcm-basic.html`);
    const entries = await dataLayer(page);
    expect(entries[0]).toEqual({
      args: [
        'consent',
        'default',
        {
          security_storage: 'granted',
          ad_storage: 'denied',
          ad_user_data: 'denied',
          ad_personalization: 'denied',
          analytics_storage: 'denied',
          functionality_storage: 'denied',
          personalization_storage: 'denied',
          wait_for_update: 500,
        },
      ],
    });
    expect(at(entries, 'js')).toBe(-1);
    expect(gtagRequests).toEqual([]);
  });

  test('after Accept all: analytics_storage granted, before gtag.js queues js/config', async ({ page }) => {
    await page.goto(`${FIXTURES}/gcm-basic.html`);
    await page.evaluate(() => window.InstriaConsent!.acceptAll!());
    await page.waitForFunction(() => (window as unknown as { gtagLoaded?: number }).gtagLoaded === 1);
    const entries = await dataLayer(page);
    const [update] = updates(entries);
    expect(updates(entries)).toHaveLength(1);
    expect(update!.args![2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'granted', security_storage: 'granted' });
    const firstConsent = at(entries, 'consent');
    expect(firstConsent).toBe(0);
    expect(at(entries, 'consent', 'update')).toBeLessThan(at(entries, 'js'));
    expect(at(entries, 'js')).toBeLessThan(at(entries, 'config'));
    expect(entries.some((e) => e.event === 'instria_consent_update')).toBe(true);
  });

  test('after Reject all: the ad types and analytics stay denied, and gtag.js never loads', async ({ page }) => {
    const gtagRequests = recordRequests(page, 'integrations/gtag.js');
    await page.goto(`${FIXTURES}/gcm-basic.html`);
    await page.evaluate(() => window.InstriaConsent!.rejectAll!());
    const entries = await dataLayer(page);
    expect(updates(entries)).toEqual([
      {
        args: [
          'consent',
          'update',
          {
            security_storage: 'granted',
            ad_storage: 'denied',
            ad_user_data: 'denied',
            ad_personalization: 'denied',
            analytics_storage: 'denied',
            functionality_storage: 'denied',
            personalization_storage: 'denied',
          },
        ],
      },
    ]);
    expect(gtagRequests).toEqual([]);
  });

  test('a returning visitor: default, then exactly one update from the stored decision, then gtag.js', async ({ page }) => {
    await page.goto(`${FIXTURES}/gcm-basic.html`);
    await page.evaluate(() => window.InstriaConsent!.set!({ analytics: true }));
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { gtagLoaded?: number }).gtagLoaded === 1);
    const entries = await dataLayer(page);
    expect(at(entries, 'consent', 'default')).toBe(0);
    expect(updates(entries)).toHaveLength(1);
    expect(updates(entries)[0]!.args![2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied' });
    expect(at(entries, 'consent', 'update')).toBeLessThan(at(entries, 'js'));
  });
});

test.describe('Google Consent Mode v2, advanced mode (gtag.js loads at once)', () => {
  test('the denied default precedes js/config; Accept all then grants', async ({ page }) => {
    await page.goto(`${FIXTURES}/gcm-advanced.html`);
    let entries = await dataLayer(page);
    expect(at(entries, 'consent', 'default')).toBe(0);
    expect(at(entries, 'js')).toBeGreaterThan(0);
    expect(updates(entries)).toEqual([]);
    await page.evaluate(() => window.InstriaConsent!.acceptAll!());
    entries = await dataLayer(page);
    expect(updates(entries)).toHaveLength(1);
    expect(updates(entries)[0]!.args![2]).toMatchObject({ analytics_storage: 'granted' });
  });
});

test.describe('Matomo', () => {
  const paq = (page: Page) => page.evaluate(() => (window as unknown as { _paq: unknown[][] })._paq.map((call) => call[0]));

  test('default: requireConsent before tracking (nothing measured before a choice); remember on consent; forget and _pk_ cookies gone on withdrawal', async ({ page }) => {
    await page.goto(`${FIXTURES}/matomo.html`);
    expect(await paq(page)).toEqual(['requireConsent', 'trackPageView', 'enableLinkTracking']);
    await page.evaluate(() => window.InstriaConsent!.acceptAll!());
    expect((await paq(page)).at(-1)).toBe('rememberConsentGiven');
    await page.evaluate(() => (document.cookie = '_pk_id.1.abcd=0123456789abcdef.1795780800.; Path=/'));
    await page.evaluate(() => window.InstriaConsent!.withdraw!());
    expect((await paq(page)).at(-1)).toBe('forgetConsentGiven');
    expect(await page.evaluate(() => document.cookie)).not.toContain('_pk_id');
  });

  test('a consent Matomo still remembers but ours no longer covers (expired) is forgotten before Matomo runs, and its cookie deleted', async ({ page, context }) => {
    // Accepted 200 days ago: past the 182-day expiry, so the visitor is asked again.
    const expired = `1.abcdef12-3456.${(Date.now() - 200 * 864e5).toString(36)}.1.0.analytics~1.matomo~1`;
    await context.addCookies([
      { name: 'instria_consent', value: expired, domain: '127.0.0.1', path: '/' },
      { name: 'mtm_consent', value: '1700000000000', domain: '127.0.0.1', path: '/' },
    ]);
    await page.goto(`${FIXTURES}/matomo.html`);
    // Queued before Matomo's own calls: matomo.js would process them in this order and measure nothing.
    expect(await paq(page)).toEqual(['requireConsent', 'forgetConsentGiven', 'trackPageView', 'enableLinkTracking']);
    await expect.poll(async () => (await context.cookies()).map((c) => c.name)).not.toContain('mtm_consent');
  });

  test('CNIL-exempt mode (matomo: { exempt: true }): requireCookieConsent; remember/forget the cookie consent', async ({ page }) => {
    await page.goto(`${FIXTURES}/matomo-exempt.html`);
    expect(await paq(page)).toEqual(['requireCookieConsent', 'trackPageView', 'enableLinkTracking']);
    await page.evaluate(() => window.InstriaConsent!.acceptAll!());
    expect((await paq(page)).at(-1)).toBe('rememberCookieConsentGiven');
    await page.evaluate(() => window.InstriaConsent!.withdraw!());
    expect((await paq(page)).at(-1)).toBe('forgetCookieConsentGiven');
  });
});

test.describe('consent records', () => {
  const stored = storedRecords;

  test('the receiver answers 500 twice, then 200: the decision is stored exactly once', async ({ page }) => {
    const run = receiverRun();
    await page.request.post(`/__records/fail?run=${run}&count=2`);
    await page.goto(`${FIXTURES}/records.html?run=${run}&utm_source=mail#top`);
    await page.evaluate(() => window.InstriaConsent!.acceptAll!());
    await expect.poll(() => stored(page, run).then((r) => r.length), { timeout: 15_000 }).toBe(1);
    const attempts = await (await page.request.get(`/__records/attempts?run=${run}`)).json();
    expect(attempts.map((a: { failed: boolean }) => a.failed)).toEqual([true, true, false]);
    const [record] = await stored(page, run);
    const state = await page.evaluate(() => window.InstriaConsent!.state!.get());
    expect(record).toMatchObject({
      recordId: `${state.id}-${state.decidedAt}-accept-all-gggg`,
      consentId: state.id,
      method: 'accept-all',
      categories: { essential: 'granted', analytics: 'granted', marketing: 'granted' },
      services: { matomo: 'granted' },
      language: 'fr',
      pageUrl: new URL(`${FIXTURES}/records.html`, page.url()).href,
    });
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('instria_consent_records')!).queue)).toEqual([]);
  });

  test('every decision is stored exactly once, including after a reload in between', async ({ page }) => {
    const run = receiverRun();
    await page.request.post(`/__records/fail?run=${run}&count=2`);
    await page.goto(`${FIXTURES}/records.html?run=${run}`);
    await page.evaluate(() => window.InstriaConsent!.rejectAll!());
    // The first try has failed: the record waits in the outbox while the page reloads.
    await expect.poll(() => page.request.get(`/__records/attempts?run=${run}`).then((r) => r.json()).then((a) => a.length)).toBeGreaterThan(0);
    await page.reload();
    await expect.poll(() => stored(page, run).then((r) => r.map((x) => x.method)), { timeout: 15_000 }).toEqual(['reject-all']);
    // A returning visitor's page view adds no record; a new decision adds one.
    await page.evaluate(() => window.InstriaConsent!.set!({ analytics: true }));
    await page.evaluate(() => window.InstriaConsent!.withdraw!());
    await expect.poll(() => stored(page, run).then((r) => r.map((x) => x.method)), { timeout: 15_000 }).toEqual(['reject-all', 'custom', 'withdraw']);
    // Another page view: the outbox goes out in order, so a record wrongly made for the page
    // view itself would land before the next decision's.
    await page.reload();
    await page.evaluate(() => window.InstriaConsent!.acceptAll!());
    const methods = ['reject-all', 'custom', 'withdraw', 'accept-all'];
    await expect.poll(() => stored(page, run).then((r) => r.length), { timeout: 15_000 }).toBe(4);
    const records = await stored(page, run);
    expect(records.map((x) => x.method)).toEqual(methods);
    expect(new Set(records.map((x) => x.recordId)).size).toBe(4);
    expect(new Set(records.map((x) => x.consentId)).size).toBe(1);
    // Everything acknowledged: the next page view downloads neither the decision code nor the sender.
    await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('instria_consent_records')!).queue.length)).toBe(0);
    // One live recorder for both files (a spread of two recorders copied them while still empty).
    const chunks = recordRequests(page, /instria-consent\.(decisions|records)\.js/);
    await page.reload();
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => window.InstriaConsent!.granted!('analytics'))).toBe(true);
    expect(chunks).toEqual([]);
  });

  test('a cross-origin endpoint works: CORS preflight, then the keepalive POST', async ({ page, baseURL }) => {
    const run = receiverRun();
    const endpoint = `http://records.example.test:${new URL(baseURL!).port}/records`;
    await page.goto(`${FIXTURES}/records.html?run=${run}&endpoint=${encodeURIComponent(endpoint)}`);
    await page.evaluate(() => window.InstriaConsent!.rejectAll!());
    await expect.poll(() => stored(page, run).then((r) => r.map((x) => x.method)), { timeout: 15_000 }).toEqual(['reject-all']);
    // application/json is not CORS-safelisted: the browser sent it only after a successful preflight.
    const attempts = await (await page.request.get(`/__records/attempts?run=${run}`)).json();
    expect(attempts.map((a: { contentType: string }) => a.contentType)).toEqual(['application/json']);
  });

  test('malformed posts are rejected with a 4xx and nothing is stored', async ({ page }) => {
    const run = receiverRun();
    const url = `/records?run=${run}`;
    const valid = {
      recordId: 'abcdef12-3456-1795780800000-accept-all-g',
      schemaVersion: 1,
      consentId: 'abcdef12-3456',
      time: new Date(1795780800000).toISOString(),
      revision: 1,
      method: 'accept-all',
      categories: { essential: 'granted' },
      services: {},
      language: 'en',
      sdkVersion: '0.1.0',
      pageUrl: 'https://instria.fr/',
    };
    // Raw bodies: Playwright would JSON-encode a string given as `data`.
    const post = async (body: string, type = 'application/json') => {
      const response = await page.request.post(url, { headers: { 'content-type': type }, data: Buffer.from(body) });
      return [response.status(), ((await response.json()) as { error: string }).error];
    };
    expect(await post('{"recordId":')).toEqual([400, 'malformed JSON']);
    expect(await post(JSON.stringify({ ...valid, userAgent: 'Mozilla/5.0' }))).toEqual([422, 'unknown field "userAgent"']);
    expect(await post(JSON.stringify({ ...valid, pageUrl: 'https://instria.fr/?q=1' }))).toEqual([422, 'invalid field "pageUrl"']);
    expect((await post(JSON.stringify({ ...valid, pad: 'x'.repeat(100_000) })))[0]).toBe(413);
    expect((await post('a=1', 'application/x-www-form-urlencoded'))[0]).toBe(415);
    expect(await stored(page, run)).toEqual([]);
    // The same record, well-formed, is accepted: the rejections above were for what they say.
    expect((await post(JSON.stringify(valid)))[0]).toBe(201);
    expect(await stored(page, run)).toHaveLength(1);
  });
});
