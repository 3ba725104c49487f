import type { FromSchema } from 'json-schema-to-ts';
import { nullableIsoDate } from './common.ts';
import { dossierSchema } from './dossier.schema.ts';

/** The fields a summary shares with its dossier are the dossier's own definitions. */
const dossier = dossierSchema.properties;

const count = { type: 'integer', minimum: 0, maximum: dossier.components.items.properties.fileIds.maxItems, multipleOf: 1 } as const;

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
    id: dossier.id,
    code: dossier.code,
    agencyId: dossier.agencyId,
    procedureId: dossier.procedureId,
    procedureVersion: dossier.procedureVersion,
    status: dossier.status,
    channel: dossier.channel,
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
    resultFiles: { type: ['integer', 'null'], minimum: 0, maximum: dossier.result.properties.fileIds.maxItems, multipleOf: 1 },
    fee: dossier.fee,
    submittedAt: dossier.submittedAt,
    receivedAt: dossier.receivedAt,
    dueAt: dossier.dueAt,
    finishedAt: dossier.finishedAt,
    returnedAt: dossier.returnedAt,
    /** The new date of an apology for lateness (`dueAt` keeps the first promise). */
    apologyDueAt: nullableIsoDate,
    /** The decision's kind (reject, supplement, stop, withdraw), without its reasons. */
    decisionKind: { type: ['string', 'null'], enum: ['reject', 'supplement', 'stop', 'withdraw', null] },
    rating: { type: ['string', 'null'], enum: ['rat_hai_long', 'hai_long', 'khong_hai_long', null] },
    updatedAt: dossier.updatedAt,
  },
  required: [
    'id', 'code', 'agencyId', 'procedureId', 'procedureVersion', 'status', 'channel', 'components',
    'resultFiles', 'fee', 'submittedAt', 'receivedAt', 'dueAt', 'finishedAt', 'returnedAt',
    'apologyDueAt', 'decisionKind', 'rating', 'updatedAt',
  ],
} as const;

export type DossierSummary = FromSchema<typeof summarySchema>;
