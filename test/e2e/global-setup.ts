import { execFileSync } from 'node:child_process';

/**
 * Builds the bundled examples (examples/app, examples/headless) once per run, before any
 * worker starts, from the freshly built `dist/` — as `npm run demo` does. A failure here (no
 * `dist/` yet) is reported but does not stop the other suites: the examples' own tests then
 * fail on their missing bundles.
 */
export default function globalSetup(): void {
  try {
    execFileSync(process.execPath, ['examples/app/build.mjs'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    console.warn(`[global-setup] the bundled examples were not built:\n${(error as { stderr?: Buffer }).stderr ?? error}`);
  }
}
