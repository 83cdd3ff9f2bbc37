import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defineConfig, type Options } from 'tsup';
import pkg from './package.json' with { type: 'json' };

/**
 * The script tag draws the embed placeholder's box at once and fetches its text and button on
 * demand (`instria-consent.placeholder.js`, only on pages with a gated iframe): gating's
 * `./placeholder` import is resolved to `placeholder-lazy.ts` in that bundle only. The npm
 * entries and the all-in-one file keep the synchronous placeholder.
 */
const lazyPlaceholder: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'lazy-placeholder',
  setup(build) {
    build.onResolve({ filter: /^\.\/placeholder$/ }, ({ importer }) =>
      importer.endsWith(join('gating', 'index.ts')) ? { path: join(dirname(importer), 'placeholder-lazy.ts') } : undefined,
    );
  },
};

/**
 * The UI chunk leaves the preferences dialog and its styles to `instria-consent.dialog.js`: its
 * app imports `script-tag/dialog-lazy` instead of `./preferences`, and its mount gets no dialog CSS
 * (the npm entries and the all-in-one file keep both inline).
 */
const lazyDialog: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'lazy-dialog',
  setup(build) {
    build.onResolve({ filter: /^\.\/preferences$/ }, ({ importer }) =>
      importer.endsWith(join('ui', 'app.tsx')) ? { path: join(dirname(importer), '..', 'script-tag', 'dialog-lazy.tsx') } : undefined,
    );
    build.onResolve({ filter: /^\.\/dialog\.css$/ }, ({ importer }) =>
      importer.endsWith(join('ui', 'mount.tsx')) ? { path: 'empty', namespace: 'no-dialog-css' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'no-dialog-css' }, () => ({ contents: 'export default ""', loader: 'js' }));
  },
};

/**
 * The dialog chunk renders with the UI chunk's Preact (two copies of Preact cannot share one
 * tree): its `preact` and `preact/jsx-runtime` imports read what the UI chunk put on `window`.
 */
const sharedPreact: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'shared-preact',
  setup(build) {
    build.onResolve({ filter: /^preact(\/jsx-runtime)?$/ }, () => ({ path: 'preact', namespace: 'shared-preact' }));
    build.onLoad({ filter: /.*/, namespace: 'shared-preact' }, () => ({
      contents: 'export const { Component, jsx, jsx: jsxs } = window.InstriaConsentUI.preact;',
      loader: 'js',
    }));
  },
};

/** The languages that are a file of their own: every file in src/ui/i18n/. */
const LANGUAGE_FILES = readdirSync('src/ui/i18n').map((file) => file.replace(/\.ts$/, ''));

/** `instria-consent.lang-<code>.js`: the language file entry, written for German, with `code` in place of `de`. */
const languageFile = (code: string): NonNullable<Options['esbuildPlugins']>[number] => ({
  name: 'language-file',
  setup(build) {
    build.onLoad({ filter: /lang-chunk\.ts$/ }, ({ path }) => ({
      contents: readFileSync(path, 'utf8').replace(/\bde\b/g, code),
      loader: 'ts',
      resolveDir: dirname(path),
    }));
  },
});

const PLUGINS: Record<string, NonNullable<Options['esbuildPlugins']>> = {
  'src/script-tag/tag.ts': [lazyPlaceholder],
  'src/script-tag/ui-chunk.ts': [lazyDialog],
  'src/script-tag/dialog-chunk.ts': [sharedPreact],
};

/**
 * V8's explicit compile hint: every function of the file is compiled as the file is, instead of
 * pre-parsed, then parsed again on its first call. Nearly all of the script tag's code runs on
 * every page view: measured on the benchmark's returning visitor (Chromium 156, medians of 12
 * paired loads), scripting 87 → 63 ms at CPU 4× and 14.6 → 8.9 ms at 1×, for 9 B. The all-in-one
 * file, larger, is compiled off the main thread: 147 → 82 ms at 4× (10 pairs) for its returning
 * visitor, though it carries a UI that visitor never runs. The UI file, which draws the banner
 * as soon as it arrives, too: the first visit's script CPU time 15.3 → 13.2 ms at 1× (16 pairs,
 * `node bench/ab.mjs`), for 29 B. Other engines read it as a comment.
 * See: https://v8.dev/blog/explicit-compile-hints
 */
const HINT = '//# allFunctionsCalledOnLoad';
const COMPILE_HINT: Record<string, string> = { 'instria-consent.iife': HINT, 'instria-consent.all.iife': HINT, 'instria-consent.ui': HINT };

/** The bundles smaller with arrow properties kept as they are (see `unsafe_methods` below). */
const ARROW_PROPERTIES = new Set(['instria-consent.iife', 'instria-consent.all.iife']);

/**
 * One browser bundle: self-contained (dependencies inlined), an IIFE, with
 * `process.env.NODE_ENV` inlined so no `process` reference survives into a page. Production
 * bundles are minified and lose the development warnings; development ones keep both readable.
 */
