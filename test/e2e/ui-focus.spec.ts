import type { Page } from '@playwright/test';
import { ConsentUI, expect, test } from './helpers';

/** The three viewports: desktop, a phone, and 320 px reflow (WCAG 2.2 SC 1.4.10). See: https://www.w3.org/WAI/WCAG22/Understanding/reflow.html */
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
  { width: 320, height: 640 },
];

/** The focused element, inside shadow roots too: whether it is ours, and its rect against the banner's. */
function focus(page: Page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const banner = document.querySelector('instria-consent')?.shadowRoot?.querySelector('[data-part=banner]');
    const r = el!.getBoundingClientRect();
    const b = banner?.getBoundingClientRect();
    return {
      name: `${el!.localName}${el!.id ? `#${el!.id}` : ''}`,
      ours: el!.getRootNode() !== document,
      last: el === [...document.querySelectorAll('a[href],button,input,select,textarea,[tabindex]')].at(-1),
      // Entirely hidden: its whole rect lies inside the banner's (WCAG 2.2 SC 2.4.11).
      hidden: !!b && r.top >= b.top && r.bottom <= b.bottom && r.left >= b.left && r.right <= b.right,
    };
  });
}

/** Tabs through the whole page while the banner shows; every page tab stop must stay in sight. */
async function tabToTheEnd(page: Page) {
  const seen: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    // The banner may move after the focus lands (next frame).
    await page.evaluate(() => new Promise(requestAnimationFrame));
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const now = await focus(page);
    if (!now.ours) {
      seen.push(now.name);
      expect(now.hidden, `${now.name} is entirely hidden behind the banner`).toBe(false);
    }
    if (now.last) return seen;
  }
  throw new Error(`never reached the last tab stop; saw ${seen.join(', ')}`);
}

for (const size of VIEWPORTS) {
  test(`2.4.11: no tab stop of a short page hides behind the banner, up to the last (${size.width}×${size.height})`, async ({ page, ui }) => {
    await page.setViewportSize(size);
    await page.goto('/ui/split/short.html');
    await expect(ui.banner).toBeVisible();
    expect(await tabToTheEnd(page)).toContain('a#footer-link');
    // Back into the page's top: the banner does not hide that either.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.evaluate(() => new Promise(requestAnimationFrame));
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect((await focus(page)).hidden).toBe(false);
    // The room made below the page adds to the page's own padding, which comes back exactly.
    const html = () => page.evaluate(() => [document.documentElement.style.paddingBottom, document.documentElement.style.scrollPaddingBottom]);
    const covered = await ui.banner.evaluate((b) => innerHeight - b.getBoundingClientRect().top);
    // Chrome serialises calc(2px + Npx) as calc(N+2px).
    expect(parseFloat((await html())[0]!.replace('calc(', ''))).toBeCloseTo(2 + covered, 1);
    await ui.part('reject').click();
    await expect(ui.banner).toHaveCount(0);
    expect(await html()).toEqual(['2px', '']);
  });
}

for (const path of ['/examples/website/', '/examples/website/pricing.html', '/examples/website/privacy.html', '/examples/quick-start/', '/examples/app/']) {
  test(`2.4.11 on the demo page ${path}: every tab stop stays in sight at each viewport`, async ({ page, ui }) => {
    for (const size of VIEWPORTS) {
      await page.setViewportSize(size);
      await page.goto(path);
      await expect(ui.banner).toBeVisible();
      const seen = await tabToTheEnd(page);
      expect(seen.length).toBeGreaterThan(1);
    }
  });
}

