/**
 * Automerge for the dossiers' editable content (`@motcua/model`'s `dossier/content.ts`), loaded on
 * first use and never in the first load: the wasm is 3.6 MB (1.2 MB gzip). The service worker
 * precaches the wasm file with the app, so it loads offline too.
 *
 * @remarks In the browser: `@automerge/automerge/slim` with the wasm by URL (`initializeWasm`), which
 * works in both `vite dev` and `vite build`. In Node (tests), the package's own entry loads the wasm.
 * @module
 */
import type { ContentEngine } from '@motcua/model';

let loading: Promise<ContentEngine> | null = null;

async function load(): Promise<ContentEngine> {
  if (import.meta.env.SSR) return import('@automerge/automerge');
  const [automerge, wasm] = await Promise.all([
    import('@automerge/automerge/slim'),
    import('@automerge/automerge/automerge.wasm?url'),
  ]);
  await automerge.initializeWasm(wasm.default);
  return automerge;
}

/** The Automerge module, loaded once per page. */
export function loadContentEngine(): Promise<ContentEngine> {
  loading ??= load().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** A new random actor id (16 bytes, hex): each content change a device records gets its own. */
export function newActorId(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
