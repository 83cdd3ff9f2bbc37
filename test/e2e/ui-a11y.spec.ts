import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './helpers';

/** WCAG 2.2 AA, as axe-core tags it. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/** axe violations inside the consent UI (the test page itself is not under test). */
async function violations(page: Page, bestPractice = false) {
  const tags = bestPractice ? [...TAGS, 'best-practice'] : TAGS;
  // Colours as the visitor sees them once the entrance transition (opacity) has ended (or was
  // cancelled: an animation whose element re-renders rejects `finished` with an AbortError).
  await page.evaluate(() =>
    Promise.all(document.querySelector('instria-consent')!.shadowRoot!.getAnimations().map((a) => a.finished.catch(() => {}))),
  );
  const results = await new AxeBuilder({ page }).withTags(tags).include('instria-consent').analyze();
  // Proof that axe saw into the shadow root: the buttons' contrast was checked.
  expect(results.passes.find((rule) => rule.id === 'color-contrast')?.nodes.length).toBeGreaterThanOrEqual(3);
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const bundle of ['split', 'all'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const lang of ['en', 'fr'] as const) {
      test(`axe: banner and dialog have no WCAG 2.2 AA violation (${bundle}, ${scheme}, ${lang})`, async ({ page, ui }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`/ui/${bundle}/page.html?lang=${lang}`);
        const { banner } = ui;
        await expect(banner).toBeVisible();
        expect(await banner.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
          scheme === 'dark' ? 'rgb(30, 31, 36)' : 'rgb(255, 255, 255)',
        );
        expect(await violations(page)).toEqual([]);
        await ui.part('customize').click();
        await expect(ui.dialog).toBeVisible();
        expect(await violations(page)).toEqual([]);
      });
    }
  }
}

// Both layouts, with a logo, switches and best practices too: the showcase page's
// configuration (a logo, services), the banner at its final place (no entrance transition).
for (const layout of ['bar', 'box'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const lang of ['en', 'fr'] as const) {
      test(`axe + best practices: ${layout} layout, ${scheme}, ${lang}, banner and dialog`, async ({ page, ui }) => {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await page.goto(`/ui/split/showcase.html?lang=${lang}&data-layout=${layout}`);
        const { banner } = ui;
        await expect(banner.getByRole('img')).toBeVisible();
        expect(await violations(page, true)).toEqual([]);
        await ui.part('customize').click();
        const { dialog } = ui;
        await expect(dialog).toBeVisible();
        // A switch on and a category mixed, so their colours are checked too.
        await dialog.getByRole('checkbox').nth(1).check();
        expect(await violations(page, true)).toEqual([]);
      });
    }
  }
}

test('accessibility tree: one banner landmark, a mixed category, checkboxes described, axe best practices', async ({ page, ui }) => {
  await page.goto('/ui/split/overrides.html');
  await ui.part('customize').click();
  const dialog = page.getByRole('dialog', { name: 'Cookie preferences' });
  await dialog.getByRole('checkbox', { name: 'Matomo' }).check();
  await dialog.getByRole('button', { name: 'Save my choices' }).click();
  await page.evaluate(() => window.InstriaConsent!.showPreferences!());
  await expect(dialog).toBeVisible();
  // The page's <header> is its banner landmark; the dialog adds none.
  expect(await page.locator('instria-consent').evaluate((host) => host.shadowRoot!.querySelectorAll('header').length)).toBe(0);
  const analytics = dialog.getByRole('checkbox', { name: 'Analytics', exact: true });
  await expect(analytics).toHaveAttribute('aria-describedby', /.+/);
  await expect(analytics).toHaveAccessibleDescription('Statistics on how the site is used, to improve it.');
  // checked=mixed in the accessibility tree: some of its services are on, not all.
  await expect(analytics).toBeChecked({ indeterminate: true });
  expect(await dialog.ariaSnapshot()).toContain('- checkbox "Analytics" [checked=mixed]');
  const results = await new AxeBuilder({ page }).withTags([...TAGS, 'best-practice']).include('instria-consent').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
