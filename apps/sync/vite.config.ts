import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Bundles the sync server for Node 20 (`node apps/sync/dist/index.js`): our workspace packages are
 * TypeScript sources and go into the bundle; real dependencies stay in node_modules.
 */
export default defineConfig({
  root: here,
  logLevel: 'warn',
  ssr: { noExternal: [/^@motcua\//] },
  build: {
    ssr: 'src/index.ts',
    outDir: 'dist',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { entryFileNames: 'index.js', format: 'es' },
    },
  },
});
