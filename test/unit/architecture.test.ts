import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
/** Module specifiers a file imports at run time (`import type` is erased and allowed). */
const runtimeImports = (file: string): string[] =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/^import (?!type )[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

// CONTRIBUTING.md, "Dependency direction": ui → core ← storage. The core knows nothing of Preact, cookies or the UI, so the
// headless entry stays small and the script tag carries no UI code.
describe('dependency direction', () => {
  it('src/core imports only nanostores and itself', () => {
    for (const file of files('core')) {
      for (const spec of runtimeImports(file)) {
        expect(spec.startsWith('.') ? relative('core', join(file, '..', spec)).startsWith('..') : spec !== 'nanostores', `${file} imports ${spec}`).toBe(false);
      }
    }
  });

  it('src/storage implements the core interface with type imports only', () => {
    for (const file of files('storage')) {
      for (const spec of runtimeImports(file)) {
        expect(spec.startsWith('../'), `${file} imports ${spec} at run time`).toBe(false);
      }
    }
  });

  it('src/ui uses the core through its public types and a few pure helpers, never storage', () => {
    for (const file of files('ui')) {
      for (const spec of runtimeImports(file)) expect(spec.includes('storage'), `${file} imports ${spec}`).toBe(false);
    }
  });
});
