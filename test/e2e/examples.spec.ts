import { existsSync, readFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { expect, recordRequests, test } from './helpers';

/**
 * The demo's own pages (examples/), served as `npm run demo` serves them, with the bundled
 * examples built by global-setup.ts. Each test runs on its own sub-domain of example.test, so
 * its cookies and its analytics hits (the live panel lists hits from its own origin) are its own.
 */

/** A demo page opened on a fresh sub-domain, with its network log. */
class DemoPage {
  /** URLs of the analytics hits the page sent to the local collector. */
  readonly hits: string[];
  /** URLs of every request of the page. */
  readonly requests: string[];

  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {
    this.hits = recordRequests(page, '/collect');
    this.requests = recordRequests(page);
  }

  static async open(page: Page, testInfo: TestInfo, path: string): Promise<DemoPage> {
    const port = new URL(testInfo.project.use.baseURL ?? '').port;
    const host = `t${testInfo.workerIndex}${Math.random().toString(36).slice(2, 8)}.example.test`;
    const demo = new DemoPage(page, `http://${host}:${port}`);
    // Content-Security-Policy violations, reported by the page itself.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await demo.goto(path);
    return demo;
  }

  async goto(path: string): Promise<void> {
    const panelPolled = this.panelPoll();
    await this.page.goto(this.origin + path);
    await panelPolled;
  }

  /** Resolves on the live panel's next poll of `/__hits`: a point where it shows the present. */
  panelPoll(): Promise<unknown> {
    return this.page.waitForResponse((response) => response.url().endsWith('/__hits'));
  }

  /** The live analytics panel every demo page shows. */
  get panel() {
    return this.page.locator('#hits-panel');
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  async cookieNames(): Promise<string[]> {
    return (await this.page.context().cookies()).map((cookie) => cookie.name).sort();
  }

  fetched(part: string): string[] {
    return this.requests.filter((url) => url.includes(part));
  }

  /** Nothing was sent to analytics, no analytics cookie exists, the panel says so. */
  async expectNoAnalytics(): Promise<void> {
    await this.panelPoll();
    expect(this.hits).toEqual([]);
    expect(this.fetched('/assets/analytics.js')).toEqual([]);
    expect((await this.cookieNames()).filter((name) => name.startsWith('_ga'))).toEqual([]);
    await expect(this.panel).toHaveAttribute('data-count', '0');
    await expect(this.panel).toContainText('No analytics request yet');
  }

  async cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  }
}

const SCRIPT_TAG_PAGES = [
  { name: 'website home', path: '/examples/website/' },
  { name: 'website pricing', path: '/examples/website/pricing.html' },
  { name: 'website privacy policy', path: '/examples/website/privacy.html' },
  { name: 'quick start', path: '/examples/quick-start/' },
];

const ALL_PAGES = [
  ...SCRIPT_TAG_PAGES,
  { name: 'app frontend', path: '/examples/app/' },
  { name: 'headless', path: '/examples/headless/' },
];

test('the bundled examples were built by global-setup.ts (examples/app/build.mjs)', () => {
  expect(['examples/app/dist/main.js', 'examples/headless/dist/main.js'].filter((file) => !existsSync(file))).toEqual([]);
});

test('the demo index links every example', async ({ page }) => {
  await page.goto('/');
  for (const name of ['Website (script tag)', 'App frontend (npm)', 'Headless (your own UI)', 'Quick start']) {
    const link = page.getByRole('link', { name });
    await expect(link).toBeVisible();
    const response = await page.request.get((await link.getAttribute('href')) ?? '');
    expect(response.status(), name).toBe(200);
  }
  await expect(page.locator('#hits-panel')).toBeVisible();
});

for (const { name, path } of ALL_PAGES) {
  test.describe(name, () => {
    test('loads, shows the banner, and sends nothing to analytics before a choice', async ({ page }, testInfo) => {
      const demo = await DemoPage.open(page, testInfo, path);
      await expect(demo.button('Accept all')).toBeVisible();
      await expect(demo.button('Reject all')).toBeVisible();
      await expect(demo.panel).toBeVisible();
      await expect(page.getByRole('link', { name: 'Cookie preferences' })).toBeVisible();
      await demo.expectNoAnalytics();
    });

    test('accept all → analytics requests reach the collector and the panel lists them', async ({ page }, testInfo) => {
      const demo = await DemoPage.open(page, testInfo, path);
      await demo.button('Accept all').click();
      await expect.poll(() => demo.hits.length).toBeGreaterThan(0);
      await expect(demo.button('Accept all')).toBeHidden();
      await expect(demo.panel).not.toHaveAttribute('data-count', '0');
      await expect(demo.panel).toContainText('page_view');
      // A returning visitor: the banner stays away and analytics runs at once.
      const before = demo.hits.length;
      await demo.goto(path);
      await expect.poll(() => demo.hits.length).toBeGreaterThan(before);
      await expect(demo.button('Accept all')).toBeHidden();
    });

    test('reject all → no analytics request, no analytics cookie, also on the next page view', async ({ page }, testInfo) => {
      const demo = await DemoPage.open(page, testInfo, path);
      await demo.button('Reject all').click();
      await expect(demo.button('Reject all')).toBeHidden();
      await demo.expectNoAnalytics();
      await demo.goto(path);
      await expect(demo.button('Accept all')).toBeHidden();
      await demo.expectNoAnalytics();
    });
  });
}

test.describe('website (script tag)', () => {
  test('GA4 stand-in runs under Google Consent Mode: denied by default, granted on accept', async ({ page }, testInfo) => {
    const demo = await DemoPage.open(page, testInfo, '/examples/website/');
    const consentCommands = () =>
      page.evaluate(() =>
        ((window as unknown as { dataLayer?: unknown[] }).dataLayer ?? [])
          .map((entry) => Array.from(entry as ArrayLike<unknown>))
          .filter((entry) => entry[0] === 'consent'),
      );
    const [first] = await consentCommands();
    expect(first?.slice(0, 2)).toEqual(['consent', 'default']);
    expect(first?.[2]).toMatchObject({ analytics_storage: 'denied', ad_storage: 'denied' });

    await demo.button('Accept all').click();
    // The GA4 stand-in's hit (the video embed, activated by the same Accept, reports its own
    // view to the collector too, without Consent Mode, and may come first).
    const ga4 = () => demo.hits.map((hit) => new URL(hit).searchParams).find((query) => query.get('tid') === 'G-DEMO123');
    await expect.poll(ga4).toBeTruthy();
    // gcs=G1<ad_storage><analytics_storage>: the stand-in read the update from dataLayer.
    expect(ga4()!.get('gcs')).toBe('G101');
    await expect.poll(() => demo.cookieNames()).toEqual(expect.arrayContaining(['_ga', '_ga_DEMO123', 'instria_consent']));
    expect(await demo.cspViolations()).toEqual([]);
  });

  test('the video embed shows a placeholder until allowed, then loads in place', async ({ page }, testInfo) => {
    const demo = await DemoPage.open(page, testInfo, '/examples/website/');
    const frame = page.locator('iframe[title="Product tour video"]');
    await expect(frame).not.toHaveAttribute('src', /embed\.html/);
    await expect(page.getByText('Product tour video').first()).toBeVisible();
    expect(demo.fetched('/examples/website/embed.html')).toEqual([]);

    await demo.button('Reject all').click();
    await page.getByRole('button', { name: /allow/i }).first().click();
    await expect(frame).toHaveAttribute('src', '/examples/website/embed.html');
    await expect.poll(() => demo.hits.some((url) => url.includes('en=video_embed_view'))).toBe(true);
    expect(await demo.cspViolations()).toEqual([]);
  });

  test('"Cookie preferences" in the footer reopens the choices; withdrawing clears the _ga cookies', async ({ page }, testInfo) => {
    const demo = await DemoPage.open(page, testInfo, '/examples/website/pricing.html');
    await demo.button('Accept all').click();
    await expect.poll(() => demo.cookieNames()).toEqual(expect.arrayContaining(['_ga', '_ga_DEMO123']));

    await page.getByRole('link', { name: 'Cookie preferences' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.getByRole('dialog').getByRole('button', { name: 'Reject all', exact: true }).click();
    await expect.poll(async () => (await demo.cookieNames()).filter((name) => name.startsWith('_ga'))).toEqual([]);
    expect(await demo.cspViolations()).toEqual([]);
  });

  test('the privacy policy page renders the policy and says how to change cookie choices', async ({ page }, testInfo) => {
    await DemoPage.open(page, testInfo, '/examples/website/privacy.html');
    await expect(page.getByRole('heading', { name: 'Privacy policy', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Cookies', exact: true })).toBeVisible();
    await expect(page.getByText('These cookies cannot be disabled through the cookie banner.')).toBeVisible();
    // Every paragraph of the policy's text (the copy kept beside the page) is on the page.
    const policy = readFileSync('examples/website/privacy-policy.txt', 'utf8').trim().split('\n');
    const shown = await page.locator('article').innerText();
    expect(policy.filter((paragraph) => !shown.includes(paragraph))).toEqual([]);
  });
});

test.describe('app frontend (npm import)', () => {
  test('the package is bundled into the app: the UI comes from the app bundle, not from /dist/', async ({ page }, testInfo) => {
    const demo = await DemoPage.open(page, testInfo, '/examples/app/');
    await expect(demo.button('Accept all')).toBeVisible();
    expect(demo.fetched('/examples/app/dist/main.js')).toHaveLength(1);
    expect(demo.fetched('/dist/instria-consent')).toEqual([]);
    // The analytics client is a separate chunk, not fetched before consent.
    expect(demo.fetched('/examples/app/dist/analytics-')).toEqual([]);
  });

  test('shows the live state from the atom and loads analytics with whenGranted', async ({ page }, testInfo) => {
    const demo = await DemoPage.open(page, testInfo, '/examples/app/');
    const state = page.locator('#consent-state');
    await expect(state).toContainText('"decided": false');
    await expect(page.locator('#analytics-status')).toHaveAttribute('data-state', 'blocked');

    await demo.button('Accept all').click();
    await expect(state).toContainText('"decided": true');
    await expect(state).toContainText('"method": "accept-all"');
    await expect(page.locator('#analytics-status')).toHaveAttribute('data-state', 'loaded');
    await expect.poll(() => demo.hits.some((url) => url.includes('tid=G-APP42'))).toBe(true);
  });

  test('its own footer link reopens the preferences; withdrawing says a reload is recommended', async ({ page }, testInfo) => {
    const demo = await DemoPage.open(page, testInfo, '/examples/app/');
    await demo.button('Accept all').click();
    await page.locator('#app-footer').getByRole('link', { name: 'Cookie preferences' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();

    await page.getByRole('button', { name: 'Withdraw consent' }).click();
    await expect(page.locator('#consent-state')).toContainText('"method": "withdraw"');
    await expect(page.locator('#reload-notice')).toBeVisible();
  });
});

test.describe('headless (@instria/consent/core)', () => {
  test('draws its own UI: customize → save analytics on → analytics loads; no SDK UI is fetched', async ({ page }, testInfo) => {
    const demo = await DemoPage.open(page, testInfo, '/examples/headless/');
    await demo.button('Customize').click();
    const analytics = page.getByRole('checkbox', { name: 'Analytics' });
    await expect(analytics).toBeFocused();
    await expect(analytics).not.toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Essential (always active)' })).toBeDisabled();
    await analytics.check();
    await demo.button('Save my choices').click();
    await expect.poll(() => demo.hits.length).toBeGreaterThan(0);
    await expect(page.locator('#analytics-status')).toHaveAttribute('data-state', 'loaded');
    expect(demo.fetched(`${demo.origin}/dist/`)).toEqual([]);
    expect(demo.fetched('/examples/headless/dist/mount-')).toEqual([]);
  });

  test('the footer link opens its preferences, showing the current choice', async ({ page }, testInfo) => {
    const demo = await DemoPage.open(page, testInfo, '/examples/headless/');
    await demo.button('Reject all').click();
    await page.getByRole('link', { name: 'Cookie preferences' }).click();
    await expect(page.getByRole('dialog', { name: 'Cookie preferences' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Analytics' })).not.toBeChecked();
    await demo.button('Close').click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await demo.expectNoAnalytics();
  });
});

test.describe('integration recipes of the README (examples/integrations/)', () => {
  /** Google's and Matomo's hosts answered locally: the recipes use their real URLs. */
  async function stubVendors(page: Page): Promise<string[]> {
    const vendorRequests: string[] = [];
    await page.route(/googletagmanager\.com|matomo\.example\.com/, (route) => {
      vendorRequests.push(route.request().url());
      const gtag = route.request().url().includes('googletagmanager');
      return route.fulfill({
        contentType: 'text/javascript',
        path: gtag ? 'test/e2e/fixtures/integrations/gtag.js' : undefined,
        body: gtag ? undefined : '',
      });
    });
    return vendorRequests;
  }

  const commands = (page: Page) =>
    page.evaluate(() =>
      ((window as unknown as { dataLayer?: unknown[] }).dataLayer ?? []).map((entry) =>
        Array.from(entry as ArrayLike<unknown>)
          .slice(0, 2)
          .map(String)
          .join(' '),
      ),
    );

  test('basic mode: gtag.js is not fetched before consent; the update precedes js and config', async ({ page }) => {
    const vendorRequests = await stubVendors(page);
    await page.goto('/examples/integrations/gcm-basic.html');
    await expect(page.getByRole('button', { name: 'Accept all', exact: true })).toBeVisible();
    expect(vendorRequests).toEqual([]);
    expect((await commands(page))[0]).toBe('consent default');

    await page.getByRole('button', { name: 'Accept all', exact: true }).click();
    await expect.poll(() => commands(page)).toContain('config G-XXXXXXX');
    const order = await commands(page);
    const update = order.indexOf('consent update');
    expect(update).toBeGreaterThan(0);
    expect(update).toBeLessThan(order.findIndex((command) => command.startsWith('js ')));
    expect(vendorRequests).toHaveLength(1);
  });

  test('advanced mode: the default is in dataLayer before Google tag queues anything', async ({ page }) => {
    await stubVendors(page);
    await page.goto('/examples/integrations/gcm-advanced.html');
    await expect.poll(() => commands(page)).toContain('config G-XXXXXXX');
    const order = await commands(page);
    expect(order[0]).toBe('consent default');
    expect(order).not.toContain('consent update');
  });

  test('Matomo: requireConsent comes before the snippet (no cookie-less measurement before a choice), rememberConsentGiven on accept', async ({ page }) => {
    await stubVendors(page);
    await page.goto('/examples/integrations/matomo.html');
    const paq = () =>
      page.evaluate(() => ((window as unknown as { _paq?: unknown[][] })._paq ?? []).map((entry) => String(entry[0])));
    expect((await paq())[0]).toBe('requireConsent');
    expect(await paq()).toContain('trackPageView');
    expect(await paq()).not.toContain('requireCookieConsent');
    await page.getByRole('button', { name: 'Accept all', exact: true }).click();
    await expect.poll(paq).toContain('rememberConsentGiven');
    await page.evaluate(() => window.InstriaConsent!.withdraw!());
    await expect.poll(paq).toContain('forgetConsentGiven');
  });
});
