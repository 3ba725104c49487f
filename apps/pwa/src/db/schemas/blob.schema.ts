import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';

/**
 * Local-only file bytes, keyed by their SHA-256 (content addressed), never replicated.
 *
 * @remarks The bytes are the `data` attachment of the document. `state` says why they are here:
 * `pending` waits for upload, `uploaded` was sent by this device, `cached` was downloaded,
 * `rejected` was refused by the server for good (see `error`).
 */
const blobSchemaLiteral = {
  title: 'blob',
  version: 0,
  primaryKey: 'sha256',
  type: 'object',
  additionalProperties: false,
  properties: {
    sha256: { type: 'string', maxLength: 64, pattern: '^[0-9a-f]{64}$' },
    name: { type: 'string', minLength: 1, maxLength: 255 },
    mime: { type: 'string', maxLength: 100 },
    size: { type: 'integer', minimum: 0, maximum: 52428800 },
    state: { type: 'string', enum: ['pending', 'uploaded', 'cached', 'rejected'], maxLength: 16 },
    error: { type: ['string', 'null'], maxLength: 500 },
    createdAt: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
  },
  required: ['sha256', 'name', 'mime', 'size', 'state', 'error', 'createdAt'],
  indexes: ['state'],
  attachments: {},
} as const;

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- only its type is read: RxDB derives the row type from a typed schema value
const typedBlobSchema = toTypedRxJsonSchema(blobSchemaLiteral);

/** A row of the local `blobs` collection. */
export type BlobEntry = ExtractDocumentTypeFromTypedRxJsonSchema<typeof typedBlobSchema>;
export type BlobState = BlobEntry['state'];

export const blobSchema: RxJsonSchema<BlobEntry> = blobSchemaLiteral;

/** The attachment id under which a blob document keeps its bytes. */
export const BLOB_ATTACHMENT_ID = 'data';
