/**
 * The one PostgreSQL schema of the sync server, as an append-only list of migrations shared by
 * both adapters. Never edit an applied migration: add the next one.
 */
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
];
