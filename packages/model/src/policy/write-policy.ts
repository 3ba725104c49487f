/**
 * @module policy/write-policy — who may write which field of the collections written as documents:
 * every collection but dossiers and their history, which change only by actions. Deny by default:
 * a writer or a field the table does not name is refused; what a rule leaves to the server's own
 * data (the agency tree, the owner's dossiers, the bytes a file names) is named as a condition.
 */
import type { SessionUser } from '../auth/user.ts';
import { canonicalJson } from '../canonical-json.ts';
import { collectionSchemas, type CollectionName } from '../schemas/index.ts';

/** The collections pushed as documents. */
export type DocumentCollection = Exclude<CollectionName, 'dossiers' | 'events'>;

/** Who writes: a person by role, or a tier's replication relaying what its own server took in. */
export type Writer = SessionUser['role'] | 'tier';

/** What the server checks with its own data before it takes a write the fields allow. */
export type WriteCondition =
  /** Agencies and procedures inside the writer's agency tree, before and after (`catalog-policy.ts`). */
  | 'catalog-tree'
  /** The owner has a (non-draft) dossier at an agency the writer acts for. */
  | 'owner-dossier-here'
  /** The bytes named are the writer's upload, or bytes they may read already. */
  | 'file-claim';

/** Which of the writer's own facts a field must carry: set from the token, never chosen. */
export type WriterFact = 'id' | 'fullName' | 'agencyId';

export interface WriteRule {
  writers: readonly Writer[];
  create: boolean;
  /** The fields a stored document may change; every other is fixed once created. */
  change: readonly string[];
  delete: boolean;
  conditions: readonly WriteCondition[];
  /** On a new document, fields that must name the writer. */
  writerFields?: Readonly<Record<string, WriterFact>>;
}

const fieldsOf = (collection: DocumentCollection) => Object.keys(collectionSchemas[collection].properties);
/** Every field but the id and the owner: a tier relays what its server decided, never a new owner. */
const relayed = (collection: DocumentCollection) => fieldsOf(collection).filter((f) => f !== 'id' && f !== 'ownerCccd');
const tierRelay = (collection: DocumentCollection): WriteRule => ({
  writers: ['tier'], create: true, change: relayed(collection), delete: true, conditions: [],
});
const catalog = (collection: DocumentCollection): WriteRule => ({
  writers: ['admin'], create: true, change: fieldsOf(collection).filter((f) => f !== 'id'), delete: true, conditions: ['catalog-tree'],
});

export const WRITE_POLICY: Readonly<Record<DocumentCollection, readonly WriteRule[]>> = {
  // The catalog comes down from the tier above; below, an administrator keeps their own tree.
  agencies: [catalog('agencies')],
  procedures: [catalog('procedures')],
  // "Lưu vào kho dữ liệu điện tử": an officer of an agency the citizen has a dossier at; the
  // officer corrects the metadata they fill (number, validity, scope), never whose or which paper.
  warehouse: [
    {
      writers: ['receptionist', 'specialist', 'leader'],
      create: true,
      change: ['docTypeCode', 'name', 'issuedAt', 'issuer', 'number', 'validUntil', 'permanent', 'validScope', 'updatedAt'],
      delete: false,
      conditions: ['owner-dossier-here'],
      writerFields: { digitizedBy: 'fullName', agencyId: 'agencyId' },
    },
    tierRelay('warehouse'),
  ],
  // Anyone in scope describes bytes they uploaded or may read; once stored, only its name changes.
  files: [
    {
      writers: ['citizen', 'receptionist', 'specialist', 'leader', 'admin'],
      create: true,
      change: ['name', 'updatedAt'],
      delete: false,
      conditions: ['file-claim'],
      writerFields: { uploadedBy: 'id' },
    },
    tierRelay('files'),
  ],
  // The nation's statistics: only a province's replication writes them.
  summaries: [tierRelay('summaries')],
};

export type WriteRefusalCode = 'catalog_readonly' | 'summary_readonly' | 'collection_readonly' | 'create_refused' | 'delete_refused' | 'field_immutable' | 'owner_immutable' | 'writer_mismatch';

export interface WriteRefusal {
  code: WriteRefusalCode;
  message: string;
}

const READONLY_CODE: Partial<Record<DocumentCollection, WriteRefusalCode>> = {
  agencies: 'catalog_readonly', procedures: 'catalog_readonly', summaries: 'summary_readonly',
};

export interface WriterOf {
  kind: Writer;
  user: Pick<SessionUser, 'id' | 'fullName' | 'agencyId'>;
}

type Data = Record<string, unknown>;

/** The rule `writer` writes `collection` by, or null when the table gives them none. */
export function writeRuleOf(collection: DocumentCollection, writer: Writer): WriteRule | null {
  return WRITE_POLICY[collection].find((rule) => rule.writers.includes(writer)) ?? null;
}

// By canonical JSON: a stored document's nested keys may come back in another order than pushed.
const same = (a: unknown, b: unknown) => a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));

/**
 * Why the table refuses `writer` writing `next` over `stored` (null: a new document), or the
 * conditions the server must still check with its own data. `deleted`: the write deletes it.
 */
export function checkWriteFields(
  collection: DocumentCollection, writer: WriterOf, next: Data, stored: Data | null, deleted: boolean,
): { refusal: WriteRefusal } | { conditions: readonly WriteCondition[] } {
  const rule = writeRuleOf(collection, writer.kind);
  const refuse = (code: WriteRefusalCode, message: string) => ({ refusal: { code, message } });
  if (!rule) return refuse(READONLY_CODE[collection] ?? 'collection_readonly', `Vai trò này không được ghi tập dữ liệu "${collection}".`);
  if (deleted) return rule.delete ? { conditions: rule.conditions } : refuse('delete_refused', `Không được xóa tài liệu "${String(next.id)}".`);
  if (!stored) {
    if (!rule.create) return refuse('create_refused', `Không được tạo tài liệu trong "${collection}".`);
    for (const [field, fact] of Object.entries(rule.writerFields ?? {})) {
      if (next[field] !== writer.user[fact]) return refuse('writer_mismatch', `Trường "${field}" phải là của chính người ghi.`);
    }
    return { conditions: rule.conditions };
  }
  for (const field of new Set([...Object.keys(next), ...Object.keys(stored)])) {
    if (rule.change.includes(field) || same(next[field], stored[field])) continue;
    return field === 'ownerCccd'
      ? refuse('owner_immutable', `Không được đổi chủ hồ sơ của tài liệu "${String(next.id)}".`)
      : refuse('field_immutable', `Không được sửa trường "${field}" của tài liệu "${String(next.id)}".`);
  }
  return { conditions: rule.conditions };
}
