import type { FromSchema } from 'json-schema-to-ts';
import { cccdField, idField, isoDate, longText } from './common.ts';

/**
 * One entry of a dossier's append-only history (QuaTrinhXuLyHoSo). Never edited once written.
 *
 * @remarks Events chain by hash per device: `prevHash` is the `hash` of the same device's previous
 * event, so a missing or altered event is detectable. `type` is versioned (`v1.DossierReceived`).
 */
export const eventSchema = {
  title: 'event',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    dossierId: { type: 'string', maxLength: 64 },
    agencyId: { type: 'string', maxLength: 64 },
    ownerCccd: cccdField,
    type: { type: 'string', maxLength: 64, pattern: '^v[0-9]+\\.[A-Za-z]+$' },
    fromStatus: { type: 'integer', minimum: 0, maximum: 10 },
    toStatus: { type: 'integer', minimum: 0, maximum: 10 },
    actor: {
      type: 'object',
      additionalProperties: false,
      properties: {
        userId: { type: 'string', maxLength: 64 },
        name: { type: 'string', maxLength: 200 },
        role: { type: 'string', enum: ['citizen', 'receptionist', 'specialist', 'leader', 'admin', 'system'] },
      },
      required: ['userId', 'name', 'role'],
    },
    deviceId: { type: 'string', maxLength: 64 },
    /** Position of this event in its device's chain, from 1. */
    deviceSeq: { type: 'integer', minimum: 1, maximum: 1e12 },
    at: isoDate,
    comment: longText,
    data: { type: 'object' },
    /**
     * The action this event asks for, as the device made it (see `WireAction`); the server applies it
     * with the actor of the token. Absent on events from before actions were the write path.
     */
    action: {
      type: 'object',
      properties: {
        type: { type: 'string', maxLength: 32 },
        changes: { type: 'array', maxItems: 8, items: { type: 'string', maxLength: 349_528 } },
      },
      required: ['type'],
    },
    /**
     * What the server made of the action, written by the server alone and outside the hash: applied
     * (with the statuses it really moved between) or refused (with the reason).
     */
    outcome: {
      type: 'object',
      additionalProperties: false,
      properties: {
        status: { type: 'string', enum: ['applied', 'refused'] },
        reason: longText,
        code: { type: 'string', maxLength: 64 },
        fromStatus: { type: 'integer', minimum: 0, maximum: 10 },
        toStatus: { type: 'integer', minimum: 0, maximum: 10 },
        at: isoDate,
      },
      required: ['status', 'reason', 'code', 'fromStatus', 'toStatus', 'at'],
    },
    prevHash: { type: ['string', 'null'], maxLength: 64 },
    hash: { type: 'string', maxLength: 64, pattern: '^[0-9a-f]{64}$' },
  },
  required: [
    'id', 'dossierId', 'agencyId', 'ownerCccd', 'type', 'fromStatus', 'toStatus', 'actor', 'deviceId',
    'deviceSeq', 'at', 'comment', 'data', 'prevHash', 'hash',
  ],
} as const;

export type DossierEvent = FromSchema<typeof eventSchema>;
export type Actor = DossierEvent['actor'];
export type Role = Actor['role'];
