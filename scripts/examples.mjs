#!/usr/bin/env node
// Installs and builds the framework examples (examples/react, examples/vue, examples/nextjs),
// each a separate npm project that depends on this package as `file:../..`, so that `npm test`
// can serve and test them on a fresh clone. Work is skipped when it is already done:
// - `npm ci` runs only when the example's node_modules is missing or older than its lockfile;
// - the package's copy in node_modules/@instria/consent (npm copies it: .npmrc `install-links`)
//   is refreshed from this repository's dist/ and package.json when they differ;
// - `npm run build` runs only when a hash of its inputs (the example's sources, its lockfile and
//   this repository's dist/) differs from the one stamped in its build output.
// Usage: node scripts/examples.mjs [react|vue|nextjs…]   (default: all). Env NPM_CONFIG_CACHE
// (or `npm ci --cache`) picks the npm cache as usual.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Each example and the folder its build writes (where the input hash is stamped). */
export const EXAMPLES = { react: 'dist', vue: 'dist', nextjs: '.next' };

/** Folders that are outputs or dependencies, never inputs. */
const SKIP = new Set(['node_modules', 'dist', '.next', 'test-results']);

/** Every file under `dir` (inputs only), sorted, as paths relative to `dir`. */
function files(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : files(path, base);
      return entry.name === 'next-env.d.ts' ? [] : [relative(base, path)];
    })
    .sort();
}

/** A hash of the files of `dirs`: their paths (relative to their folder) and contents. */
function hashOf(...dirs) {
  const hash = createHash('sha256');
  dirs.forEach((dir, at) => {
    for (const file of files(dir)) hash.update(`${at}:${file}\0`).update(readFileSync(join(dir, file)));
  });
  return hash.digest('hex');
}

const run = (cwd, ...args) => execFileSync('npm', args, { cwd, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });

/** `npm ci` when node_modules is missing or older than the lockfile. */
function install(dir) {
  const marker = join(dir, 'node_modules/.package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(join(dir, 'package-lock.json')).mtimeMs) return false;
  run(dir, 'ci', '--prefer-offline', '--no-audit', '--no-fund');
  return true;
}

/** Makes node_modules/@instria/consent this repository's package as built now. */
function syncPackage(dir) {
  const copy = join(dir, 'node_modules/@instria/consent');
  const same = (path) => existsSync(join(copy, path)) && hashOf(join(copy, path)) === hashOf(join(root, path));
  if (same('dist') && readFileSync(join(copy, 'package.json'), 'utf8') === readFileSync(join(root, 'package.json'), 'utf8')) return;
  rmSync(join(copy, 'dist'), { recursive: true, force: true });
  cpSync(join(root, 'dist'), join(copy, 'dist'), { recursive: true });
  cpSync(join(root, 'package.json'), join(copy, 'package.json'));
}

/** `npm run build` unless the stamped input hash says the output is current. */
function build(dir, out) {
  const stamp = join(dir, out, '.inputs-hash');
  const inputs = hashOf(dir, join(root, 'dist'));
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === inputs) return false;
  run(dir, 'run', 'build');
  writeFileSync(stamp, inputs);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(join(root, 'dist/index.js'))) {
    console.error('examples: dist/ is missing; run `npm run build` first.');
    process.exit(1);
  }
  const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(EXAMPLES);
  for (const name of names) {
    const dir = join(root, 'examples', name);
    const started = Date.now();
    const installed = install(dir);
    syncPackage(dir);
    const built = build(dir, EXAMPLES[name]);
    const did = [installed && 'installed', built && 'built'].filter(Boolean).join(' and ') || 'up to date';
    console.log(`examples/${name}: ${did} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}
