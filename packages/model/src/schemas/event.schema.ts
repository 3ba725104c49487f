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
  version: 1,
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