function browser(name: string, entry: string, mode: 'production' | 'development' = 'production', plugins = PLUGINS[entry] || []): Options {
  const production = mode === 'production';
  return {
    esbuildPlugins: plugins,
    entry: { [name]: entry },
    format: ['iife'],
    platform: 'browser',
    target: 'es2021',
    // terser after esbuild's bundling: its extra compress passes take ~7% more off every page
    // view of the script tag than esbuild's minifier. `unsafe` only rewrites what our code does
    // not rely on (templates as `+`, `new Error` as `Error`), and no function of ours reads its
    // `length` (`keep_fargs`): 14 B off the script tag. Arrow properties as methods
    // (`unsafe_methods`) is measured per file: 27 B off the UI file, but 13 B on the script tag
    // and 19 B on the all-in-one file (`loadUI(e){return …}` is longer than `loadUI:e=>…`).
    minify: production ? 'terser' : false,
    // esbuild's syntax pass first (`const` as `let`, `typeof x < "u"`, merged declarations),
    // which terser does not do: 52 B off the script tag, 110 B off the all-in-one file, 7–33 B
    // off the decision, records, vendors and widget files (the dialog file +3 B, the UI file 0).
    minifySyntax: production,
    terserOptions: {
      ecma: 2020,
      // tsup asks terser for `toplevel` on an IIFE without a global name, which lets it unwrap a
      // small bundle's IIFE into top-level `var`s: globals of the host page (`e`, `t`…) that the
      // next such file overwrites. Each file keeps its own scope.
      toplevel: false,
      compress: { passes: 3, pure_getters: true, unsafe: true, unsafe_arrows: true, unsafe_methods: !ARROW_PROPERTIES.has(name), keep_fargs: false },
      format: { comments: false, preamble: COMPILE_HINT[name] },
    },
    // esbuild tree-shakes bundles itself; tsup's `treeshake` re-emits through Rollup after
    // esbuild's minifier and undoes part of it (`!0` becomes `true`), costing bytes.
    noExternal: [/.*/],
    define: { 'process.env.NODE_ENV': JSON.stringify(mode), __VERSION__: JSON.stringify(pkg.version), __SCRIPT_TAG__: 'true' },
    loader: { '.css': 'text' },
    outExtension: () => ({ js: '.js' }),
    clean: false,
    dts: false,
    sourcemap: false,
  };
}

export default defineConfig([
  {
    // npm entries: ESM, types, dependencies left to the app's bundler.
    entry: { index: 'src/index.ts', core: 'src/core.ts', react: 'src/react.ts', vue: 'src/vue.ts', preact: 'src/preact.ts' },
    format: ['esm'],
    platform: 'neutral',
    target: 'es2020',
    dts: true,
    splitting: true,
    treeshake: true,
    loader: { '.css': 'text' },
    define: { __VERSION__: JSON.stringify(pkg.version), __SCRIPT_TAG__: 'false' },
    clean: false,
    sourcemap: false,
  },
  {
    // `@instria/consent/server`: one self-contained file, so that it shares no chunk with (and
    // changes nothing in) the browser entries above, and runs where no bundler passes (Deno, Bun).
    entry: { server: 'src/server.ts' },
    format: ['esm'],
    platform: 'neutral',
    target: 'es2020',
    dts: true,
    treeshake: true,
    // Development warnings read `process.env.NODE_ENV`: an edge runtime without `process`
    // (Cloudflare Workers) gets an empty one rather than a ReferenceError at import.
    banner: { js: 'const process = globalThis.process ?? { env: {} };' },
    define: { __VERSION__: JSON.stringify(pkg.version), __SCRIPT_TAG__: 'false' },
    clean: false,
    sourcemap: false,
  },
  browser('instria-consent.iife', 'src/script-tag/tag.ts'),
  browser('instria-consent.ui', 'src/script-tag/ui-chunk.ts'),
  browser('instria-consent.dialog', 'src/script-tag/dialog-chunk.ts'),
  browser('instria-consent.decisions', 'src/script-tag/decisions-chunk.ts'),
  browser('instria-consent.widget', 'src/script-tag/widget-chunk.ts'),
  browser('instria-consent.records', 'src/script-tag/records-chunk.ts'),
  browser('instria-consent.placeholder', 'src/script-tag/placeholder-chunk.ts'),
  browser('instria-consent.vendors', 'src/script-tag/vendors-chunk.ts'),
  browser('instria-consent.all.iife', 'src/script-tag/all.ts'),
  // Strings only: one file per language serves the production and development bundles alike.
  ...LANGUAGE_FILES.map((code) => browser(`instria-consent.lang-${code}`, 'src/script-tag/lang-chunk.ts', 'production', [languageFile(code)])),
  // While integrating: the same script tag and UI chunk with console warnings about bad input.
  browser('instria-consent.dev.iife', 'src/script-tag/tag.ts', 'development'),
  browser('instria-consent.dev.ui', 'src/script-tag/ui-chunk.ts', 'development'),
  browser('instria-consent.dev.dialog', 'src/script-tag/dialog-chunk.ts', 'development'),
  browser('instria-consent.dev.decisions', 'src/script-tag/decisions-chunk.ts', 'development'),
  browser('instria-consent.dev.widget', 'src/script-tag/widget-chunk.ts', 'development'),
  browser('instria-consent.dev.records', 'src/script-tag/records-chunk.ts', 'development'),
  browser('instria-consent.dev.placeholder', 'src/script-tag/placeholder-chunk.ts', 'development'),
  browser('instria-consent.dev.vendors', 'src/script-tag/vendors-chunk.ts', 'development'),
]);
