/**
 * Helpers for the sync route tests: pull everything, push rows, build RxDB-shaped documents.
 */
import { canonicalJson, contentOf, writeDossierContent, type Dossier } from '@motcua/model';
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
 * The row RxDB sends to change `master` into `master` + `patch`; a dossier's content records the
 * edit, as a device does (by an actor derived from the edit, so two different edits never clash).
 */
export function change(master: Doc, patch: Record<string, unknown>) {
  const next = { ...master, ...patch, updatedAt: Number(master.updatedAt ?? 0) + 1 };
  return { assumedMasterState: master, newDocumentState: typeof master.content === 'string' && !('content' in patch) ? edited(master, next) : next };
}

function edited(master: Doc, next: Doc): Doc {
  const { content: _content, ...withoutContent } = next;
  try {
    const written = writeDossierContent(engine, master as unknown as Dossier, next as unknown as Dossier);
    if (canonicalJson(contentOf(written)) === canonicalJson(contentOf(next as unknown as Dossier))) return written as unknown as Doc;
  } catch {
    // below
  }
  // Text Automerge does not keep as it is (bad input on purpose): sent as a client without content would.
  return withoutContent as Doc;
}

/** A receptionist's "Tiếp nhận hồ sơ": 1 → 2, code left for the server. */
export function receive(master: Doc, at = new Date()) {
  return change(master, { status: 2, receivedAt: at.toISOString(), dueAt: new Date(at.getTime() + 3 * 86_400_000).toISOString() });
}

/** A copy of `dossier` as a citizen's device submits a new one: nothing of the agency's set yet. */
export function freshSubmission(dossier: Doc, id: string): Doc {
  return {
    ...dossier, id, code: null, status: 1, receivedAt: null, dueAt: null, finishedAt: null, returnedAt: null, decision: null,
    result: null, apology: null, stepIndex: -1, assigneeId: null, identityCheck: null, provisionalCode: null,
  };
}

export async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}
