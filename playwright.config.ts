import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// One port per run (kept in the environment so workers agree), so parallel runs don't collide.
const port = Number((process.env.E2E_PORT ||= String(4200 + (process.pid % 700))));
/** The Next.js example's own server (`next start`), beside the static one. */
const nextPort = port + 1000; // test/e2e/frameworks.spec.ts computes it the same way

/** Debian's Chromium where it exists (no browser downloads here), Playwright's own elsewhere. */
const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: process.env.CI ? [['list'], ['github']] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
    launchOptions: {
      executablePath,
      args: [
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Real sub-domains for cookie-domain tests: www.example.test → this machine.
        '--host-resolver-rules=MAP *.example.test 127.0.0.1, MAP example.test 127.0.0.1',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      command: `node scripts/server.mjs --port ${port}`,
      url: `http://127.0.0.1:${port}/__health`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    // The Next.js example, when `npm run examples` has built it (npm test does, before this
    // step); test/e2e/frameworks.spec.ts skips its tests otherwise.
    ...(existsSync('examples/nextjs/.next/BUILD_ID')
      ? [
          {
            command: `node node_modules/next/dist/bin/next start --port ${nextPort} --hostname 127.0.0.1`,
            cwd: 'examples/nextjs',
            url: `http://127.0.0.1:${nextPort}/about`,
            reuseExistingServer: false,
            stdout: 'ignore' as const,
            env: { NEXT_TELEMETRY_DISABLED: '1' },
          },
        ]
      : []),
  ],
});
