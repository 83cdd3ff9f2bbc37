import { existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ConsentUI } from './models/consent-ui.model';

/**
 * The framework examples (examples/react, examples/vue, examples/nextjs), as a user builds
 * them: `npm run examples` installs and builds each from this repository's dist/ (npm test does
 * it before this step). The Vite builds are static files under the project's server; the
 * Next.js app runs with `next start` on its own port (playwright.config.ts). Without a build,
 * these tests are skipped locally and fail in CI.
 */

const nextURL = `http://127.0.0.1:${Number(process.env.E2E_PORT) + 1000}`;

const BUILDS = { react: 'examples/react/dist/index.html', vue: 'examples/vue/dist/index.html', nextjs: 'examples/nextjs/.next/BUILD_ID' };

function requireBuild(name: keyof typeof BUILDS): void {
  const built = existsSync(BUILDS[name]);
  if (process.env.CI) expect(built, `examples/${name} is not built: run npm run examples`).toBe(true);
  test.skip(!built, `examples/${name} is not built: run npm run examples`);
}

/** Every console error or warning and uncaught error of the page (a hydration mismatch is one). */
function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/** What the examples' analytics stand-in left: `true` (Vite examples) or a run count (Next.js). */
const analyticsRan = (page: Page) => page.evaluate(() => (window as unknown as { analyticsRan?: boolean | number }).analyticsRan ?? false);

/** The `Cookie` header the browser would send now. */
async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
}

for (const name of ['react', 'vue'] as const) {
  test.describe(`examples/${name}`, () => {
    const url = `/examples/${name}/dist/`;

    test.beforeEach(async ({ page }) => {
      requireBuild(name);
      // The embed's real host is not reachable offline.
      await page.route('https://www.youtube-nocookie.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<p>video</p>' }));
    });

    test('shows one banner, starts analytics only after Accept, and keeps the decision over a reload', async ({ page }) => {
      const problems = problemsOf(page);
      const ui = new ConsentUI(page);
      await page.goto(url);
      await expect(ui.banner).toBeVisible();
      await expect(page.locator('#analytics-status')).toHaveText('Analytics: off');
      expect(await analyticsRan(page)).toBe(false);

      await page.reload();
      await expect(ui.banner).toHaveCount(1);
      await expect(ui.banner).toBeVisible();
      expect(await analyticsRan(page)).toBe(false);

      await ui.accept();
      await expect.poll(() => analyticsRan(page)).toBe(true);
      await expect(page.locator('#analytics-status')).toHaveText('Analytics: on');

      await page.reload();
      await expect(page.locator('#analytics-status')).toHaveText('Analytics: on');
      await expect.poll(() => analyticsRan(page)).toBe(true);
      await expect(ui.banner).toHaveCount(0);
      expect(problems).toEqual([]);
    });

    test('keeps the video behind its gate until its fallback button grants it', async ({ page }) => {
      const ui = new ConsentUI(page);
      await page.goto(url);
      await expect(ui.banner).toBeVisible();
      await expect(page.locator('iframe')).toHaveCount(0);
      await ui.reject();
      await expect(page.locator('iframe')).toHaveCount(0);

      await page.getByRole('button', { name: 'Load the video' }).click();
      await expect(page.frameLocator('iframe[title=Video]').getByText('video')).toBeVisible();
      expect(await analyticsRan(page)).toBe(false);
    });

    test('opens the preferences from the footer button', async ({ page }) => {
      const ui = new ConsentUI(page);
      await page.goto(url);
      await ui.reject();
      await page.locator('footer').getByRole('button', { name: 'Cookie preferences' }).click();
      await expect(ui.dialog).toBeVisible();
    });
  });
}

test('the demo index links the React and Vue builds', async ({ page }) => {
  requireBuild('react');
  requireBuild('vue');
  await page.goto('/');
  for (const name of ['React (Vite)', 'Vue (Vite)']) {
    const href = await page.getByRole('link', { name }).getAttribute('href');
    expect((await page.request.get(href ?? '')).status(), name).toBe(200);
  }
});

test.describe('examples/nextjs', () => {
  test.beforeEach(() => requireBuild('nextjs'));

  test('keeps one banner over client-side navigation, and loads analytics once after Accept', async ({ page }) => {
    const problems = problemsOf(page);
    const ui = new ConsentUI(page);
    await page.goto(`${nextURL}/`);
    await expect(ui.banner).toBeVisible();
    expect(await analyticsRan(page)).toBe(false);

    // A marker on window survives only a client-side navigation, not a page load.
    await page.evaluate(() => Object.assign(window, { samePage: true }));
    await page.getByRole('link', { name: 'About' }).click();
    await expect(page.getByRole('heading', { name: 'About' })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
    await expect(ui.banner).toHaveCount(1);
    expect(await analyticsRan(page)).toBe(false);

    await ui.accept();
    await expect.poll(() => analyticsRan(page)).toBe(1);
    await page.getByRole('link', { name: 'Home' }).click();
    await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
    await expect(ui.banner).toHaveCount(0);
    expect(await analyticsRan(page)).toBe(1);
    expect(problems).toEqual([]);
  });

  for (const [choice, analytics] of [
    ['reject', 'denied'],
    ['accept', 'granted'],
  ] as const) {
    test(`renders the analytics tag on the server only for a visitor who accepted (${choice})`, async ({ page, request }) => {
      const ui = new ConsentUI(page);
      await page.goto(`${nextURL}/`);
      await ui[choice]();
      await expect.poll(() => cookieHeader(page)).toContain('instria_consent=');

      // The HTML the server sent for this visitor's cookie, and the proxy's (middleware's) header.
      const response = await request.get(`${nextURL}/about`, { headers: { cookie: await cookieHeader(page) } });
      expect(response.headers()['x-consent-analytics']).toBe(analytics);
      const html = await response.text();
      // next/script (afterInteractive) sends the tag as `<link rel="preload" as="script">`, which
      // hydration turns into the `<script>`: for a refuser, the tracker's URL is nowhere.
      if (choice === 'accept') expect(html).toMatch(/<(script|link)\b[^>]*"\/analytics\.js"/);
      else expect(html).not.toContain('/analytics.js');

      // The browser loads that HTML: hydration agrees with it (no warning, no error), and the tag
      // runs once for the visitor who accepted.
      const problems = problemsOf(page);
      await page.goto(`${nextURL}/about`);
      await expect(page.getByRole('heading', { name: 'About' })).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(await analyticsRan(page)).toBe(choice === 'accept' ? 1 : false);
      await expect(ui.banner).toHaveCount(0);
      expect(problems).toEqual([]);
    });
  }

  test('sends no analytics tag to a visitor who has not chosen yet', async ({ request }) => {
    const response = await request.get(`${nextURL}/`);
    expect(response.headers()['x-consent-analytics']).toBe('denied');
    expect(await response.text()).not.toContain('/analytics.js');
  });
});
