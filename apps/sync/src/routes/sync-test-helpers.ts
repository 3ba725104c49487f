/**
 * Helpers for the sync route tests: pull everything, push rows, build RxDB-shaped documents.
 */
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

/** The row RxDB sends to change `master` into `master` + `patch`. */
export function change(master: Doc, patch: Record<string, unknown>) {
  return { assumedMasterState: master, newDocumentState: { ...master, ...patch, updatedAt: Number(master.updatedAt ?? 0) + 1 } };
}

/** A receptionist's "Tiếp nhận hồ sơ": 1 → 2, code left for the server. */
export function receive(master: Doc, at = new Date()) {
  return change(master, { status: 2, receivedAt: at.toISOString(), dueAt: new Date(at.getTime() + 3 * 86_400_000).toISOString() });
}

export async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}
