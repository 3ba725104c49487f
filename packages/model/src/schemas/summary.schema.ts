import type { FromSchema } from 'json-schema-to-ts';
import { idField, nullableIsoDate, timestampMs } from './common.ts';

const count = { type: 'integer', minimum: 0, maximum: 50, multipleOf: 1 } as const;

/**
 * A dossier summary (bản tóm tắt hồ sơ): what the nation keeps of a province's dossier for national
 * statistics (Bộ chỉ số 766) — codes, status, channel, dates, fee, and per component only whether it
 * was digitized, reused and received on paper. No applicant, no content, no decision text, no file
 * ids, no owner: the person's record stays in the province.
 *
 * @remarks Written only by a province's replication (`summarizeDossier` of its stored dossier), never
 * edited; the id is the dossier's.
 */
export const summarySchema = {
  title: 'dossier summary',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    code: { type: ['string', 'null'], maxLength: 64 },
    agencyId: { type: 'string', maxLength: 64 },
    procedureId: { type: 'string', maxLength: 64 },
    procedureVersion: { type: 'string', maxLength: 32 },
    status: { type: 'integer', minimum: 0, maximum: 10, multipleOf: 1 },
    channel: { type: 'integer', enum: [1, 2, 3] },
    components: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: { type: 'string', maxLength: 64 },
          /** How many files were attached: digitized when at least one. */
          files: count,
          reused: { type: 'boolean' },
          paperReceived: { type: 'boolean' },
        },
        required: ['id', 'files', 'reused', 'paperReceived'],
      },
    },
    /** Files of the signed result; null while there is no result. */
    resultFiles: { type: ['integer', 'null'], minimum: 0, maximum: 20, multipleOf: 1 },
    fee: {
      type: 'object',
      additionalProperties: false,
      properties: {
        amount: { type: 'number', minimum: 0, maximum: 1e10 },
        paid: { type: 'string', enum: ['none', 'cash', 'online', 'pending'] },
      },
      required: ['amount', 'paid'],
    },
    submittedAt: nullableIsoDate,
    receivedAt: nullableIsoDate,
    dueAt: nullableIsoDate,
    finishedAt: nullableIsoDate,
    returnedAt: nullableIsoDate,
    /** The new date of an apology for lateness (`dueAt` keeps the first promise). */
    apologyDueAt: nullableIsoDate,
    /** The decision's kind (reject, supplement, stop, withdraw), without its reasons. */
    decisionKind: { type: ['string', 'null'], enum: ['reject', 'supplement', 'stop', 'withdraw', null] },
    rating: { type: ['string', 'null'], enum: ['rat_hai_long', 'hai_long', 'khong_hai_long', null] },
    updatedAt: timestampMs,
  },
  required: [
    'id', 'code', 'agencyId', 'procedureId', 'procedureVersion', 'status', 'channel', 'components',
    'resultFiles', 'fee', 'submittedAt', 'receivedAt', 'dueAt', 'finishedAt', 'returnedAt',
    'apologyDueAt', 'decisionKind', 'rating', 'updatedAt',
  ],
} as const;

export type DossierSummary = FromSchema<typeof summarySchema>;
