import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ConsentUI, expect, recordRequests, test } from './helpers';

/**
 * The first layer, cookie table and GPC notice on the website example (script tag, strict CSP): the banner says
 * who and to whom, the privacy page publishes the cookie table, and a Global Privacy Control
 * signal is applied with a notice shown once.
 */

const HOME = '/examples/website/';

/** Makes this page's browser send the Global Privacy Control signal. */
const withGpc = (page: Page) =>
  page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }));

const notice = (page: Page) => new ConsentUI(page).notice;

test('the banner names the controller and the partners', async ({ page, ui }) => {
  await page.goto(HOME);
  const { banner } = ui;
  await expect(banner.getByRole('heading', { name: 'Cookies and similar technologies' })).toBeVisible();
  await expect(banner).toContainText('Instria uses cookies and similar technologies (such as local storage)');
  await expect(banner.locator('[data-part=partners]')).toHaveText('Partners: Google Analytics, Product tour video.');
  await expect(banner.getByRole('link', { name: 'Privacy policy' })).toHaveAttribute('href', '/examples/website/privacy.html');
});

test('the privacy page publishes the cookie table of the configuration', async ({ page }) => {
  await page.goto('/examples/website/privacy.html');
  const table = page.locator('article table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText(['Name', 'Provider', 'Purpose', 'Duration', 'Category']);
  await expect(table.getByRole('row', { name: /instria_consent Instria Remembers your cookie choices 182 days essential/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /_ga_\* Google Ireland Ltd .* 13 months analytics/ })).toBeVisible();
  // What the page shows is what the SDK computes from the same configuration.
  const computed = await page.evaluate(async () => (await window.InstriaConsent!.inventory!()).map((row) => row.name || '—'));
  await expect(table.locator('tbody tr td:first-child')).toHaveText(computed);
});

test.describe('Global Privacy Control', () => {
  test('is applied with a polite notice, shown once, that takes no focus and closes', async ({ page, ui }) => {
    const uiChunk = recordRequests(page, 'instria-consent.ui.js');
    const analytics = recordRequests(page, '/assets/analytics.js');
    await withGpc(page);
    await page.goto(HOME);
    await expect(notice(page).getByRole('status')).toHaveText(
      'Your browser’s Global Privacy Control signal was applied: optional cookies are off.',
    );
    // Seen, not only announced: the text is drawn, not clipped away (Playwright's visibility
    // ignores clip-path, so measure what is painted).
    const painted = await notice(page).getByRole('status').evaluate((el) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return { clip: style.clipPath, position: style.position, width: box.width, height: box.height };
    });
    expect(painted.clip).toBe('none');
    expect(painted.position).not.toBe('fixed');
    expect(painted.width * painted.height).toBeGreaterThan(100);
    await expect(ui.banner).toHaveCount(0);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(await page.evaluate(() => window.InstriaConsent!.state!.get().method)).toBe('gpc');
    expect(uiChunk).toHaveLength(1);

    // The preferences link opens the dialog; closing it leaves the refusal as it was.
    await notice(page).getByRole('button', { name: 'Cookie preferences' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();

    // Same browser, signal still on: the stored refusal counts, no second notice, no UI download.
    await page.goto(HOME);
    await expect.poll(() => page.evaluate(() => window.InstriaConsent?.state?.get().decided)).toBe(true);
    await page.waitForTimeout(300);
    await expect(notice(page)).toHaveCount(0);
    expect(uiChunk).toHaveLength(1);
    expect(analytics).toEqual([]);
  });

  test('a later page without the signal does not turn the refusal into consent', async ({ page, context }) => {
    await withGpc(page);
    await page.goto(HOME);
    await expect(notice(page)).toBeVisible();
    await notice(page).getByRole('button', { name: 'Close' }).click();
    await expect(notice(page)).toHaveCount(0);

    const later = await context.newPage(); // no GPC signal here
    const uiChunk = recordRequests(later, 'instria-consent.ui.js');
    const analytics = recordRequests(later, '/assets/analytics.js');
    await later.goto(HOME);
    expect(await later.evaluate(() => navigator.globalPrivacyControl)).toBeUndefined();
    const state = await later.evaluate(() => window.InstriaConsent!.state!.get());
    expect(state).toMatchObject({ decided: true, method: 'gpc', categories: { analytics: false } });
    expect(await later.evaluate(() => window.InstriaConsent!.granted!('analytics'))).toBe(false);
    await later.waitForTimeout(300);
    const laterUI = new ConsentUI(later);
    await expect(laterUI.banner.or(laterUI.notice)).toHaveCount(0);
    expect(uiChunk).toEqual([]);
    expect(analytics).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const lang of ['en', 'fr'] as const) {
      test(`axe: the notice has no WCAG 2.2 AA violation (${scheme}, ${lang})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await withGpc(page);
        await page.goto(`/ui/split/page.html?lang=${lang}`);
        await expect(notice(page).getByRole('status')).not.toBeEmpty();
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
          .include('instria-consent')
          .analyze();
        // Proof that axe saw into the shadow root: the notice's text and buttons were checked.
        expect(results.passes.find((rule) => rule.id === 'color-contrast')?.nodes.length).toBeGreaterThanOrEqual(2);
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        if (lang === 'fr') await expect(notice(page)).toContainText('Global Privacy Control de votre navigateur a été appliqué');
      });
    }
  }
});
