/**
 * The dossier's Automerge content on the server: the engine the server applies actions with, and
 * what a relayed dossier may carry in `content`: at most `MAX_CONTENT_BYTES`, whole canonical
 * Automerge changes that project to exactly the plain fields beside it (422 `content_too_large`,
 * `content_invalid`, `content_mismatch`), so nothing gets past the JSON schema through `content`.
 * @module
 */
import * as Automerge from '@automerge/automerge';
import { MAX_CONTENT_BYTES, contentChanges, contentMismatch, joinChanges, type ContentEngine, type Dossier } from '@motcua/model';
import { unprocessable } from '../errors.ts';

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
