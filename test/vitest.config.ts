import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests (Chromium) and slow, large hardening cases run from their own scripts.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'test/**/*.slow.test.ts', 'node_modules/**'],
    setupFiles: ['test/setup/silent-console.ts'],
    testTimeout: 30_000,
  },
});
