/**
 * The `SyncStore` port: everything the server keeps, as small interfaces. Two adapters implement it
 * over one PostgreSQL schema (`migrations.ts`): PGlite embedded and a PostgreSQL server.
 */
import type { CollectionName, SessionUser } from '@motcua/model';
import type { OutboxStore } from '../notify/outbox-store.ts';
import type { CodeTx } from '../codes/code-tx.ts';

/** A replicated document as stored: its JSON plus the server-stamped order `seq`. */
export interface StoredDocument {
  collection: CollectionName;
  id: string;
  data: Record<string, unknown>;
  deleted: boolean;
  seq: number;
}

/** What a write puts down; the scope columns are derived from `data` by the caller. */
export interface DocumentWrite {
  id: string;
  data: Record<string, unknown>;
  deleted: boolean;
  ownerCccd: string | null;
  agencyId: string | null;
  /** Citizen drafts: never shown to officers. */
  draft: boolean;
}

/** Which documents a reader may see, as the store filters them in SQL. */
export type ScopeFilter =
  | { kind: 'all' }
  | { kind: 'owner'; cccd: string }
  | { kind: 'agencies'; agencyIds: string[]; hideDrafts: boolean }
  | { kind: 'none' };

/** The writes of one push, serialized so that `seq` order is commit order. */
export interface DocumentTx {
  /** Reads (and locks) the current documents with these ids. */
  lock(collection: CollectionName, ids: string[]): Promise<Map<string, StoredDocument>>;
  get(collection: CollectionName, id: string): Promise<StoredDocument | null>;
  /** Inserts or replaces a document with a fresh `seq`; returns it. */
  put(collection: CollectionName, doc: DocumentWrite): Promise<number>;
  /** The next value of an agency's daily dossier counter (1, 2, …) for `day` (YYMMDD). */
  nextDailySeq(agencyId: string, day: string): Promise<number>;
  /** Leased dossier codes (see `codes/`). */
  codes: CodeTx;
}

export interface DocumentStore {
  /** Documents after `afterSeq` in `seq` order, filtered by scope. */
  pull(collection: CollectionName, scope: ScopeFilter, afterSeq: number, limit: number): Promise<StoredDocument[]>;
  /** Documents before `beforeSeq`, newest first, filtered by scope. */
  pullBefore(collection: CollectionName, scope: ScopeFilter, beforeSeq: number, limit: number): Promise<StoredDocument[]>;
  get(collection: CollectionName, id: string): Promise<StoredDocument | null>;
  /** The highest `seq` handed out so far (0 when empty). */
  maxSeq(): Promise<number>;
  /**
   * True when a `files` document with this sha256 is visible in `scope` and vouched for: its
   * `uploadedBy` uploaded the bytes, or it was written when the server had them (the push checked then).
   */
  fileVisible(sha256: string, scope: ScopeFilter): Promise<boolean>;
  write<T>(fn: (tx: DocumentTx) => Promise<T>): Promise<T>;
  /**
   * Calls `listener` when another server process on the same database has committed documents of a
   * collection (this process's own writes are not reported: it knows them already).
   */
  watch(listener: (collection: CollectionName) => void): Promise<() => Promise<void>>;
}

