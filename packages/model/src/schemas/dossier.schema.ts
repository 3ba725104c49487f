import type { FromSchema } from 'json-schema-to-ts';
import { cccdField, idField, isoDate, longText, nullableIsoDate, shortText, timestampMs } from './common.ts';

const component = {
  type: 'object',
  additionalProperties: false,
  properties: {
    /** The procedure component template id this slot fills. */
    id: { type: 'string', maxLength: 64 },
    name: shortText,
    originals: { type: 'number', minimum: 0, maximum: 99 },
    copies: { type: 'number', minimum: 0, maximum: 99 },
    /** Ids of `files` documents attached to this slot. */
    fileIds: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 64 } },
    /** The warehouse document used for this slot, when taken from the kho. */
    warehouseDocId: { type: ['string', 'null'], maxLength: 64 },
    /** Reused from the warehouse rather than scanned again (tái sử dụng). */
    reused: { type: 'boolean' },
    paperReceived: { type: 'boolean' },
  },
  required: ['id', 'name', 'originals', 'copies', 'fileIds', 'warehouseDocId', 'reused', 'paperReceived'],
} as const;

const applicant = {
  type: 'object',
  additionalProperties: false,
  properties: {
    cccd: cccdField,
    fullName: { type: 'string', minLength: 1, maxLength: 200 },
    birthDate: isoDate,
    gender: { type: 'string', enum: ['nam', 'nu', 'khac'] },
    phone: { type: 'string', maxLength: 32 },
    email: { type: 'string', maxLength: 200 },
    address: shortText,
  },
  required: ['cccd', 'fullName', 'birthDate', 'phone', 'email', 'address'],
} as const;

/**
 * A dossier (hồ sơ): one case an applicant submits, with its components inline so that one
 * document carries everything an officer edits together.
 *
 * @remarks `status` is the national DVCQG code (domain.md §4), with 0 for a citizen's draft.
 * `ownerCccd` is the citizen account that may see it; `agencyId` is the agency that handles it.
 */
