import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
/**
 * Module specifiers a file depends on at run time: `import … from`, bare `import '…'`,
 * `export … from` and dynamic `import('…')` (`import type` / `export type` are erased and allowed).
 */
const runtimeImports = (file: string): string[] => {
  const text = readFileSync(join(root, file), 'utf8');
  return [
    ...text.matchAll(/^import (?!type )(?:[^'";]*? from )?['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^export (?!type )[^'";]*? from ['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
};

/** The source file a relative specifier names: `./core/env` is `core/env.ts`, `./ui/mount` may be `.tsx`, `./x` may be `x/index.ts`. */
const moduleFile = (spec: string): string | undefined =>
  [`${spec}.ts`, `${spec}.tsx`, join(spec, 'index.ts')].find((file) => existsSync(join(root, file)));

/** The core modules the UI may use at run time: pure helpers, no engine, no storage. */
const CORE_FOR_UI = ['env', 'language', 'messages', 'pending'];

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

  it('src/storage implements the core interface with type imports and the core\'s environment helpers only', () => {
    // `core/env` (document.cookie safe from markup, DEV): one copy for the core and storage.
    for (const file of files('storage')) {
      for (const spec of runtimeImports(file)) {
        expect(spec.startsWith('../') && spec !== '../core/env', `${file} imports ${spec} at run time`).toBe(false);
      }
    }
  });

  it('src/ui uses the core through its public types and a few pure helpers, never storage or the script tag', () => {
    for (const file of files('ui')) {
      for (const spec of runtimeImports(file)) {
        expect(spec.includes('storage') || spec.includes('script-tag'), `${file} imports ${spec}`).toBe(false);
        const core = /^\.\.\/core\/(.+)$/.exec(spec);
        if (core) expect(CORE_FOR_UI, `${file} imports ${spec}`).toContain(core[1]);
      }
    }
  });

  it('the script tag and its on-demand files live in src/script-tag, which nothing else imports', () => {
    for (const dir of ['core', 'storage', 'ui']) {
      for (const file of files(dir)) {
        for (const spec of runtimeImports(file)) expect(spec.includes('script-tag'), `${file} imports ${spec}`).toBe(false);
      }
    }
    for (const file of ['index.ts', 'core.ts']) {
      for (const spec of runtimeImports(file)) expect(spec.includes('script-tag'), `${file} imports ${spec}`).toBe(false);
    }
  });

  it('src/core never names the script tag\'s window globals', () => {
    // But one, which is no script-tag global: the languages loaded at run time, read by every
    // file of the SDK on the page whichever entry loaded them.
    for (const file of files('core')) expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/window\.InstriaConsent(?!Languages\b)/);
  });

  it('the framework bindings are entries of their own: no other entry reaches react, vue or an adapter', () => {
    // Everything src/index.ts and src/core.ts load at run time, followed through relative imports
    // (a path that names no file is an `@example` in a comment, or a `.css` text import).
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of runtimeImports(file)) {
        if (!spec.startsWith('.')) packages.add(spec);
        else if (moduleFile(join(file, '..', spec))) visit(moduleFile(join(file, '..', spec))!);
      }
    };
    visit('index.ts');
    visit('core.ts');
    expect(seen).toContain('ui/mount.tsx');
    expect(seen).toContain('ui/i18n/de.ts');
    expect([...packages].filter((spec) => /^(react|react-dom|vue|svelte)(\/|$)|^@nanostores\//.test(spec))).toEqual([]);
    expect([...seen].filter((file) => /^(react|vue|preact)\.ts$/.test(file))).toEqual([]);
    // The bindings import only their framework, its adapter, the core's types and its one rule of
    // what is granted (a module without imports).
    expect(runtimeImports('core/granted.ts')).toEqual([]);
    for (const [file, allowed] of [
      ['react.ts', ['./core/granted', '@nanostores/react']],
      ['vue.ts', ['./core/granted', '@nanostores/vue', 'vue']],
      ['preact.ts', ['./core/granted', '@nanostores/preact', 'preact']],
    ] as const) {
      expect(runtimeImports(file).sort(), file).toEqual([...allowed]);
    }
  });

  it('reads every kind of run-time dependency (the check above cannot miss one)', () => {
    expect(runtimeImports('index.ts')).toEqual(expect.arrayContaining(['./core/gating/index', './ui/preferences-link']));
    expect(runtimeImports('index.ts').some((spec) => spec.startsWith('./ui/mount'))).toBe(true);
  });
});
