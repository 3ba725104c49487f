/**
 * Entry of a device host process: loads `device-host.ts` through Vite's module runner, as Vitest
 * does, so the PWA's database code sees `import.meta.env` (SSR) as it does in the other suites.
 */
import { fileURLToPath } from 'node:url';
import { createServer, isRunnableDevEnvironment } from 'vite';
import { REPO_ROOT } from '../../apps/sync/src/config.ts';

const vite = await createServer({
  configFile: false,
  root: REPO_ROOT,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false },
});
const ssr = vite.environments.ssr;
if (!isRunnableDevEnvironment(ssr)) throw new Error('Vite has no runnable SSR environment');
await ssr.runner.import(fileURLToPath(new URL('./device-host.ts', import.meta.url)));
