import { execFileSync } from 'node:child_process';

/**
 * Builds the bundled examples (examples/app, examples/headless) once per run, before any
 * worker starts, from the freshly built `dist/` — as `npm run demo` does.
 */
export default function globalSetup(): void {
  execFileSync(process.execPath, ['examples/app/build.mjs'], { stdio: 'inherit' });
}
