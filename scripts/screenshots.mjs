#!/usr/bin/env node
// Writes the README's screenshots of the built UI (run `npm run build` first) into
// docs/screenshots/: the banner (light, dark, French, 320 px wide) and the preferences dialog
// (light, dark), on a test page served by scripts/server.mjs, in Chromium.
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
  { file: 'banner-light.png', scheme: 'light', lang: 'en', width: 1280, height: 720 },
  { file: 'banner-dark.png', scheme: 'dark', lang: 'en', width: 1280, height: 720 },
  { file: 'banner-fr.png', scheme: 'light', lang: 'fr', width: 1280, height: 720 },
  { file: 'banner-320.png', scheme: 'light', lang: 'en', width: 320, height: 640 },
  { file: 'preferences-light.png', scheme: 'light', lang: 'en', width: 1280, height: 800, open: true },
  { file: 'preferences-dark.png', scheme: 'dark', lang: 'en', width: 1280, height: 800, open: true },
];

await mkdir(out, { recursive: true });
const { server, url } = await startServer({ port: 0 });
const browser = await chromium.launch({ executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined });
try {
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, colorScheme: shot.scheme });
    await page.goto(`${url}/ui/split/showcase.html?lang=${shot.lang}`);
    const banner = page.locator('instria-consent [data-part=banner]');
    await banner.waitFor();
    if (shot.open) {
      await banner.locator('[data-part=customize]').click();
      await page.locator('instria-consent dialog').waitFor();
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
