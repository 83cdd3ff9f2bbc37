import { expect, test } from './helpers';

// The dialog's ids, made by src/ui/ids.ts, in the built UI. A category "s-ga4"
// next to a service "ga4" once gave two checkboxes the id "ic-s-ga4": a click on the category's
// label then toggled the service.
for (const bundle of ['split', 'all'] as const) {
  test(`one element per id in the banner and the dialog, and each label drives its own box (${bundle})`, async ({ page }) => {
    await page.goto(`/ui/${bundle}/page.html?data-manual`);
    await page.evaluate(() =>
      window.InstriaConsent!.init({
        controller: 'Instria',
        categories: {
          essential: { required: true },
          's-ga4': { label: 'Category s-ga4', description: 'A category whose id reads like a service id.' },
          analytics: { label: 'Analytics', services: { ga4: { label: 'Service ga4', description: 'Visits.' } } },
        },
      }),
    );
    await expect(page.locator('instria-consent [data-part=banner]')).toBeVisible();
    await page.locator('instria-consent [data-part=customize]').click();
    const dialog = page.locator('instria-consent dialog');
    await expect(dialog).toBeVisible();
    const problems = await page.evaluate(() => {
      const root = document.querySelector('instria-consent')!.shadowRoot!;
      const ids = [...root.querySelectorAll('[id]')].map((el) => el.id);
      const refs = [...root.querySelectorAll('[for],[aria-labelledby],[aria-describedby]')].flatMap((el) =>
        ['for', 'aria-labelledby', 'aria-describedby'].flatMap((name) => el.getAttribute(name) ?? []),
      );
      return [
        ...ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `twice: ${id}`),
        ...refs.filter((id) => !ids.includes(id)).map((id) => `dangling: ${id}`),
      ];
    });
    expect(problems).toEqual([]);
    await dialog.getByText('Category s-ga4', { exact: true }).click();
    await expect(dialog.getByRole('checkbox', { name: 'Category s-ga4' })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: 'Service ga4' })).not.toBeChecked();
  });
}
