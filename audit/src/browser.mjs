// The browser: the system's Chromium where it is installed (Debian and Ubuntu put it at
// /usr/bin/chromium), else the one Playwright downloads (`npx playwright-core install chromium`),
// or the one `--browser` names. Launch flags as the project's own end-to-end tests use them.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Where Linux distributions install Chromium. */
const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Quiet, offline-friendly flags: no GPU, no QUIC, no background downloads or sync. */
export const ARGS = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * @param {{ executable?: string, hostResolverRules?: string }} options
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launch({ executable, hostResolverRules } = {}) {
  const executablePath = executable ?? SYSTEM.find((path) => existsSync(path));
  const args = hostResolverRules ? [...ARGS, `--host-resolver-rules=${hostResolverRules}`] : ARGS;
  try {
    return await chromium.launch({ executablePath, args });
  } catch (error) {
    const detail = String(error?.message ?? error).split('\n')[0];
    throw new Error(
      `could not start Chromium (${executablePath ?? 'Playwright’s own'}): ${detail}\n` +
        'Install one (apt-get install chromium), or run `npx playwright-core install chromium`, or give its path with --browser.',
    );
  }
}
