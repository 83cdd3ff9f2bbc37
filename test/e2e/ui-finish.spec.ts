import type { Locator } from '@playwright/test';
import { expect, expectEqualWeight, test } from './helpers';

/** The two banner layouts (the `layout` option), set through the tag's `data-layout`. */
const LAYOUTS = ['bar', 'box'] as const;

test.describe('mobile: the first layer covers at most 35 % of a 375×740 screen', () => {
  for (const [name, path] of [
    ['default config', '/ui/split/page.html'],
    ['default config, French', '/ui/split/page.html?lang=fr'],
    ['website example (partners line)', '/examples/website/index.html'],
    ['showcase (logo, partners), French', '/ui/split/showcase.html?lang=fr'],
  ] as const) {
    test(name, async ({ page, ui }) => {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(path);
      const { banner, bannerButtons: buttons } = ui;
      await expect(banner).toBeVisible();
      await expect.poll(async () => (await banner.boundingBox())!.height).toBeLessThanOrEqual(740 * 0.35);
      await expectEqualWeight(page, buttons);
      // Side by side: one row of three.
      const tops = await buttons.evaluateAll((all) => all.map((b) => Math.round(b.getBoundingClientRect().top)));
      expect(new Set(tops).size).toBe(1);
    });
  }

  test('with the "New since your last choice" line', async ({ page, ui }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/examples/website/index.html');
    // A decision made before the site added a support chat: on the next page, the chat is new.
    await page.evaluate(() => window.InstriaConsent!.set!({ analytics: true }, { services: { ga4: true } }));
    await page.addInitScript(() => {
      const define = () => {
        const config = window.InstriaConsentConfig as { categories: { analytics: { services: Record<string, unknown> } } } | undefined;
        if (config) config.categories.analytics.services.chat = { label: 'Support chat' };
      };
      let value: unknown;
      Object.defineProperty(window, 'InstriaConsentConfig', {
        configurable: true,
        get: () => value,
        set: (v) => ((value = v), define()),
      });
    });
    await page.reload();
    const { banner, bannerButtons: buttons } = ui;
    await expect(banner.locator('[data-part=new]')).toContainText('Support chat');
    expect((await banner.boundingBox())!.height).toBeLessThanOrEqual(740 * 0.35);
    await expectEqualWeight(page, buttons);
  });
});

