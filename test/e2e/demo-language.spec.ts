import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './helpers';

/**
 * The demo's language picker (examples/shared/language-picker.js): every demo page that shows
 * the banner has a labelled `<select>` of the 26 built-in languages in its own header;
 * choosing one reloads the page with `?lang=xx`, which sets `<html lang>` before the SDK reads
 * it, so the banner speaks that language. Served as `npm run demo` serves it (the website's
 * strict Content-Security-Policy included).
 */

const PAGES = [
  { name: 'website home', path: '/examples/website/' },
  { name: 'website pricing', path: '/examples/website/pricing.html' },
  { name: 'website privacy policy', path: '/examples/website/privacy.html' },
  { name: 'quick start', path: '/examples/quick-start/' },
  { name: 'app frontend', path: '/examples/app/' },
];

const picker = (page: Page) => page.getByLabel('Language', { exact: true });

/** Whether the picker has keyboard focus. */
const pickerFocused = (page: Page) => page.evaluate(() => document.activeElement?.matches('.demo-language select') ?? false);

/** Content-Security-Policy violations, reported by the page itself (call before navigating). */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

for (const { name, path } of PAGES) {
  test(`${name}: the picker is reached with Tab, and "Français" + Enter shows the banner in French`, async ({ page, ui }) => {
    const violations = await watchCsp(page);
    await page.goto(path);
    await expect(ui.acceptButton).toBeVisible();
    await expect(picker(page)).toHaveValue('en');
    await expect(picker(page).locator('option')).toHaveCount(26);

    // Keyboard only: Tab from the top of the page until the picker has focus.
    for (let i = 0; i < 40 && !(await pickerFocused(page)); i++) await page.keyboard.press('Tab');
    expect(await pickerFocused(page), 'the picker is reachable with Tab').toBe(true);
    // Typing on the closed list moves the selection but does not reload (WCAG 3.2.2)…
    await page.keyboard.press('f');
    await expect(picker(page)).toHaveValue('fr');
    expect(page.url()).not.toContain('lang=');
    // …Enter does.
    await Promise.all([page.waitForURL(/[?&]lang=fr\b/), page.keyboard.press('Enter')]);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(ui.part('accept')).toHaveText('Tout accepter');
    await expect(ui.part('reject')).toHaveText('Tout refuser');
    await expect(picker(page)).toHaveValue('fr');
    expect(await violations()).toEqual([]);
  });
}

test('the picker is labelled, lists each language in its own name and language, and is axe-clean', async ({ page }) => {
  await page.goto('/examples/website/?lang=pl');
  await expect(picker(page)).toHaveAccessibleName('Language');
  await expect(picker(page).locator('option[value=de]')).toHaveText('Deutsch');
  await expect(picker(page).locator('option[value=de]')).toHaveAttribute('lang', 'de');
  await expect(picker(page).locator('option[value=nb]')).toHaveText('Norsk bokmål');
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .include('.demo-language')
    .analyze();
  expect(results.passes.map((rule) => rule.id)).toEqual(expect.arrayContaining(['select-name', 'valid-lang', 'color-contrast']));
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('choosing another language with the pointer reloads at once, with the language in the URL', async ({ page }) => {
  await page.goto('/examples/website/?lang=fr');
  await Promise.all([page.waitForURL(/[?&]lang=pl\b/), picker(page).selectOption('pl')]);
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(picker(page)).toHaveValue('pl');
  expect(new URL(page.url()).searchParams.getAll('lang')).toEqual(['pl']);
});

test('arrow keys only move the selection; leaving without Enter shows the page language again', async ({ page }) => {
  await page.goto('/examples/quick-start/');
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await picker(page).focus();
  await page.keyboard.press('ArrowDown');
  await expect(picker(page)).toHaveValue('es');
  await page.keyboard.press('Tab');
  await expect(picker(page)).toHaveValue('en');
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  expect(page.url()).not.toContain('lang=');
});

test('the language follows the visitor to the other demo pages, and "Forget my choices" shows the banner again in it', async ({ page, ui }) => {
  await page.goto('/examples/website/?lang=fr');
  await ui.part('reject').click();
  await ui.expectHidden();
  await Promise.all([page.waitForURL(/pricing\.html\?lang=fr$/), page.getByRole('link', { name: 'Pricing', exact: true }).click()]);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(picker(page)).toHaveValue('fr');
  // The page's own links keep the language; "Cookie preferences" (a fragment) is left alone.
  await expect(page.getByRole('link', { name: 'Home', exact: true })).toHaveAttribute('href', '/examples/website/?lang=fr');
  await expect(page.locator('a[data-consent-open]')).toHaveAttribute('href', '#cookie-preferences');
  await ui.expectHidden();
  await page.getByRole('button', { name: 'Forget my choices' }).click();
  await expect(ui.part('accept')).toHaveText('Tout accepter');
  expect(page.url()).toMatch(/\?lang=fr$/);
});

test('a regional tag resolves to its language, and a malformed one is ignored', async ({ page, ui }) => {
  await page.goto('/examples/quick-start/?lang=fr-CA');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');
  await expect(picker(page)).toHaveValue('fr');
  await expect(ui.part('accept')).toHaveText('Tout accepter');

  await page.goto('/examples/quick-start/?lang=%22%3E%3Cb%3E');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(picker(page)).toHaveValue('en');
  await expect(ui.acceptButton).toBeVisible();
});

// The 24 other languages load on demand: `instria-consent.lang-<code>.js` for the script tag,
// an `import()` chunk in the npm app.
test('"Deutsch" shows the banner in German, on the script tag and in the npm app', async ({ page, ui }) => {
  for (const path of ['/examples/website/', '/examples/app/']) {
    await page.goto(path);
    await Promise.all([page.waitForURL(/[?&]lang=de\b/), picker(page).selectOption('de')]);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(ui.part('accept')).toHaveText('Alle akzeptieren');
    await expect(ui.part('reject')).toHaveText('Alle ablehnen');
  }
  // `no` is Norwegian Bokmål.
  await page.goto('/examples/quick-start/?lang=no');
  await expect(picker(page)).toHaveValue('nb');
  await expect(ui.part('accept')).toHaveText('Godta alle');
});
