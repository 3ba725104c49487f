import type { FromSchema } from 'json-schema-to-ts';
import { idField, isoDate, longText, shortText, timestampMs } from './common.ts';

/** The procedure catalog (ThuTuc): versioned configuration, read-only except for an admin. */
export const procedureSchema = {
  title: 'procedure',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    /** Localized mã TTHC, e.g. `1.001193.000.00.00.H34`. */
    id: idField,
    nationalCode: { type: 'string', maxLength: 16 },
    name: shortText,
    field: {
      type: 'object',
      additionalProperties: false,
      properties: { code: { type: 'string', maxLength: 32 }, name: shortText },
      required: ['code', 'name'],
    },
    /** Online service level: toàn trình or một phần. */
    level: { type: 'string', enum: ['toan_trinh', 'mot_phan'] },
    /** Agency ids that perform it; empty = every commune. */
    agencyIds: { type: 'array', items: { type: 'string', maxLength: 64 } },
    timeLimit: {
      type: 'object',
      additionalProperties: false,
      properties: {
        value: { type: 'number', minimum: 0, maximum: 365 },
        unit: { type: 'string', enum: ['working_days', 'hours', 'same_day'] },
      },
      required: ['value', 'unit'],
    },
    fees: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: shortText,
          kind: { type: 'string', enum: ['phi', 'le_phi'] },
          amount: { type: 'number', minimum: 0, maximum: 1e9 },
          per: { type: 'string', enum: ['case', 'copy', 'page'] },
          channel: { type: 'string', enum: ['any', 'online', 'direct'] },
          note: shortText,
        },
        required: ['name', 'kind', 'amount', 'per', 'channel'],
      },
    },
    components: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: { type: 'string', maxLength: 64 },
          name: shortText,
          originals: { type: 'number', minimum: 0, maximum: 99 },
          copies: { type: 'number', minimum: 0, maximum: 99 },
          /** Document type codes (maLoaiGiayTo) a warehouse document may have to fill this slot. */
          documentTypes: { type: 'array', items: { type: 'string', maxLength: 64 } },
          required: { type: 'boolean' },
          note: shortText,
        },
        required: ['id', 'name', 'originals', 'copies', 'documentTypes', 'required'],
      },
    },
    resultName: shortText,
    paperResultRequired: { type: 'boolean' },
    workflow: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: { type: 'string', maxLength: 64 },
          name: shortText,
          role: { type: 'string', enum: ['receptionist', 'specialist', 'leader'] },
          /** Share of the time limit, in working hours. */
          hours: { type: 'number', minimum: 0, maximum: 2920 },
        },
        required: ['id', 'name', 'role', 'hours'],
      },
    },
    legalBasis: longText,
    version: { type: 'string', maxLength: 32 },
    effectiveFrom: isoDate,
    updatedAt: timestampMs,
  },
  required: [
    'id', 'nationalCode', 'name', 'field', 'level', 'agencyIds', 'timeLimit', 'fees', 'components',
    'resultName', 'paperResultRequired', 'workflow', 'legalBasis', 'version', 'effectiveFrom', 'updatedAt',
  ],
} as const;

export type Procedure = FromSchema<typeof procedureSchema>;
export type ProcedureComponent = Procedure['components'][number];
export type ProcedureFee = Procedure['fees'][number];
export type WorkflowStep = Procedure['workflow'][number];
