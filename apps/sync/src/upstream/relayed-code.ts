/**
 * A dossier code relayed by a lower tier was issued or checked by that tier's own server, from
 * ranges it holds; the parent only makes sure no other dossier carries it.
 * @module
 */
import { HttpError } from '../errors.ts';
import type { DocumentTx } from '../store/types.ts';

/** Records `code` for `dossierId`; throws 409 `code_used` when another dossier already carries it. */
export async function claimRelayedCode(tx: DocumentTx, code: string, agencyId: string, dossierId: string): Promise<void> {
  if (!(await tx.codes.claim(code, agencyId, dossierId))) {
    throw new HttpError(409, 'code_used', `Mã hồ sơ "${code}" đã được dùng cho hồ sơ khác`);
  }
}
