import { expect, test } from './helpers';

test('the script-tag bundle loads without a page error and exposes window.InstriaConsent', async ({ page }) => {
  await page.goto('/test/e2e/fixtures/smoke.html');
  const api = await page.evaluate(() => ({
    version: window.InstriaConsent?.version,
    methods: ['acceptAll', 'rejectAll', 'showPreferences', 'granted', 'on'].filter(
      (name) => typeof (window.InstriaConsent as Record<string, unknown> | undefined)?.[name] === 'function',
    ),
  }));
  expect(api.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(api.methods).toEqual(['acceptAll', 'rejectAll', 'showPreferences', 'granted', 'on']);
});
