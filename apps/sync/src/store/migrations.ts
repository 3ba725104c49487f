/**
 * The one PostgreSQL schema of the sync server, as an append-only list of migrations shared by
 * both adapters. Never edit an applied migration: add the next one.
 */
import { CODE_LEASE_MIGRATION } from '../codes/code-tx.ts';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    id: 1,
    name: 'initial',
    sql: `
CREATE SEQUENCE doc_seq;

CREATE TABLE documents (
  collection  text        NOT NULL,
  id          text        NOT NULL,
  data        jsonb       NOT NULL,
  deleted     boolean     NOT NULL DEFAULT false,
  seq         bigint      NOT NULL,
  owner_cccd  text,
  agency_id   text,
  draft       boolean     NOT NULL DEFAULT false,
  written_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collection, id)
);
CREATE UNIQUE INDEX documents_pull ON documents (collection, seq);
CREATE INDEX documents_owner ON documents (collection, owner_cccd, seq);
CREATE INDEX documents_agency ON documents (collection, agency_id, seq);
CREATE INDEX documents_file_sha ON documents ((data->>'sha256')) WHERE collection = 'files';

CREATE TABLE users (
  id            text PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  full_name     text NOT NULL,
  role          text NOT NULL CHECK (role IN ('citizen', 'receptionist', 'specialist', 'leader', 'admin')),
  agency_id     text,
  cccd          text,
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE refresh_tokens (
  token_hash  text PRIMARY KEY,
  user_id     text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  family_id   text NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  revoked_at  timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

CREATE TABLE blobs (
  sha256      text PRIMARY KEY,
  size        bigint NOT NULL,
  mime        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE blob_uploaders (
  sha256      text NOT NULL REFERENCES blobs (sha256) ON DELETE CASCADE,
  user_id     text NOT NULL,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sha256, user_id)
);

CREATE TABLE code_counters (
  agency_id  text NOT NULL,
  day        text NOT NULL,
  value      integer NOT NULL,
  PRIMARY KEY (agency_id, day)
);

CREATE TABLE meta (
  key    text PRIMARY KEY,
  value  text NOT NULL
);
`,
  },
  {
    id: 3,
    name: 'files_warehouse',
    sql: `
CREATE TABLE audit_log (
  id       bigserial   PRIMARY KEY,
  user_id  text        NOT NULL,
  action   text        NOT NULL,
  subject  text        NOT NULL,
  at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_subject ON audit_log (subject, id);
CREATE INDEX documents_warehouse_file ON documents ((data->>'fileId')) WHERE collection = 'warehouse';
`,
  },
  {
    id: 4,
    name: 'notifications_outbox',
    sql: `
CREATE TABLE notify_events (
  event_id     text        PRIMARY KEY,
  dossier_id   text        NOT NULL,
  type         text        NOT NULL,
  event        jsonb       NOT NULL,
  status       text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'expanded')),
  attempts     integer     NOT NULL DEFAULT 0,
  next_at      timestamptz NOT NULL DEFAULT now(),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notify_events_due ON notify_events (status, next_at);

CREATE TABLE notify_messages (
  event_id     text        NOT NULL REFERENCES notify_events (event_id),
  channel      text        NOT NULL CHECK (channel IN ('email', 'sms', 'zalo')),
  recipient    text        NOT NULL,
  subject      text        NOT NULL,
  body         text        NOT NULL,
  status       text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'skipped', 'failed')),
  attempts     integer     NOT NULL DEFAULT 0,
  next_at      timestamptz NOT NULL DEFAULT now(),
  lease_until  timestamptz,
  last_error   text,
  sent_at      timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, channel)
);
CREATE INDEX notify_messages_due ON notify_messages (status, next_at);
`,
  },
  CODE_LEASE_MIGRATION,
  {
    id: 8,
    name: 'accounts_devices',
    sql: `
ALTER TABLE users ADD COLUMN birth_date text;
ALTER TABLE users ADD COLUMN phone text;
ALTER TABLE users ADD COLUMN email text;
ALTER TABLE refresh_tokens ADD COLUMN device_id text;
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
CREATE TABLE devices (
  id            text        PRIMARY KEY,
  last_user_id  text,
  first_seen    timestamptz NOT NULL DEFAULT now(),
  last_seen     timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz,
  revoked_by    text
);
CREATE TABLE device_agencies (
  device_id  text NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
  agency_id  text NOT NULL,
  PRIMARY KEY (device_id, agency_id)
);
CREATE TABLE reset_codes (
  user_id     text        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  code_hash   text        NOT NULL,
  expires_at  timestamptz NOT NULL,
  attempts    integer     NOT NULL DEFAULT 0
);
CREATE INDEX audit_log_user ON audit_log (user_id, id);
`,
  },
  {
    id: 9,
    name: 'blob_created_seq',
    // Whether a files document was written after its bytes arrived is decided by the document
    // sequence, not by clocks: two timestamps in the same tick cannot say which came first.
    sql: `
ALTER TABLE blobs ADD COLUMN created_seq bigint;
UPDATE blobs b SET created_seq = coalesce((SELECT max(d.seq) FROM documents d WHERE d.written_at < b.created_at), 0);
ALTER TABLE blobs ALTER COLUMN created_seq SET NOT NULL;
`,
  },
  {
    id: 10,
    name: 'outbox_due_in_milliseconds',
    // The worker asks what is due with a millisecond clock; a row made in the same millisecond, a
    // few microseconds later by the database's clock, must already be due.
    sql: `
ALTER TABLE notify_events ALTER COLUMN next_at SET DEFAULT date_trunc('milliseconds', now());
ALTER TABLE notify_messages ALTER COLUMN next_at SET DEFAULT date_trunc('milliseconds', now());
`,
  },
];
