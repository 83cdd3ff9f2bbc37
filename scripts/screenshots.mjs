#!/usr/bin/env node
// Writes the README's screenshots of the built UI (run `npm run build` first) into
// docs/screenshots/: the banner in both layouts (light, dark, French, a 375×740 phone) and the
// preferences dialog (light, dark), on a test page served by scripts/server.mjs, and the
// playground (examples/playground/) with a configuration, in Chromium
// (Debian's /usr/bin/chromium when present, as in playwright.config.ts), at 1x scale.
// Usage: npm run screenshots
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startServer } from './server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs/screenshots');

const SHOTS = [
  { file: 'banner-light.png', scheme: 'light', lang: 'en', width: 1280, height: 640 },
  { file: 'banner-dark.png', scheme: 'dark', lang: 'en', width: 1280, height: 640 },
  { file: 'banner-fr.png', scheme: 'light', lang: 'fr', width: 1280, height: 640 },
  { file: 'banner-box-light.png', scheme: 'light', lang: 'en', width: 1280, height: 640, layout: 'box' },
  { file: 'banner-box-dark.png', scheme: 'dark', lang: 'fr', width: 1280, height: 640, layout: 'box' },
  { file: 'banner-mobile.png', scheme: 'light', lang: 'en', width: 375, height: 740 },
  { file: 'preferences-light.png', scheme: 'light', lang: 'en', width: 1280, height: 800, open: true },
  { file: 'preferences-dark.png', scheme: 'dark', lang: 'en', width: 1280, height: 800, open: true },
];

/**
 * The playground (examples/playground/) with a configuration of its address: a logo, the box
 * layout, a brand colour, a second category; the preview's banner drawn and measured first.
 */
async function playground(browser, url) {
  const state = {
    controller: 'Example Shop',
    layout: 'box',
    logoSrc: '/examples/playground/logo.svg',
    logoAlt: 'Example Shop',
    light: { accent: '#4338ca' },
    categories: [
      { id: 'essential', label: '', description: '', required: true, services: [] },
      { id: 'analytics', label: '', description: '', required: false, services: [{ id: 'matomo', label: 'Matomo', description: '', cookies: '' }] },
      { id: 'marketing', label: '', description: '', required: false, services: [] },
    ],
  };
  const hash = Buffer.from(JSON.stringify(state)).toString('base64url');
  const page = await browser.newPage({ viewport: { width: 1440, height: 1350 }, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(`${url}/examples/playground/#config=${hash}`);
  await page.locator('#equal-weight[data-ok=true]').waitFor();
  await page.frameLocator('#frame-box iframe').locator('instria-consent [data-part=logo]').waitFor();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(out, 'playground.png') });
  console.log('wrote docs/screenshots/playground.png');
  await page.close();
}

await mkdir(out, { recursive: true });
const { server, url } = await startServer({ port: 0 });
const browser = await chromium.launch({ executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined });
try {
  for (const shot of SHOTS) {
    const page = await browser.newPage({
      viewport: { width: shot.width, height: shot.height },
      deviceScaleFactor: 1,
      colorScheme: shot.scheme,
      reducedMotion: 'reduce',
    });
    await page.goto(`${url}/ui/split/showcase.html?lang=${shot.lang}${shot.layout ? `&data-layout=${shot.layout}` : ''}`);
    const banner = page.locator('instria-consent [data-part=banner]');
    await banner.waitFor();
    // The logo drawn, the text laid out in its final font.
    await page.waitForFunction(() => [...document.querySelector('instria-consent').shadowRoot.querySelectorAll('img')].every((i) => i.complete));
    if (shot.open) {
      await banner.locator('[data-part=customize]').click();
      await page.locator('instria-consent dialog').waitFor();
      // One service on, so the switches show both states and the category its mixed one.
      await page.locator('instria-consent dialog').getByRole('checkbox', { name: 'Matomo' }).check();
      await page.mouse.move(0, 0);
    }
    await page.screenshot({ path: join(out, shot.file) });
    console.log(`wrote docs/screenshots/${shot.file}`);
    await page.close();
  }
  await playground(browser, url);
} finally {
  await browser.close();
  server.close();
}