for (const bundle of ['split', 'all'] as const) {
  test.describe(`focus after deciding (${bundle} bundle)`, () => {
    for (const button of ['Save my choices', 'Accept all', 'Reject all']) {
      test(`Customize → ${button}: focus goes back where it was before the banner, and "Choices saved" is announced`, async ({ page, ui }) => {
        await page.goto(`/ui/${bundle}/page.html`);
        const { banner } = ui;
        await expect(banner).toBeVisible();
        // The live region is there, empty, before anything is said in it.
        await expect(ui.status).toHaveCount(1);
        await expect(ui.status).toHaveText('');
        const home = page.getByRole('link', { name: 'Home' });
        await home.focus();
        // Shift+Tab from the page's first link enters the banner (first in <body>).
        await page.keyboard.press('Shift+Tab');
        expect(await ui.focused()).toBe('button[customize]');
        await page.keyboard.press('Enter');
        const { dialog } = ui;
        await expect(dialog).toBeVisible();
        await dialog.getByRole('button', { name: button }).focus();
        await page.keyboard.press('Enter');
        await ui.expectHidden();
        await expect(home).toBeFocused();
        await expect(ui.status).toHaveText('Choices saved');
        await expect(ui.status).toHaveAttribute('role', 'status');
      });
    }

    test('a decision in the banner itself: focus goes back to the page, to <main> when it came from nowhere (fr)', async ({ page, ui }) => {
      await page.goto(`/ui/${bundle}/page.html?lang=fr`);
      const { banner } = ui;
      await expect(banner).toBeVisible();
      // First Tab of the page: into the banner, from nowhere.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await ui.focused()).toBe('button[accept]');
      await page.keyboard.press('Enter');
      await expect(banner).toHaveCount(0);
      expect(await ui.focused()).toBe('main#main');
      await expect(ui.status).toHaveText('Choix enregistrés');
      // The tabindex that let <main> take focus goes when focus leaves: no stray tab stop.
      expect(await page.locator('main').getAttribute('tabindex')).toBe('-1');
      await page.keyboard.press('Tab');
      expect(await ui.focused()).toBe('button#page-button');
      expect(await page.locator('main').getAttribute('tabindex')).toBeNull();
    });

    test('from the footer link: the dialog gives focus back to the link after Save', async ({ page, ui }) => {
      await page.goto(`/ui/${bundle}/page.html`);
      await ui.part('reject').click();
      await page.locator('#footer-link').focus();
      await page.keyboard.press('Enter');
      const { dialog } = ui;
      await ui.check('Analytics');
      await ui.save();
      await expect(dialog).toHaveCount(0);
      expect(await ui.focused()).toBe('a#footer-link');
      await expect(ui.status).toHaveText('Choices saved');
    });
  });
}

test('other tabs: a decision hides their banner, a reset brings it back, in front or behind', async ({ context }) => {
  const [a, b, c] = [await context.newPage(), await context.newPage(), await context.newPage()];
  for (const page of [a, b, c]) await page.goto('/ui/split/page.html');
  const banner = (page: Page) => new ConsentUI(page).banner;
  for (const page of [a, b, c]) await expect(banner(page)).toBeVisible();
  // c is in front, a and b behind it.
  await c.bringToFront();
  await a.evaluate(() => window.InstriaConsent!.acceptAll!());
  for (const page of [a, b, c]) await expect(banner(page)).toHaveCount(0);
  expect(await b.evaluate(() => window.InstriaConsent!.granted!('analytics'))).toBe(true);
  await b.bringToFront();
  await c.evaluate(() => window.InstriaConsent!.reset!());
  for (const page of [a, b, c]) await expect(banner(page)).toBeVisible();
  expect(await a.evaluate(() => window.InstriaConsent!.state!.get().decided)).toBe(false);
  await new ConsentUI(b).part('reject').click();
  for (const page of [a, b, c]) await expect(banner(page)).toHaveCount(0);
  expect(await c.evaluate(() => window.InstriaConsent!.state!.get().method)).toBe('reject-all');
});

test('400 % zoom (320×256): the dialog scrolls as a whole, and every control can be brought into view', async ({ page, ui }) => {
  await page.setViewportSize({ width: 320, height: 256 });
  await page.goto('/ui/split/overrides.html');
  await ui.part('customize').click();
  const { dialog } = ui;
  await expect(dialog).toBeVisible();
  const list = await dialog.evaluate((d) => {
    // The element that scrolls the category list: the nearest scrollable ancestor.
    let el = d.querySelector('[data-part=category]')!.parentElement!;
    while (el !== d && !/auto|scroll/.test(getComputedStyle(el).overflowY)) el = el.parentElement!;
    return { scroller: el === d ? 'dialog' : el.getAttribute('data-part'), height: el.clientHeight };
  });
  expect(list.height, `the list's scroller (${list.scroller}) shows at least half the screen`).toBeGreaterThanOrEqual(128);
  const controls = dialog.locator('button, input, a[href]');
  const count = await controls.count();
  expect(count).toBeGreaterThanOrEqual(8);
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i);
    await control.scrollIntoViewIfNeeded();
    await expect(control).toBeInViewport({ ratio: 1 });
    // Not under a fixed header or footer: the control itself is what a tap at its centre hits.
    expect(
      await control.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return (el.getRootNode() as ShadowRoot).elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === el;
      }),
    ).toBe(true);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
});
