#!/usr/bin/env node
// Builds the bundled examples (app and headless) into their dist/ folders (gitignored).
// Used by `npm run demo` and by the end-to-end tests; needs `npm run build` first.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleExample } from '../shared/bundle.mjs';

/** The examples bundled from TypeScript, relative to the repository root. */
export const BUNDLED_EXAMPLES = ['examples/app', 'examples/headless'];

/** Builds every bundled example. */
export async function buildExamples() {
  return Promise.all(BUNDLED_EXAMPLES.map(bundleExample));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const dir of await buildExamples()) console.log(`built ${dir}`);
}
