/**
 * The dossier's Automerge content on the server: what a push may carry in `content`, and what the
 * server stores so that no content change it ever held is lost.
 *
 * @remarks
 * - A pushed `content` must be at most `MAX_CONTENT_BYTES`, whole canonical Automerge changes, and
 *   project to exactly the plain fields pushed beside it (422 `content_too_large`,
 *   `content_invalid`, `content_mismatch`): nothing gets past the JSON schema through `content`.
 * - A push without `content` (a client from before content existed) is accepted: stored as it is
 *   while the stored dossier has no content either; otherwise the server records its plain-field
 *   edits (the fields it changed from what it assumed) as a deterministic change on top of the stored
 *   content, so a retried push makes the identical change; such a client's assumed master matches
 *   the stored one when everything but `content` does.
 * - On a conflict (the assumed master is not the stored one) the server merges with the model's
 *   `mergeDossierContent` and stores the result; without a conflict it still unites the stored
 *   content with the pushed one, so a client that skipped a change cannot drop it.
 * @module
 */
import * as Automerge from '@automerge/automerge';
import {
  MAX_CONTENT_BYTES, containsContent, contentChanges, contentMismatch, contentOf, joinChanges, mergeDossier, mergeDossierContent,
  projectContent, rebaseContent, unionContent, withContent, writeDossierContent, type ContentEngine, type Dossier,
} from '@motcua/model';
import { unprocessable } from '../errors.ts';
import { sameDocument } from './documents.ts';

type Data = Record<string, unknown>;

export const engine: ContentEngine = Automerge;

const MAX_CONTENT_CHARS = Math.ceil(MAX_CONTENT_BYTES / 3) * 4;

const where = (data: Data, index: number) => `Hồ sơ thứ ${index + 1} ("${String(data.id).slice(0, 64)}")`;

/** Throws 422 `content_too_large`; run before the schema, whose length limit would say less. */
export function assertContentSize(data: Data, index: number): void {
  if (typeof data.content === 'string' && data.content.length > MAX_CONTENT_CHARS) {
    throw unprocessable('content_too_large', `${where(data, index)}: nội dung (content) vượt quá ${MAX_CONTENT_BYTES / 1024} KB`);
  }
}

/** Throws 422 when a schema-valid pushed dossier's `content` is not Automerge or not its fields. */
export function assertDossierContent(data: Data, index: number): void {
  const content = data.content;
  if (typeof content !== 'string') return;
  let mismatch: string | null;
  try {
    if (joinChanges(contentChanges(content)) !== content) throw new Error('not canonical');
    mismatch = contentMismatch(engine, data as unknown as Dossier);
  } catch {
    throw unprocessable('content_invalid', `${where(data, index)}: nội dung (content) không phải tài liệu Automerge hợp lệ`);
  }
  if (mismatch !== null) {
    throw unprocessable('content_mismatch', `${where(data, index)}: trường "${mismatch}" không khớp với nội dung (content)`);
  }
}

const asDossier = (data: Data) => data as unknown as Dossier;
const asData = (dossier: Dossier) => dossier as unknown as Data;

/** The pushed dossier with content: its own, or its plain edits recorded over `base`'s. */
function withPushedContent(next: Data, base: Data | null): Dossier {
  if (typeof next.content === 'string') return asDossier(next);
  return writeDossierContent(engine, base ? asDossier(base) : null, asDossier(next));
}

/**
 * A conflicting push without content: the fields it changed from what it assumed, recorded over the
 * stored content (what it did not touch keeps the stored value).
 */
function rebasedPush(next: Data, assumed: Data | null, master: Data): Dossier {
  if (typeof next.content === 'string') return asDossier(next);
  const stored = withContent(engine, asDossier(master));
  const fields = assumed ? rebaseContent(contentOf(asDossier(assumed)), contentOf(asDossier(next)), contentOf(stored)) : contentOf(asDossier(next));
  return writeDossierContent(engine, stored, { ...asDossier(next), ...fields });
}

function unmergeable(index: number): never {
  throw unprocessable('content_unmergeable', `Hồ sơ thứ ${index + 1}: nội dung (content) không hợp nhất được với bản trên máy chủ`);
}

/**
 * True when a push's row matches `master`: exactly, or, for a client that sends no content (from
 * before content existed), in every field but the content the server added.
 */
export function matchesMaster(pushed: { data: Data; deleted: boolean }, master: { data: Data; deleted: boolean }): boolean {
  if (sameDocument(pushed, master)) return true;
  if ('content' in pushed.data || typeof master.data.content !== 'string') return false;
  const { content: _content, ...rest } = master.data;
  return sameDocument(pushed, { data: rest, deleted: master.deleted });
}

/**
 * The dossier to store for a push that met no conflict: the pushed one, with content (recorded when
 * the client sent none) and with any stored content change it lacked merged back in.
 */
export function dossierWithoutConflict(master: Data | null, next: Data, index: number): Data {
  // Neither knows content yet: stored as pushed, seeded at the first write that has content.
  if (typeof next.content !== 'string' && typeof master?.content !== 'string') return next;
  try {
    const pushed = withPushedContent(next, master);
    if (!master) return asData(withContent(engine, pushed));
    const stored = withContent(engine, asDossier(master)).content;
    if (containsContent(pushed.content!, stored)) return asData(pushed);
    const content = unionContent(stored, pushed.content!);
    return asData({ ...pushed, ...projectContent(engine, content), content });
  } catch {
    return unmergeable(index);
  }
}

/** What a conflicting push leads to: the merge to store, and the master with only the content merged. */
export interface ConflictMerge {
  /** Both versions merged by the model's rules (status and all). */
  merged: Data;
  /** The stored master with the pushed content merged in: stored when `merged` may not be written. */
  contentOnly: Data;
}

/** Merges a push whose assumed master is not the stored one; null when the master already holds it. */
export function mergeConflict(master: Data, next: Data, assumed: Data | null, index: number): ConflictMerge | null {
  if (typeof next.content !== 'string' && typeof master.content !== 'string') {
    // Neither knows content yet: the earlier rules, no content.
    const merged = asData(mergeDossier(asDossier(master), asDossier(next), assumed ? asDossier(assumed) : null));
    return sameDocument({ data: merged, deleted: false }, { data: master, deleted: false }) ? null : { merged, contentOnly: master };
  }
  try {
    const fork = rebasedPush(next, assumed, master);
    const merged = asData(mergeDossierContent(engine, asDossier(master), fork, assumed ? asDossier(assumed) : null));
    if (sameDocument({ data: merged, deleted: false }, { data: master, deleted: false })) return null;
    const stored = withContent(engine, asDossier(master));
    const content = unionContent(stored.content, fork.content!);
    return { merged, contentOnly: asData({ ...stored, ...projectContent(engine, content), content }) };
  } catch {
    return unmergeable(index);
  }
}
