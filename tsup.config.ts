import { defineConfig, type Options } from 'tsup';
import pkg from './package.json' with { type: 'json' };

/** Values every browser bundle inlines: no `process` reference survives into a page. */
const browserDefine = {
  'process.env.NODE_ENV': '"production"',
  __VERSION__: JSON.stringify(pkg.version),
};

/** One browser bundle: minified, self-contained (dependencies inlined), an IIFE. */
function browser(name: string, entry: string): Options {
  return {
    entry: { [name]: entry },
    format: ['iife'],
    platform: 'browser',
    target: 'es2021',
    // terser after esbuild's bundling: its extra compress passes take ~7% more off every page
    // view of the script tag than esbuild's minifier.
    minify: 'terser',
    terserOptions: {
      ecma: 2020,
      compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true },
      format: { comments: false },
    },
    // esbuild tree-shakes bundles itself; tsup's `treeshake` re-emits through Rollup after
    // esbuild's minifier and undoes part of it (`!0` becomes `true`), costing bytes.
    noExternal: [/.*/],
    define: browserDefine,
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
    entry: { index: 'src/index.ts', core: 'src/core.ts' },
    format: ['esm'],
    platform: 'neutral',
    target: 'es2020',
    dts: true,
    splitting: true,
    treeshake: true,
    loader: { '.css': 'text' },
    define: { __VERSION__: JSON.stringify(pkg.version) },
    clean: false,
    sourcemap: false,
  },
  browser('instria-consent.iife', 'src/iife.ts'),
  browser('instria-consent.ui', 'src/ui-chunk.ts'),
  browser('instria-consent.all.iife', 'src/iife-all.ts'),
]);
