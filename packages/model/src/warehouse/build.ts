/**
 * @module warehouse/build — the metadata of a document saved to the warehouse ("Lưu vào kho dữ liệu
 * điện tử"): what the system fills from the dossier, and the checks on what the officer enters.
 */
import { isIsoDate } from '../calendar/vn-time.ts';
import { ModelError } from '../errors.ts';
import { foldVietnamese } from '../text/search.ts';
import type { Dossier, DossierComponent } from '../schemas/dossier.schema.ts';
import type { ProcedureComponent } from '../schemas/procedure.schema.ts';
import type { WarehouseDocument } from '../schemas/warehouse.schema.ts';

/** A field the officer must correct; `field` names the input. */
export class WarehouseInputError extends ModelError {
  readonly field: string;
  constructor(field: string, message: string) {
    super('warehouse_input', message, { field });
    this.name = 'WarehouseInputError';
    this.field = field;
  }
}

/** The fields the dialog shows; the first five are proposed by the system and may be corrected. */
export interface WarehouseForm {
  docTypeCode: string;
  ownerCccd: string;
  name: string;
  /** `YYYY-MM-DD` or empty. */
  issuedAt: string;
  issuer: string;
  number: string;
  /** `YYYY-MM-DD` or empty (with `permanent`). */
  validUntil: string;
  permanent: boolean;
  validScope: string;
}

/** What the system proposes for a dossier component (or its result, with `kind: 'result'`). */
export function proposeWarehouseForm(input: {
  dossier: Pick<Dossier, 'ownerCccd'>;
  component: Pick<DossierComponent, 'name'>;
  template: Pick<ProcedureComponent, 'documentTypes' | 'id'> | null;
  issuer?: string;
}): WarehouseForm {
  return {
    docTypeCode: input.template?.documentTypes[0] ?? input.template?.id ?? 'khac',
    ownerCccd: input.dossier.ownerCccd,
    name: input.component.name,
    issuedAt: '',
    issuer: input.issuer ?? '',
    number: '',
    validUntil: '',
    permanent: true,
    validScope: 'Toàn quốc',
  };
}

/**
 * The document type code of a procedure's result, from its name without the parenthesised note:
 * "Giấy khai sinh (bản chính)" → `giay-khai-sinh` (the code components of other procedures accept).
 */
export function resultDocTypeCode(resultName: string): string {
  return foldVietnamese(resultName.replace(/\(.*?\)/g, ' ')).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'ket-qua';
}

/** What the system proposes for a dossier's result. */
export function proposeResultForm(input: {
  dossier: Pick<Dossier, 'ownerCccd' | 'result'>;
  resultName: string;
  issuer: string;
}): WarehouseForm {
  return {
    docTypeCode: resultDocTypeCode(input.resultName),
    ownerCccd: input.dossier.ownerCccd,
    name: input.dossier.result?.name || input.resultName,
    issuedAt: input.dossier.result?.issuedAt?.slice(0, 10) ?? '',
    issuer: input.issuer,
    number: input.dossier.result?.number ?? '',
    validUntil: '',
    permanent: true,
    validScope: 'Toàn quốc',
  };
}

/** Checks the form; throws `WarehouseInputError` on the first wrong field. */
export function checkWarehouseForm(form: WarehouseForm): void {
  if (!form.docTypeCode.trim()) throw new WarehouseInputError('docTypeCode', 'Vui lòng nhập mã loại giấy tờ.');
  if (!/^[0-9]{12}$/.test(form.ownerCccd)) throw new WarehouseInputError('ownerCccd', 'Số định danh của chủ giấy tờ phải có 12 chữ số.');
  if (!form.name.trim()) throw new WarehouseInputError('name', 'Vui lòng nhập tên giấy tờ.');
  if (form.issuedAt && !isIsoDate(form.issuedAt)) throw new WarehouseInputError('issuedAt', 'Ngày cấp không hợp lệ.');
  if (!form.number.trim()) throw new WarehouseInputError('number', 'Vui lòng nhập số, ký hiệu của giấy tờ.');
  if (!form.permanent) {
    if (!form.validUntil || !isIsoDate(form.validUntil)) {
      throw new WarehouseInputError('validUntil', 'Vui lòng nhập thời hạn hiệu lực, hoặc chọn "Vĩnh viễn".');
    }
    if (form.issuedAt && form.validUntil < form.issuedAt) {
      throw new WarehouseInputError('validUntil', 'Thời hạn hiệu lực phải sau ngày cấp.');
    }
  }
  if (!form.validScope.trim()) throw new WarehouseInputError('validScope', 'Vui lòng nhập phạm vi hiệu lực.');
}

/** Builds the `warehouse` document from a checked form and who digitized it when. */
export function buildWarehouseDocument(
  form: WarehouseForm,
  source: {
    id: string;
    kind: WarehouseDocument['kind'];
    fileId: string;
    dossier: Pick<Dossier, 'id' | 'procedureId'> | null;
    agencyId: string;
    digitizedBy: string;
    now: Date;
  },
): WarehouseDocument {
  checkWarehouseForm(form);
  return {
    id: source.id,
    ownerCccd: form.ownerCccd,
    docTypeCode: form.docTypeCode.trim(),
    name: form.name.trim(),
    issuedAt: form.issuedAt || null,
    issuer: form.issuer.trim(),
    number: form.number.trim(),
    validUntil: form.permanent ? null : form.validUntil,
    permanent: form.permanent,
    validScope: form.validScope.trim(),
    kind: source.kind,
    fileId: source.fileId,
    sourceDossierId: source.dossier?.id ?? null,
    procedureId: source.dossier?.procedureId ?? null,
    agencyId: source.agencyId,
    digitizedBy: source.digitizedBy,
    digitizedAt: source.now.toISOString(),
    updatedAt: source.now.getTime(),
  };
}
