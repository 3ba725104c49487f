import type { FromSchema } from 'json-schema-to-ts';
import { idField, shortText, timestampMs } from './common.ts';

/** The agency directory (DonVi): the nation, provinces and communes. */
export const agencySchema = {
  title: 'agency',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    /** Mã định danh (QCVN 102:2016), e.g. `000.00.00.H34`. */
    id: idField,
    name: shortText,
    level: { type: 'string', enum: ['national', 'province', 'commune'] },
    parentId: { type: ['string', 'null'], maxLength: 64 },
    /** The agency part of its dossier codes, e.g. `H34.29.2` in `H34.29.2-230520-0001`. */
    dossierPrefix: { type: 'string', maxLength: 32 },
    /** Place name printed on slips: "Đắk La". */
    placeName: shortText,
    phone: { type: 'string', maxLength: 32 },
    updatedAt: timestampMs,
  },
  required: ['id', 'name', 'level', 'parentId', 'dossierPrefix', 'placeName', 'updatedAt'],
} as const;

export type Agency = FromSchema<typeof agencySchema>;
