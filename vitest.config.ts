import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __VERSION__: '"0.0.0-test"' },
  test: {
    environment: 'happy-dom',
    include: ['test/unit/**/*.test.{ts,tsx}'],
    typecheck: { enabled: true, include: ['test/unit/**/*.test-d.ts'] },
    pool: 'threads',
    maxWorkers: 2,
  },
});
