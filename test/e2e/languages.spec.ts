import AxeBuilder from '@axe-core/playwright';
import { expect, recordRequests, recordWarnings, test } from './helpers';

// Every EEA language: English and French inside the UI file, any other one file of its own
// (instria-consent.lang-xx.js), fetched in parallel with what shows text, never for a
// returning visitor with nothing to show.

const FIXTURES = '/test/e2e/fixtures/languages';
/** The SDK's files a page fetched, by name: `iife`, `ui`, `lang-de`… */
const sdkFiles = (page: Parameters<typeof recordRequests>[0]) =>
  recordRequests(page, (url) => url.pathname.startsWith('/dist/instria-consent.'), (url) => url.pathname.slice('/dist/instria-consent.'.length, -'.js'.length));

test('a German page fetches the tag, the UI and German only, speaks German and is axe-clean', async ({ page, ui }) => {
  const files = sdkFiles(page);
  await page.goto(`${FIXTURES}/de.html`);
  await expect(ui.banner.getByRole('button', { name: 'Alle akzeptieren' })).toBeVisible();
  await expect(ui.banner.getByRole('button', { name: 'Alle ablehnen' })).toBeVisible();
  await expect(ui.banner).toContainText('Instria verwendet Cookies');
  await expect(page.locator('instria-consent [data-part=root]')).toHaveAttribute('lang', 'de');
  expect([...files].sort(), 'the decision code comes inside the UI file').toEqual(['iife', 'lang-de', 'ui']);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).include('instria-consent').analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  // The dialog, a file of its own, finds its strings in the German file too.
  await ui.banner.getByRole('button', { name: 'Anpassen' }).click();
  await expect(ui.dialog.getByRole('button', { name: 'Auswahl speichern' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Cookie-Einstellungen' })).toBeVisible();
  expect(files.filter((file) => file.startsWith('lang-'))).toEqual(['lang-de']);
});

test('the German file comes in parallel with the UI file, not after it', async ({ page, ui }) => {
  const started: Record<string, number> = {};
  const finished: Record<string, number> = {};
  page.on('request', (request) => (started[new URL(request.url()).pathname] = Date.now()));
  // The UI file takes 400 ms: the language file must have been asked for meanwhile.
  await page.route('**/dist/instria-consent.ui.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    finished.ui = Date.now();
    await route.continue();
  });
  await page.goto(`${FIXTURES}/de.html`);
  await expect(ui.banner.getByRole('button', { name: 'Alle akzeptieren' })).toBeVisible();
  expect(started['/dist/instria-consent.lang-de.js']).toBeLessThan(finished.ui!);
});

test.describe('a browser set to Polish', () => {
  test.use({ locale: 'pl-PL' });

  test('gets Polish on a page without lang', async ({ page, ui }) => {
    await page.goto(`${FIXTURES}/none.html`);
    await expect(ui.banner.getByRole('button', { name: 'Zaakceptuj wszystko' })).toBeVisible();
    await expect(page.locator('instria-consent [data-part=root]')).toHaveAttribute('lang', 'pl');
  });
});

test('a language file that fails shows English with one warning, and grants nothing', async ({ page, ui }) => {
  const warnings = recordWarnings(page);
  await page.route('**/dist/instria-consent.lang-de.js', (route) => route.abort());
  await page.goto(`${FIXTURES}/de.html`);
  await expect(ui.banner.getByRole('button', { name: 'Accept all' })).toBeVisible();
  await expect(page.locator('instria-consent [data-part=root]')).toHaveAttribute('lang', 'en');
  expect(warnings.filter((text) => text.includes('showing English'))).toHaveLength(1);
  expect(await page.evaluate(() => window.InstriaConsent!.state!.get())).toMatchObject({ decided: false, categories: { analytics: false } });
});

test('under a nonce-based CSP, the language file carries the nonce', async ({ page, ui }) => {
  const violations: string[] = [];
  page.on('console', (message) => message.text().includes('Content Security Policy') && violations.push(message.text()));
  await page.goto(`${FIXTURES}/de-nonce.html`);
  await expect(ui.banner.getByRole('button', { name: 'Alle akzeptieren' })).toBeVisible();
  expect(violations).toEqual([]);
});

test('a returning visitor fetches the tag only; the floating button and the placeholder bring the language when they show', async ({ page, ui }) => {
  await page.goto(`${FIXTURES}/de.html`);
  await ui.banner.getByRole('button', { name: 'Alle akzeptieren' }).click();
  await ui.expectHidden();
  const files = sdkFiles(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Eine deutsche Seite' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(files).toEqual(['iife']);

  // Italian, with a floating button and a gated embed, after a refusal.
  await page.goto(`${FIXTURES}/it-widget.html`);
  await ui.banner.getByRole('button', { name: 'Rifiuta tutti' }).click();
  const again = sdkFiles(page);
  await page.reload();
  await expect(ui.floating).toHaveAccessibleName('Preferenze cookie');
  await expect(page.getByRole('button', { name: 'Consenti VideoTube' })).toBeVisible();
  expect([...again].sort()).toEqual(['iife', 'lang-it', 'placeholder', 'widget']);
});
