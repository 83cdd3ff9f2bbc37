#!/usr/bin/env node
// Writes the README's screenshots of the built UI (run `npm run build` first) into
// docs/screenshots/: the banner in both layouts (light, dark, French, a 375×740 phone) and the
// preferences dialog (light, dark), on a test page served by scripts/server.mjs, in Chromium
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
} finally {
  await browser.close();
  server.close();
}
