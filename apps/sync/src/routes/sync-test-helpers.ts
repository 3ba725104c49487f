/**
 * Helpers for the sync route tests: pull everything, push rows, build RxDB-shaped documents.
 */
import { writeDossierContent, type Dossier } from '@motcua/model';
import { engine } from '../sync/dossier-content.ts';
import type { TestApp } from '../test-app.ts';

export type Doc = Record<string, unknown> & { id: string };

export async function pullAll(t: TestApp, token: string, collection: string): Promise<Doc[]> {
  const response = await t.call('GET', `/api/sync/${collection}/pull?limit=1000`, { token });
  if (response.status !== 200) throw new Error(`pull ${collection}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { documents: Doc[] }).documents;
}

export async function pullOne(t: TestApp, token: string, collection: string, id: string): Promise<Doc> {
  const doc = (await pullAll(t, token, collection)).find((d) => d.id === id);
  if (!doc) throw new Error(`${collection}/${id} not visible`);
  return doc;
}

export function push(t: TestApp, token: string, collection: string, rows: unknown) {
  return t.call('POST', `/api/sync/${collection}/push`, { token, body: rows });
}

/**
 * The row RxDB sends to change `master` into `master` + `patch` (for dossiers: as a tier relays them,
 * or a device from before actions sent them); a dossier's content records the edit, by an actor
 * derived from the edit, so two different edits never clash.
 */
export function change(master: Doc, patch: Record<string, unknown>) {
  const next = { ...master, ...patch, updatedAt: Number(master.updatedAt ?? 0) + 1 };
  if (typeof master.content !== 'string' || 'content' in patch) return { assumedMasterState: master, newDocumentState: next };
  return { assumedMasterState: master, newDocumentState: writeDossierContent(engine, master as unknown as Dossier, next as unknown as Dossier) };
}

export async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}
