/**
 * @module warehouse/validity — is a warehouse document still valid, and may a component be scanned
 * again. A still-valid result already in the owner's warehouse must be reused, never rescanned
 * (Kon Tum guide, domain.md §1 "Tái sử dụng").
 */
import { toVnClock } from '../calendar/vn-time.ts';
import type { WarehouseDocument } from '../schemas/warehouse.schema.ts';

type Validity = Pick<WarehouseDocument, 'permanent' | 'validUntil'>;

/** `YYYY-MM-DD` of an ISO date or date-time, read in Vietnam time. */
function vnDay(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : toVnClock(new Date(iso)).date;
}

/**
 * True while the document is in force on `now` (Vietnam calendar day): permanent documents and
 * documents with no end date entered always are; otherwise through the last day of `validUntil`.
 */
export function isStillValid(doc: Validity, now: Date): boolean {
  if (doc.permanent || !doc.validUntil) return true;
  return toVnClock(now).date <= vnDay(doc.validUntil);
}

/** "Vĩnh viễn", "Còn hiệu lực đến 31/12/2030" or "Hết hiệu lực từ 01/01/2024". */
export function validityText(doc: Validity, now: Date): string {
  if (doc.permanent) return 'Vĩnh viễn';
  if (!doc.validUntil) return 'Không ghi thời hạn';
  const [y, m, d] = vnDay(doc.validUntil).split('-');
  const day = `${d}/${m}/${y}`;
  return isStillValid(doc, now) ? `Còn hiệu lực đến ${day}` : `Hết hiệu lực (từ sau ${day})`;
}

/** True when the document's type code is one the component accepts. */
export function acceptsDocument(documentTypes: readonly string[], doc: Pick<WarehouseDocument, 'docTypeCode'>): boolean {
  return documentTypes.includes(doc.docTypeCode);
}

/** The owner's documents that may fill a component of the given accepted types, valid ones first. */
export function documentsForComponent<T extends WarehouseDocument>(docs: readonly T[], documentTypes: readonly string[], now: Date): T[] {
  return docs
    .filter((d) => acceptsDocument(documentTypes, d))
    .sort((a, b) => Number(isStillValid(b, now)) - Number(isStillValid(a, now)) || b.digitizedAt.localeCompare(a.digitizedAt));
}

/** A still-valid result in `docs` of one of the accepted types, or null. */
export function findValidResult<T extends WarehouseDocument>(docs: readonly T[], documentTypes: readonly string[], now: Date): T | null {
  return docs.find((d) => d.kind === 'result' && acceptsDocument(documentTypes, d) && isStillValid(d, now)) ?? null;
}

/**
 * Why scanning a component again is refused, or null when it may be scanned: a still-valid
 * result of an accepted type is already in the owner's warehouse.
 *
 * @example
 * rescanRefusal(ownerDocs, component.documentTypes, new Date()) // → 'Không được số hóa lại: …' | null
 */
export function rescanRefusal(docs: readonly WarehouseDocument[], documentTypes: readonly string[], now: Date): string | null {
  const found = findValidResult(docs, documentTypes, now);
  if (!found) return null;
  const number = found.number ? ` số ${found.number}` : '';
  return (
    `Không được số hóa lại: kết quả "${found.name}"${number} còn hiệu lực đã có trong kho dữ liệu điện tử ` +
    `của công dân. Hãy dùng "Lấy giấy tờ từ kho dữ liệu điện tử".`
  );
}
