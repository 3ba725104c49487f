import { defineConfig } from 'vitest/config';

/** Browser end-to-end tests: real Chromium against the built PWA served by the real sync server. */
export default defineConfig({
  test: {
    name: 'e2e',
    root: 'tests',
    include: ['e2e/**/*.spec.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