export const dossierSchema = {
  title: 'dossier',
  version: 4,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    /** Mã hồ sơ, issued at reception; null until then. */
    code: { type: ['string', 'null'], maxLength: 64 },
    agencyId: { type: 'string', maxLength: 64 },
    ownerCccd: cccdField,
    procedureId: { type: 'string', maxLength: 64 },
    procedureVersion: { type: 'string', maxLength: 32 },
    status: { type: 'integer', minimum: 0, maximum: 10, multipleOf: 1 },
    /** Kênh thực hiện: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích. */
    channel: { type: 'integer', enum: [1, 2, 3] },
    applicant,
    summary: shortText,
    components: { type: 'array', maxItems: 50, items: component },
    returnMethod: { type: 'string', enum: ['desk', 'post', 'online'] },
    notify: {
      type: 'object',
      additionalProperties: false,
      properties: { sms: { type: 'boolean' }, email: { type: 'boolean' }, zalo: { type: 'boolean' } },
      required: ['sms', 'email', 'zalo'],
    },
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
    /** Ngày hẹn trả: the promised return date, from working days. */
    dueAt: nullableIsoDate,
    finishedAt: nullableIsoDate,
    returnedAt: nullableIsoDate,
    /** The last officer decision that needs words: rejection, supplement request, stop. */
    decision: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        kind: { type: 'string', enum: ['reject', 'supplement', 'stop', 'withdraw'] },
        reason: longText,
        items: { type: 'array', maxItems: 50, items: shortText },
        at: isoDate,
        by: shortText,
      },
      required: ['kind', 'reason', 'items', 'at', 'by'],
    },
    /** The status to resume when a supplement request is answered (TrangThaiTruoc). */
    previousStatus: { type: ['integer', 'null'], minimum: 0, maximum: 10 },
    /** A code issued offline before the device could get a final one; kept on the slip beside it. */
    provisionalCode: { type: ['string', 'null'], maxLength: 64 },
    /** How the applicant's identity was checked at reception. */
    identityCheck: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        source: { type: 'string', enum: ['population_registry', 'vneid', 'card_qr', 'card_visual'] },
        at: isoDate,
        by: shortText,
      },
      required: ['source', 'at', 'by'],
    },
    /** The result (kết quả giải quyết): signed file, number/symbol, signer. */
    result: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        name: shortText,
        fileIds: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 64 } },
        number: { type: 'string', maxLength: 100 },
        signedBy: shortText,
        issuedAt: nullableIsoDate,
        warehouseDocId: { type: ['string', 'null'], maxLength: 64 },
      },
      required: ['name', 'fileIds', 'number', 'signedBy', 'issuedAt', 'warehouseDocId'],
    },
    /** Apology for a late result with a new date; `dueAt` keeps the first promise for the metrics. */
    apology: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: { reason: longText, newDueAt: isoDate, at: isoDate, by: shortText },
      required: ['reason', 'newDueAt', 'at', 'by'],
    },
    /** The citizen's satisfaction rating after the result is returned. */
    rating: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        level: { type: 'string', enum: ['rat_hai_long', 'hai_long', 'khong_hai_long'] },
        comment: longText,
        at: isoDate,
      },
      required: ['level', 'comment', 'at'],
    },
    /** Index of the procedure workflow step the dossier is at, -1 before processing. */
    stepIndex: { type: 'integer', minimum: -1, maximum: 99 },
    assigneeId: { type: ['string', 'null'], maxLength: 64 },
    /**
     * Actions the server could not apply (someone moved the dossier first, or the actor may not do it
     * now): the refused event, why, who and what; kept for an officer to re-apply or set aside.
     */
    conflicts: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          eventId: { type: 'string', maxLength: 64 },
          note: shortText,
          /** The refused action's type and its author, for the list. */
          action: { type: 'string', maxLength: 32 },
          by: shortText,
          at: isoDate,
        },
        required: ['eventId', 'note'],
      },
    },
    /**
     * The last action of each device the server has taken in on this dossier (applied or refused):
     * a device re-applies on the server's projection only its own actions after its head.
     */
    heads: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { deviceId: { type: 'string', maxLength: 64 }, seq: { type: 'integer', minimum: 1, maximum: 1e12 } },
        required: ['deviceId', 'seq'],
      },
    },
    /**
     * The editable content (applicant, summary, components, returnMethod, notify) as an Automerge
     * document: its changes, canonical and base64 (see `dossier/content.ts`). The plain fields are its
     * projection. Absent on dossiers written before schema version 2; seeded deterministically.
     */
    content: { type: 'string', maxLength: 349_528 },
    createdAt: isoDate,
    updatedAt: timestampMs,
    updatedBy: { type: 'string', maxLength: 64 },
  },
  required: [
    'id', 'code', 'agencyId', 'ownerCccd', 'procedureId', 'procedureVersion', 'status', 'channel',
    'applicant', 'summary', 'components', 'returnMethod', 'notify', 'fee', 'submittedAt', 'receivedAt',
    'dueAt', 'finishedAt', 'returnedAt', 'decision', 'previousStatus', 'provisionalCode', 'identityCheck',
    'result', 'apology', 'rating', 'stepIndex', 'assigneeId', 'conflicts', 'createdAt',
    'updatedAt', 'updatedBy',
  ],
  // Not `ownerCccd`: devices keep it encrypted (a citizen's device holds only their own dossiers).
  indexes: ['status'],
} as const;

export type Dossier = FromSchema<typeof dossierSchema>;
export type DossierComponent = Dossier['components'][number];
export type Applicant = Dossier['applicant'];

/** The fields schema version 1 added, at their empty values: for new drafts and for migrating v0. */
export const DOSSIER_V1_FIELDS = {
  previousStatus: null,
  provisionalCode: null,
  identityCheck: null,
  result: null,
  apology: null,
  rating: null,
} as const satisfies Partial<Dossier>;
