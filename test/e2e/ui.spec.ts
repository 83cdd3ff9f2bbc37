import { consentCookie, expect, expectEqualWeight, recordRequests, recordWarnings, test } from './helpers';

/** Both script-tag bundles: the split one (UI chunk on demand) and the all-in-one file. */
const BUNDLES = ['split', 'all'] as const;

/** The test page `name` with the given bundle and query (`data-*` → script attributes). */
const url = (bundle: string, name = 'page', query = '') => `/ui/${bundle}/${name}.html${query ? `?${query}` : ''}`;

for (const bundle of BUNDLES) {
  test.describe(`UI (${bundle} bundle)`, () => {
    test('the banner offers Accept all, Reject all and Customize with equal prominence', async ({ page, ui }) => {
      for (const size of [{ width: 1280, height: 800 }, { width: 320, height: 640 }]) {
        await page.setViewportSize(size);
        await page.goto(url(bundle));
        const { banner } = ui;
        await expect(banner).toBeVisible();
        await expect(banner.getByRole('heading', { name: 'Cookies and similar technologies' })).toBeVisible();
        await expect(banner.getByRole('link', { name: 'Privacy policy' })).toHaveAttribute('href', '/privacy');
        const buttons = ui.bannerButtons;
        await expect(buttons).toHaveText(['Accept all', 'Reject all', 'Customize']);
        await expectEqualWeight(page, buttons);
      }
    });

    test('one click on Accept all grants and hides the banner; a returning visitor never loads the UI', async ({ page, ui }) => {
      await page.goto(url(bundle));
      const { banner } = ui;
      await ui.accept();
      await expect(banner).toHaveCount(0);
      expect(await page.evaluate(() => window.InstriaConsent!.granted!('analytics'))).toBe(true);
      expect((await consentCookie(page))?.value).toBeTruthy();
      const chunk = recordRequests(page, 'instria-consent.ui.js');
      const decisions = recordRequests(page, 'instria-consent.decisions.js');
      const widget = recordRequests(page, 'instria-consent.widget.js');
      await page.reload();
      await page.waitForLoadState('load');
      expect(await page.evaluate(() => window.InstriaConsent!.state!.get().decided)).toBe(true);
      await expect(page.locator('instria-consent')).toHaveCount(0);
      expect(chunk).toEqual([]);
      expect(decisions).toEqual([]);
      expect(widget, 'no floating button asked for, none downloaded').toEqual([]);
    });

    test('one click on Reject all refuses, and the banner stays away on the next pages', async ({ page, ui }) => {
      await page.goto(url(bundle));
      await ui.reject();
      await expect(ui.banner).toHaveCount(0);
      for (let i = 0; i < 3; i++) {
        await page.reload();
        await page.waitForLoadState('load');
        await expect(page.locator('instria-consent')).toHaveCount(0);
      }
      expect(await page.evaluate(() => window.InstriaConsent!.granted!('analytics'))).toBe(false);
    });

    test('scrolling and clicking the page record nothing', async ({ page, ui }) => {
      await page.goto(url(bundle));
      await expect(ui.banner).toBeVisible();
      await page.mouse.wheel(0, 2000);
      // Let the wheel's scroll finish, so the button stays where the click is aimed.
      let last = -1;
      await expect.poll(async () => {
        const [y, previous] = [await page.evaluate(() => scrollY), last];
        last = y;
        return y > 0 && y === previous;
      }).toBe(true);
      await page.locator('#page-button').click({ force: true });
      await expect(ui.banner).toBeVisible();
      expect(await page.evaluate(() => window.InstriaConsent!.state!.get().decided)).toBe(false);
    });

    test('keyboard only: the banner buttons come first in the tab order and work with Enter', async ({ page, ui }) => {
      await page.goto(url(bundle));
      const { banner } = ui;
      await expect(banner).toBeVisible();
      expect(await ui.focused(), 'the banner never takes focus on load').toBe('body');
      await page.keyboard.press('Tab');
      expect(await ui.focused()).toBe('a'); // privacy policy link, first in the banner
      await page.keyboard.press('Tab');
      expect(await ui.focused()).toBe('button[accept]');
      await page.keyboard.press('Tab');
      expect(await ui.focused()).toBe('button[reject]');
      await page.keyboard.press('Tab');
      expect(await ui.focused()).toBe('button[customize]');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await expect(banner).toHaveCount(0);
      expect(await page.evaluate(() => window.InstriaConsent!.state!.get().method)).toBe('reject-all');
    });

    test('footer link → dialog → Tab stays inside → Escape → focus back on the link', async ({ page, ui }) => {
      await page.goto(url(bundle));
      await ui.reject();
      const { dialog } = ui;
      await page.locator('#footer-link').focus();
      await page.keyboard.press('Enter');
      await expect(dialog).toBeVisible();
      await expect(page.getByRole('dialog', { name: 'Cookie preferences' })).toBeVisible();
      expect(await dialog.evaluate((d: HTMLDialogElement) => d.open && d.matches(':modal'))).toBe(true);
      const seen = new Set<string>();
      for (let i = 0; i < 12; i++) {
        const now = await ui.focused();
        expect(now === 'dialog[dialog]' || (await dialog.evaluate((d) => d.contains((d.getRootNode() as ShadowRoot).activeElement))), `focus ${now} stays inside`).toBe(true);
        seen.add(now!);
        await page.keyboard.press(i < 8 ? 'Tab' : 'Shift+Tab');
      }
      expect(seen.has('button[close]') && seen.has('button[save]')).toBe(true);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
      expect(await ui.focused()).toBe('a#footer-link');
      expect(await page.evaluate(() => window.InstriaConsent!.state!.get().method)).toBe('reject-all');
    });

    test('the dialog has no pre-ticked box, shows essential as always active, and saves per category', async ({ page, ui }) => {
      await page.goto(url(bundle));
      const { dialog, banner } = ui;
      await ui.customize();
      await expect(dialog).toBeVisible();
      await expect(dialog.getByText('Always active', { exact: true })).toBeVisible();
      await expect(dialog.getByRole('checkbox')).toHaveCount(1);
      const analytics = ui.checkbox('Analytics');
      await expect(analytics).not.toBeChecked();
      const box = (await analytics.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
      // Closing without deciding goes back to the banner, with focus on Customize.
      await ui.close();
      await expect(dialog).toHaveCount(0);
      await expect(banner).toBeVisible();
      expect(await ui.focused()).toBe('button[customize]');
      expect(await page.evaluate(() => window.InstriaConsent!.state!.get().decided)).toBe(false);
      await ui.customize();
      await ui.check('Analytics');
      await ui.save();
      await expect(page.locator('instria-consent [data-part=root] > *')).toHaveCount(0);
      expect(await page.evaluate(() => [window.InstriaConsent!.granted!('analytics'), window.InstriaConsent!.state!.get().method])).toEqual([true, 'custom']);
      await page.locator('#footer-link').click();
      await expect(ui.checkbox('Analytics')).toBeChecked();
      await dialog.getByRole('button', { name: 'Reject all' }).click();
      expect(await page.evaluate(() => window.InstriaConsent!.granted!('analytics'))).toBe(false);
    });

    test('services get their own switch, driven by their category', async ({ page, ui }) => {
      await page.goto(url(bundle, 'overrides'));
      await ui.customize();
      const dialog = ui.dialog;
      await expect(dialog.getByRole('checkbox')).toHaveCount(4);
      await ui.check('Analytics');
      await expect(ui.checkbox('Matomo')).toBeChecked();
      await ui.uncheck('Google Analytics');
      await ui.save();
      const state = await page.evaluate(() => window.InstriaConsent!.state!.get());
      expect(state.categories).toEqual({ essential: true, analytics: true, marketing: false });
      expect(state.services).toEqual({ matomo: true, ga4: false });
    });

    test('French from <html lang>, from data-lang, and site overrides of any string', async ({ page, browser, ui }) => {
      await page.goto(url(bundle, 'page', 'lang=fr-FR'));
      const banner = ui.banner;
      for (const name of ['Tout accepter', 'Tout refuser', 'Personnaliser']) {
        await expect(banner.getByRole('button', { name, exact: true })).toBeVisible();
      }
      await expect(page.locator('instria-consent [data-part=root]')).toHaveAttribute('lang', 'fr');
      await banner.getByRole('button', { name: 'Personnaliser' }).click();
      await expect(page.getByRole('dialog', { name: 'Préférences cookies' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Enregistrer mes choix' })).toBeVisible();
      await expect(page.getByText('Toujours actif', { exact: true })).toBeVisible();

      await page.goto(url(bundle, 'page', 'lang=en&data-lang=fr'));
      await expect(banner.getByRole('button', { name: 'Tout refuser' })).toBeVisible();

      // No <html lang>: the browser's languages decide.
      const context = await browser.newContext({ locale: 'fr-CA' });
      const other = await context.newPage();
      await other.goto(url(bundle, 'page', 'lang='));
      await expect(other.locator('instria-consent').getByRole('button', { name: 'Tout accepter' })).toBeVisible();
      await context.close();

      await page.goto(url(bundle, 'overrides', 'lang=fr'));
      await expect(banner.getByRole('button', { name: 'OK pour moi' })).toBeVisible();
      await expect(banner).toContainText('Instria utilise des cookies et autres traceurs');
      await expect(banner).toContainText('Mesure d’audience, Marketing');
      await page.goto(url(bundle, 'overrides', 'lang=en'));
      await expect(banner.getByRole('heading', { name: 'Your privacy on instria.fr' })).toBeVisible();
    });

    test('dark theme from data-theme, and RTL when the page is RTL', async ({ page, ui }) => {
      await page.goto(url(bundle, 'page', 'data-theme=dark&dir=rtl'));
      const { banner } = ui;
      await expect(banner).toBeVisible();
      const look = await banner.evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, dir: el.closest('[dir]')!.getAttribute('dir') }));
      expect(look).toEqual({ bg: 'rgb(30, 31, 36)', dir: 'rtl' });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(url(bundle, 'page', 'data-theme=light'));
      expect(await banner.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
      await page.goto(url(bundle));
      expect(await banner.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(30, 31, 36)');
    });

    test('focus is never hidden behind the banner: the page scroll-padding follows its height', async ({ page, ui }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(url(bundle));
      const { banner } = ui;
      await expect(banner).toBeVisible();
      const height = (await banner.boundingBox())!.height;
      await expect.poll(() => page.evaluate(() => parseFloat(document.documentElement.style.scrollPaddingBottom))).toBeCloseTo(height, 0);
      // Tab from the page button to the link far below: it must end up above the banner.
      await page.locator('#page-button').focus();
      await page.keyboard.press('Tab');
      const link = (await page.locator('#deep-link').boundingBox())!;
      expect(link.y + link.height).toBeLessThanOrEqual(800 - height);
      await ui.accept();
      expect(await page.evaluate(() => document.documentElement.style.scrollPaddingBottom)).toBe('');
    });

    test('under a strict CSP the banner is styled and nothing is blocked', async ({ page, ui }) => {
      const violations: string[] = [];
      page.on('console', (message) => /Content Security Policy|Refused to/i.test(message.text()) && violations.push(message.text()));
      await page.addInitScript(() => {
        (window as unknown as { violations: string[] }).violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      await page.goto(url(bundle, 'csp'));
      const { banner, dialog } = ui;
      await expect(banner).toBeVisible();
      expect(await banner.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
      await ui.customize();
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: 'Accept all' }).click();
      expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
      expect(violations).toEqual([]);
    });

    test('under a nonce-based CSP the on-demand chunks are loaded with the tag\'s nonce', async ({ page, ui }) => {
      const violations: string[] = [];
      page.on('console', (message) => /Content Security Policy|Refused to/i.test(message.text()) && violations.push(message.text()));
      await page.goto(url(bundle, 'nonce', 'nonce=t3st&data-widget=floating'));
      await expect(ui.banner).toBeVisible();
      // The refusal is recorded by the decision chunk (split bundle): the banner goes only then.
      await ui.reject();
      await expect(ui.banner).toHaveCount(0);
      await expect(ui.floating).toBeVisible();
      expect(violations).toEqual([]);
    });

    test('hostile page CSS cannot hide or break the banner', async ({ page, ui }) => {
      await page.goto(url(bundle, 'hostile'));
      const { banner, acceptButton: accept } = ui;
      await expect(banner).toBeVisible();
      await expect(accept).toBeInViewport({ ratio: 1 });
      const box = (await accept.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(24);
      expect(await accept.evaluate((el) => getComputedStyle(el).fontSize)).toBe('15px');
      await accept.click();
      expect(await page.evaluate(() => window.InstriaConsent!.granted!('analytics'))).toBe(true);
    });

    test('the page themes the UI through --ic-* custom properties', async ({ page, ui }) => {
      await page.goto(url(bundle, 'themed'));
      const look = await ui.acceptButton.evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.backgroundColor, s.color, s.borderRadius, s.fontFamily];
      });
      expect(look).toEqual(['rgb(176, 0, 32)', 'rgb(255, 255, 255)', '0px', 'Georgia, serif']);
    });

    test('the script included twice shows one banner', async ({ page, ui }) => {
      await page.goto(url(bundle, 'double'));
      await expect(ui.banner).toBeVisible();
      await expect(page.locator('instria-consent')).toHaveCount(1);
    });

    test('widget "floating": a preferences button without the UI chunk until it is pressed', async ({ page, ui }) => {
      await page.goto(url(bundle, 'page', 'data-widget=floating'));
      const floating = ui.floating;
      await expect(floating, 'hidden while the banner is shown').toBeHidden();
      await expect(ui.banner).toBeVisible();
      await ui.reject();
      await expect(floating).toBeVisible();
      const chunk = recordRequests(page, 'instria-consent.ui.js');
      await page.reload();
      await expect(floating).toBeVisible();
      await expect(floating).toHaveText('Cookie preferences');
      expect(chunk).toEqual([]);
      const box = (await floating.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
      await floating.click();
      await expect(ui.dialog).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(ui.dialog).toHaveCount(0);
      await expect(floating).toBeVisible();
      expect(await ui.focused()).toBe('button');
      if (bundle === 'split') expect(chunk).toHaveLength(1);
    });
  });
}

test('a UI chunk that cannot load leaves everything refused, with one warning and no page error', async ({ page }) => {
  const warnings = recordWarnings(page);
  await page.goto(url('split', 'page', 'data-ui-src=/nowhere/instria-consent.ui.js'));
  await expect.poll(() => warnings.length).toBe(1);
  expect(warnings[0]).toContain('could not be loaded');
  await expect(page.locator('instria-consent')).toHaveCount(0);
  expect(await page.evaluate(() => [window.InstriaConsent!.granted!('analytics'), window.InstriaConsent!.state!.get().decided])).toEqual([false, false]);
});

test('after a failed UI load, the footer link tries again and opens the preferences', async ({ page, ui }) => {
  const warnings = recordWarnings(page);
  let failures = 1;
  await page.route('**/instria-consent.ui.js', (route) => (failures-- > 0 ? route.fulfill({ status: 503, body: '' }) : route.continue()));
  await page.goto(url('split'));
  await expect.poll(() => warnings.length).toBe(1);
  await expect(ui.banner).toHaveCount(0);
  await page.getByRole('link', { name: 'Cookie preferences' }).click();
  await expect(ui.dialog).toBeVisible();
  expect(await page.evaluate(() => window.InstriaConsent!.granted!('analytics'))).toBe(false);
});
