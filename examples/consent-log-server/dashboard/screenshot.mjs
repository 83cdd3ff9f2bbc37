#!/usr/bin/env node
// Writes the README's screenshot of the dashboard, docs/screenshots/dashboard.png: the page over
// 90 generated days (serve.mjs), signed in, in Chromium (Debian's /usr/bin/chromium when present,
// as in playwright.config.ts), at 1x scale. Usage: node examples/consent-log-server/dashboard/screenshot.mjs
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { serveDemo } from './serve.mjs';

const out = fileURLToPath(new URL('../../../docs/screenshots/dashboard.png', import.meta.url));
const demo = await serveDemo({ token: 'screenshot' });
const browser = await chromium.launch({ executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1180 }, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(`${demo.url}/dashboard`);
  await page.getByLabel('Export token').fill('screenshot');
  await page.getByRole('button', { name: 'Show the statistics' }).click();
  await page.locator('[data-chart=shares] canvas').waitFor();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await demo.close();
}
