import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

/** Builds the PWA (apps/pwa → apps/pwa/dist) and lists the unit/integration test projects. */
export default defineConfig({
  root: 'apps/pwa',
  plugins: [
    solid(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,wasm,woff2,ttf}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
    }),
  ],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  test: {
    // vite-plugin-solid would default the root to jsdom; every project here runs in Node.
    environment: 'node',
    projects: [
      {
        test: { name: 'model', root: 'packages/model', include: ['src/**/*.test.ts'] },
      },
      {
        test: { name: 'crypto', root: 'packages/crypto', include: ['src/**/*.test.ts'] },
      },
      {
        test: { name: 'sync', root: 'apps/sync', include: ['src/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
      },
      {
        plugins: [solid()],
        test: { name: 'pwa', root: 'apps/pwa', include: ['src/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        test: {
          name: 'integration',
          root: 'tests',
          include: ['integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: { name: 'security', root: 'tests', include: ['security/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 60_000 },
      },
    ],
  },
});
