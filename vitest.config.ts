import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `import css from './x.css'` gives the file's text, as tsup's `loader: { '.css': 'text' }` does.
 * The virtual id must not end in `.css`, or Vitest's own CSS handling empties the module.
 */
const cssText = {
  name: 'css-text',
  enforce: 'pre' as const,
  resolveId: (source: string, importer?: string) =>
    source.endsWith('.css') && importer ? `\0css-text:${resolve(dirname(importer), source)}.js` : null,
  load: (id: string) =>
    id.startsWith('\0css-text:') ? `export default ${JSON.stringify(readFileSync(id.slice(10, -3), 'utf8'))}` : null,
};

/** The package's entries by name, as tsconfig.json's `paths` give them to tsc: a test imports what a README snippet does. */
const entries = ['', '/core', '/react', '/vue', '/preact'].map((sub) => ({
  find: new RegExp(`^@instria/consent${sub}$`),
  replacement: fileURLToPath(new URL(`src/${sub.slice(1) || 'index'}.ts`, import.meta.url)),
}));

export default defineConfig({
  plugins: [cssText],
  resolve: { alias: entries },
  define: { __VERSION__: '"0.0.0-test"', __SCRIPT_TAG__: 'false' },
  test: {
    environment: 'happy-dom',
    include: ['test/unit/**/*.test.{ts,tsx}'],
    typecheck: { enabled: true, include: ['test/unit/**/*.test-d.ts'] },
    pool: 'threads',
    maxWorkers: 2,
  },
});
