// Bundles an app example (`<dir>/src/main.ts` → `<dir>/dist/`) with esbuild, the bundler the
// project already uses through tsup. `@instria/consent` is imported by its package name and
// resolves, through package.json `exports` (a package may import itself by name), to the built
// `dist/`: run `npm run build` first, exactly as an app would install the package.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Builds one example folder (relative to the repository root); returns the output folder. */
export async function bundleExample(dir) {
  const base = join(root, dir);
  if (!existsSync(join(root, 'dist/index.js'))) {
    throw new Error(`${dir}: dist/ is missing; run \`npm run build\` first`);
  }
  const outdir = join(base, 'dist');
  await rm(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(base, 'src/main.ts')],
    outdir,
    bundle: true,
    splitting: true, // `import()` of the SDK's UI and of the app's analytics become separate files
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    // Not the repository's tsconfig.json: its `paths` map the package name to src/ for the
    // type checker, and an app outside this repository would get dist/, so we do too.
    tsconfigRaw: { compilerOptions: { target: 'es2020', verbatimModuleSyntax: true } },
    metafile: true,
    logLevel: 'warning',
    // tsup's code splitting leaves a bare `import './chunk-….js'` in dist/index.js and core.js
    // for a chunk that the other chunks import by name anyway; dropping the bare import (as
    // package.json "sideEffects" allows) loses nothing, so the warning is noise here.
    logOverride: { 'ignored-bare-import': 'silent' },
  });
  const sources = Object.keys(result.metafile.inputs).filter((input) => input.startsWith('src/'));
  if (sources.length) throw new Error(`${dir}: bundled SDK sources instead of dist/: ${sources.join(', ')}`);
  return outdir;
}

/** Command line: node examples/shared/bundle.mjs examples/app [examples/headless …] */
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const dir of process.argv.slice(2)) console.log(`built ${await bundleExample(dir)}`);
}