for (const layout of LAYOUTS) {
  test.describe(`layout: '${layout}'`, () => {
    const path = `/ui/split/showcase.html?data-layout=${layout}`;

    test('equal weight at 1280×800, 375×740 and 320×640; the box is a corner card on wide screens only', async ({ page, ui }) => {
      // Geometry without the entrance transition's offset.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      for (const [width, height] of [
        [1280, 800],
        [375, 740],
        [320, 640],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.goto(path);
        const { banner, bannerButtons: buttons } = ui;
        await expect(banner).toBeVisible();
        await expectEqualWeight(page, buttons);
        const box = (await banner.boundingBox())!;
        if (layout === 'box' && width > 640) {
          expect(box.width, 'a card, not a bar').toBeLessThanOrEqual(450);
          expect(width - (box.x + box.width), 'in the bottom right corner').toBeCloseTo(16, 0);
          expect(height - (box.y + box.height)).toBeCloseTo(16, 0);
        } else {
          expect(box.width, 'the full width').toBeCloseTo(width, 0);
          expect(box.y + box.height).toBeCloseTo(height, 0);
        }
      }
    });

    test('400 % zoom (320×256): every banner button can be scrolled into view and hit, no horizontal scroll', async ({ page, ui }) => {
      await page.setViewportSize({ width: 320, height: 256 });
      await page.goto(path);
      const { banner, bannerButtons: buttons } = ui;
      await expect(banner).toBeVisible();
      for (const button of await banner.locator('button, a[href]').all()) {
        await button.scrollIntoViewIfNeeded();
        // 0.99: the banner's 80vh (204.8 px) may cut a sub-pixel row.
        await expect(button).toBeInViewport({ ratio: 0.99 });
        // Nothing on top of it: a tap at its centre hits it.
        expect(
          await button.evaluate((el) => {
            const r = el.getBoundingClientRect();
            return (el.getRootNode() as ShadowRoot).elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === el;
          }),
        ).toBe(true);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      await buttons.nth(1).click();
      await expect(banner).toHaveCount(0);
    });

    test('the logo is an image with its text alternative, in the banner and the dialog header', async ({ page, ui }) => {
      await page.goto(path);
      const { banner, dialog } = ui;
      await expect(banner.getByRole('img', { name: 'Instria' })).toBeVisible();
      expect(await banner.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      await ui.customize();
      await expect(dialog.locator('[data-part=header]').getByRole('img', { name: 'Instria' })).toBeVisible();
      // At 320 px in French the logo shrinks: the title and the close button still fit.
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(`${path}&lang=fr`);
      await banner.getByRole('button', { name: 'Personnaliser' }).click();
      const header = dialog.locator('[data-part=header]');
      await expect(header.getByRole('button', { name: 'Fermer' })).toBeInViewport({ ratio: 1 });
      expect(await header.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    });
  });
}

test('no logo by default: no image at all', async ({ page, ui }) => {
  await page.goto('/ui/split/page.html');
  await expect(ui.banner).toBeVisible();
  await expect(ui.banner.locator('img')).toHaveCount(0);
});

test('the dialog\'s buttons come in the banner\'s order: Accept all, Reject all, then Save', async ({ page, ui }) => {
  await page.goto('/ui/split/page.html');
  const { banner, dialog } = ui;
  await ui.customize();
  await expect(dialog.locator('[data-part=footer] button')).toHaveText(['Accept all', 'Reject all', 'Save my choices']);
  await expect(banner.locator('[data-part=actions] button')).toHaveText(['Accept all', 'Reject all', 'Customize']);
});

/** WCAG 2.x relative luminance contrast of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const lum = (rgb: string) => {
    const [r, g, b] = rgb.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

for (const mode of ['light', 'dark', 'forced colours'] as const) {
  test(`switches (${mode}): native checkboxes, 24×24 or more, 3:1 against the dialog, a visible focus, a distinct on state`, async ({ page, ui }) => {
    if (mode === 'forced colours') await page.emulateMedia({ forcedColors: 'active' });
    else await page.emulateMedia({ colorScheme: mode });
    await page.goto('/ui/split/showcase.html');
    const { dialog } = ui;
    await ui.customize();
    const boxes = dialog.getByRole('checkbox');
    await expect(boxes).toHaveCount(3);
    const analytics = ui.checkbox('Analytics');
    const look = () =>
      analytics.evaluate((el) => {
        const s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return {
          border: s.borderTopColor,
          fill: s.backgroundColor,
          knob: s.backgroundImage,
          outline: `${s.outlineStyle} ${s.outlineWidth}`,
          page: getComputedStyle(el.closest('dialog')!).backgroundColor,
          width: r.width,
          height: r.height,
        };
      });
    const off = await look();
    expect(Math.min(off.width, off.height)).toBeGreaterThanOrEqual(24);
    expect(contrast(off.border, off.page), `off border ${off.border} on ${off.page}`).toBeGreaterThanOrEqual(3);
    expect(off.knob, 'the knob is drawn').toContain('radial-gradient');
    // Keyboard: Tab reaches the switch, its focus ring shows, Space turns it on.
    await analytics.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect((await look()).outline).toBe('solid 3px');
    await page.keyboard.press('Space');
    await expect(analytics).toBeChecked();
    const on = await look();
    expect(contrast(on.fill, on.page), `on fill ${on.fill} on ${on.page}`).toBeGreaterThanOrEqual(3);
    expect(on.fill).not.toBe(off.fill);
  });
}

test.describe('motion', () => {
  test('banner and dialog come in with a short transition; none under prefers-reduced-motion', async ({ page, ui }) => {
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      await page.emulateMedia({ reducedMotion });
      await page.goto('/ui/all/page.html');
      const { banner, dialog } = ui;
      await expect(banner).toBeVisible();
      // The declared animation (it may be over by the time the test looks at it).
      const animation = (locator: Locator) =>
        locator.evaluate((el) => {
          const s = getComputedStyle(el);
          return s.animationName === 'none' ? 'none' : parseFloat(s.animationDuration) * (s.animationDuration.endsWith('ms') ? 1 : 1000);
        });
      const shown = await animation(banner);
      await ui.customize();
      const opened = await animation(dialog);
      if (reducedMotion === 'reduce') expect([shown, opened]).toEqual(['none', 'none']);
      else for (const ms of [shown, opened]) expect(ms).toBeGreaterThan(0), expect(ms).toBeLessThanOrEqual(300);
    }
  });

  test('the banner is gone at once after a click: no exit transition', async ({ page, ui }) => {
    await page.goto('/ui/all/page.html');
    const { banner } = ui;
    await expect(banner).toBeVisible();
    // The time from the click to the banner's removal, measured in the page.
    const delay = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const root = document.querySelector('instria-consent')!.shadowRoot!;
          const button = root.querySelector<HTMLButtonElement>('[data-part=reject]')!;
          const start = performance.now();
          new MutationObserver(() => !root.querySelector('[data-part=banner]') && resolve(performance.now() - start)).observe(root, {
            childList: true,
            subtree: true,
          });
          button.click();
        }),
    );
    expect(delay).toBeLessThan(50);
  });
});
