/**
 * The shape of a push body: `[{ assumedMasterState: doc | null, newDocumentState: doc }]`, at most
 * `MAX_PUSH_ROWS` rows. Anything else is 400.
 */
import { badRequest } from '../errors.ts';
import { isRecord } from '../http/body.ts';

export const MAX_PUSH_ROWS = 500;

export interface PushRow {
  assumedMasterState: Record<string, unknown> | null;
  newDocumentState: Record<string, unknown>;
}

export function parsePushBody(body: unknown): PushRow[] {
  if (!Array.isArray(body)) throw badRequest('invalid_push', 'Dữ liệu đồng bộ phải là một mảng');
  if (body.length > MAX_PUSH_ROWS) {
    throw badRequest('too_many_rows', `Mỗi lần gửi tối đa ${MAX_PUSH_ROWS} tài liệu, nhận ${body.length}`);
  }
  return body.map((row, i) => {
    const assumed = isRecord(row) ? (row.assumedMasterState ?? null) : undefined;
    if (!isRecord(row) || !isRecord(row.newDocumentState) || (assumed !== null && !isRecord(assumed))) {
      throw badRequest('invalid_push', `Dòng thứ ${i + 1} không đúng dạng { assumedMasterState, newDocumentState }`);
    }
    if (typeof row.newDocumentState.id !== 'string') {
      throw badRequest('invalid_push', `Dòng thứ ${i + 1} thiếu "id"`);
    }
    return { assumedMasterState: assumed, newDocumentState: row.newDocumentState };
  });
}
