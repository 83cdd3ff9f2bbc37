import type { Page } from '@playwright/test';
import { expect, recordRequests, test } from './helpers';

/**
 * The vendor signals beyond Google, on the README's recipe pages (examples/integrations/): each
 * loads instria-consent.vendors.js before the SDK's tag, then the vendor's own snippet, whose
 * script is a local stand-in (examples/integrations/stand-ins/) that records what it received
 * and sends a hit to /collect (and sets its cookies) only as the real tag would with consent.
 */
const VENDORS = [
  {
    page: 'microsoft-uet',
    id: 'uet',
    held: ['consent', 'default', { ad_storage: 'denied' }],
    granted: ['consent', 'update', { ad_storage: 'granted' }],
    denied: ['consent', 'update', { ad_storage: 'denied' }],
    cookies: ['_uetsid', '_uetvid'],
  },
  {
    page: 'clarity',
    id: 'clarity',
    held: ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }],
    granted: ['consentv2', { ad_Storage: 'granted', analytics_Storage: 'granted' }],
    denied: ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }],
    cookies: ['_clck', '_clsk'],
  },
  { page: 'meta-pixel', id: 'meta', held: ['consent', 'revoke'], granted: ['consent', 'grant'], denied: ['consent', 'revoke'], cookies: ['_fbp'] },
  { page: 'tiktok-pixel', id: 'tiktok', held: ['holdConsent'], granted: ['grantConsent'], denied: ['revokeConsent'], cookies: ['_ttp'] },
] as const;

/** What the vendor's stand-in received, in order, once it has loaded. */
async function received(page: Page, id: string): Promise<unknown[]> {
  await page.waitForFunction((vendor) => (window as unknown as { standIns?: Record<string, unknown> }).standIns?.[vendor], id);
  return page.evaluate((vendor) => (window as unknown as { standIns: Record<string, { received: unknown[] }> }).standIns[vendor]!.received, id);
}

const cookieNames = async (page: Page) => (await page.context().cookies()).map((cookie) => cookie.name);

for (const vendor of VENDORS) {
  test.describe(`${vendor.page}: its consent signal`, () => {
    test('nothing sent before consent, the default first; granted after Accept; denied and cookies gone after withdrawal', async ({ page, ui }) => {
      const hits = recordRequests(page, (url) => url.pathname === '/collect' && url.searchParams.get('source') === vendor.id);
      await page.goto(`/examples/integrations/${vendor.page}.html`);
      await expect(ui.banner).toBeVisible();
      expect((await received(page, vendor.id))[0]).toEqual(vendor.held);
      expect(await received(page, vendor.id)).not.toContainEqual(vendor.granted);
      expect(hits).toEqual([]);
      expect(await cookieNames(page)).not.toContain(vendor.cookies[0]);

      await ui.accept();
      await expect.poll(() => received(page, vendor.id)).toContainEqual(vendor.granted);
      expect((await received(page, vendor.id)).filter((call) => JSON.stringify(call) === JSON.stringify(vendor.granted))).toHaveLength(1);
      await expect.poll(() => hits.length).toBeGreaterThan(0);
      await expect.poll(() => cookieNames(page)).toEqual(expect.arrayContaining([...vendor.cookies]));

      await page.evaluate(() => window.InstriaConsent!.withdraw!());
      expect((await received(page, vendor.id)).at(-1)).toEqual(vendor.denied);
      await expect.poll(() => cookieNames(page)).not.toEqual(expect.arrayContaining([vendor.cookies[0]]));
      for (const name of vendor.cookies) expect(await cookieNames(page)).not.toContain(name);
    });

    test('a returning visitor who accepted: the default, then the update, before the vendor tag drains its queue', async ({ page, ui }) => {
      await page.goto(`/examples/integrations/${vendor.page}.html`);
      await ui.accept();
      await expect.poll(() => received(page, vendor.id)).toContainEqual(vendor.granted);
      await page.reload();
      const calls = await received(page, vendor.id);
      expect(calls.slice(0, 2)).toEqual([vendor.held, vendor.granted]);
    });
  });
}

test('Meta: the revoke is ahead of the base code’s init, which is kept word for word and still loads fbevents.js', async ({ page }) => {
  await page.goto('/examples/integrations/meta-pixel.html');
  const calls = await received(page, 'meta');
  expect(calls.slice(0, 3)).toEqual([['consent', 'revoke'], ['init', '000000000000000'], ['track', 'PageView']]);
});
