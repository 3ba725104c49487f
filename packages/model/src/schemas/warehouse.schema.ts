import type { FromSchema } from 'json-schema-to-ts';
import { cccdField, idField, isoDate, nullableIsoDate, shortText, timestampMs } from './common.ts';

/**
 * A document in the citizen's electronic warehouse (kho dữ liệu điện tử), with the metadata of the
 * 2023 digitization rules: the system fills type, owner, name, issue date and issuer; the officer
 * fills number/symbol, validity and scope.
 */
export const warehouseSchema = {
  title: 'warehouse document',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    ownerCccd: cccdField,
    docTypeCode: { type: 'string', maxLength: 64 },
    name: shortText,
    issuedAt: nullableIsoDate,
    issuer: shortText,
    number: { type: 'string', maxLength: 100 },
    validUntil: nullableIsoDate,
    permanent: { type: 'boolean' },
    validScope: shortText,
    /** `component`: a digitized paper the citizen brought; `result`: a signed result. */
    kind: { type: 'string', enum: ['component', 'result'] },
    fileId: { type: 'string', maxLength: 64 },
    sourceDossierId: { type: ['string', 'null'], maxLength: 64 },
    procedureId: { type: ['string', 'null'], maxLength: 64 },
    agencyId: { type: 'string', maxLength: 64 },
    digitizedBy: shortText,
    digitizedAt: isoDate,
    updatedAt: timestampMs,
  },
  required: [
    'id', 'ownerCccd', 'docTypeCode', 'name', 'issuedAt', 'issuer', 'number', 'validUntil', 'permanent',
    'validScope', 'kind', 'fileId', 'sourceDossierId', 'procedureId', 'agencyId', 'digitizedBy',
    'digitizedAt', 'updatedAt',
  ],
} as const;

export type WarehouseDocument = FromSchema<typeof warehouseSchema>;