export interface UserRecord extends SessionUser {
  passwordHash: string;
  disabled: boolean;
  /** Citizens' self-registration details (migration 8); absent for older accounts. */
  birthDate?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface UserStore {
  create(user: UserRecord): Promise<void>;
  byUsername(username: string): Promise<UserRecord | null>;
  byId(id: string): Promise<UserRecord | null>;
  count(): Promise<number>;
}

export type RefreshTokenUse =
  | { status: 'ok'; userId: string; familyId: string; deviceId: string | null }
  | { status: 'reused'; userId: string; familyId: string }
  | { status: 'expired' | 'unknown' };

export interface RefreshTokenStore {
  insert(token: { tokenHash: string; userId: string; familyId: string; expiresAt: Date; deviceId?: string | null }): Promise<void>;
  /** Marks the token used, once: a second use reports `reused` (the caller revokes the family). */
  use(tokenHash: string): Promise<RefreshTokenUse>;
  revokeFamily(familyId: string): Promise<void>;
  familyOf(tokenHash: string): Promise<string | null>;
  /** True once the family was revoked (signed out, reused, or every session of the user ended). */
  isFamilyRevoked(familyId: string): Promise<boolean>;
}

export interface BlobRecord {
  sha256: string;
  size: number;
  mime: string;
}

export interface BlobStore {
  /** Records the blob (idempotent) and that `userId` uploaded it under `name`. */
  put(blob: BlobRecord, uploader: { userId: string; name: string }): Promise<void>;
  get(sha256: string): Promise<BlobRecord | null>;
  uploadedBy(sha256: string, userId: string): Promise<boolean>;
  /** The name an uploader gave the bytes, for Content-Disposition. */
  nameFor(sha256: string): Promise<string | null>;
}

export interface MetaStore {
  get(key: string): Promise<string | null>;
  /** Stores `value` unless the key exists; returns what is stored (race-safe). */
  getOrSet(key: string, value: string): Promise<string>;
  set(key: string, value: string): Promise<void>;
}

/** One audited read of someone else's data. */
export interface AuditEntry {
  userId: string;
  action: string;
  subject: string;
}

/** Cross-agency reads of the citizen's warehouse (see `sql-warehouse.ts`). */
export interface WarehouseStore {
  /** True when the citizen has a non-draft dossier at one of the agencies. */
  ownerHasDossierAt(cccd: string, agencyIds: string[]): Promise<boolean>;
  /** The citizen's warehouse documents and the `files` documents they link to. */
  ownedBy(cccd: string): Promise<{ warehouse: StoredDocument[]; files: StoredDocument[] }>;
  /** True when the bytes are a warehouse document's file of a citizen with a dossier at one of the agencies. */
  fileViaWarehouse(sha256: string, agencyIds: string[]): Promise<boolean>;
  /** The live, non-draft dossiers or dossier summaries of the agencies (for the rates). */
  ofAgencies(collection: 'dossiers' | 'summaries', agencyIds: string[]): Promise<StoredDocument[]>;
  audit(entry: AuditEntry): Promise<void>;
  auditTrail(subject: string): Promise<Array<AuditEntry & { at: string }>>;
}

/** What an account administrator may change on an account. */
export interface UserPatch {
  role?: UserRecord['role'];
  disabled?: boolean;
  passwordHash?: string;
  /** A citizen's contact, set when they activate their account. */
  contact?: { phone: string | null; email: string | null };
}

/** A device as the server has seen it sign in (the `X-Device-Id` header). */
export interface DeviceRecord {
  id: string;
  lastUserId: string | null;
  agencyIds: string[];
  firstSeen: string;
  lastSeen: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

/** Accounts, devices and reset codes beyond login (migration 8). */
export interface AccountStore {
  /** Accounts whose agency is one of `agencyIds`, by username. */
  listByAgencies(agencyIds: string[]): Promise<UserRecord[]>;
  update(id: string, patch: UserPatch): Promise<void>;
  /** Revokes every refresh token family of the user (sign-out everywhere). */
  revokeAllTokens(userId: string): Promise<number>;
  /** Records that `userId` (of `agencyId`, if an officer) signed in on the device. */
  touchDevice(deviceId: string, userId: string, agencyId: string | null): Promise<void>;
  device(deviceId: string): Promise<DeviceRecord | null>;
  devicesOf(agencyIds: string[]): Promise<DeviceRecord[]>;
  /** Marks the device revoked and revokes the refresh tokens bound to it. */
  revokeDevice(deviceId: string, by: string): Promise<void>;
  isDeviceRevoked(deviceId: string): Promise<boolean>;
  putResetCode(userId: string, codeHash: string, expiresAt: Date): Promise<void>;
  /** True, once, when `codeHash` is the user's live code; wrong guesses count and 5 burn the code. */
  takeResetCode(userId: string, codeHash: string): Promise<boolean>;
  /** Audit entries about a subject or by a user, oldest first. */
  auditBy(userId: string): Promise<Array<AuditEntry & { at: string }>>;
}

export interface SyncStore {
  readonly kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  documents: DocumentStore;
  users: UserStore;
  refreshTokens: RefreshTokenStore;
  blobs: BlobStore;
  meta: MetaStore;
  warehouse: WarehouseStore;
  /** Citizen notifications waiting to be sent (see `notify/`). */
  outbox: OutboxStore;
  accounts: AccountStore;
}
