import type { FromSchema } from 'json-schema-to-ts';
import { cccdField, idField, isoDate, timestampMs } from './common.ts';

/**
 * Metadata of an uploaded file. The bytes live in the content-addressed blob store under `sha256`;
 * this document says who may read them.
 */
export const fileSchema = {
  title: 'file',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    sha256: { type: 'string', maxLength: 64, pattern: '^[0-9a-f]{64}$' },
    name: { type: 'string', minLength: 1, maxLength: 255 },
    mime: { type: 'string', enum: ['application/pdf', 'image/jpeg', 'image/png'] },
    size: { type: 'integer', minimum: 1, maximum: 52428800 },
    ownerCccd: cccdField,
    agencyId: { type: 'string', maxLength: 64 },
    dossierId: { type: ['string', 'null'], maxLength: 64 },
    uploadedBy: { type: 'string', maxLength: 64 },
    createdAt: isoDate,
    updatedAt: timestampMs,
  },
  required: [
    'id', 'sha256', 'name', 'mime', 'size', 'ownerCccd', 'agencyId', 'dossierId', 'uploadedBy',
    'createdAt', 'updatedAt',
  ],
} as const;

export type FileMeta = FromSchema<typeof fileSchema>;

/** Largest file accepted, in bytes (the provincial systems' 50 MB). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
