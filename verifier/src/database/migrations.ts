/**
 * @module
 * The verifier's schema, as an ordered list of migrations. `PRAGMA user_version` records how
 * many have run; a later feature (data deals) adds a migration, never edits one.
 */

/** Each entry moves the schema one version forward. */
export const migrations: readonly string[] = [
  // 1: issuers, their keys and status lists, credential status, nonces, verdicts.
  `
  CREATE TABLE issuers (
    id INTEGER PRIMARY KEY,
    did TEXT NOT NULL UNIQUE,
    controller BLOB NOT NULL,
    accredited_by BLOB NOT NULL,
    accredited_at INTEGER NOT NULL,
    withdrawn_at INTEGER
  );
  CREATE TABLE issuer_credential_types (
    issuer_id INTEGER NOT NULL REFERENCES issuers (id),
    credential_type TEXT NOT NULL,
    PRIMARY KEY (issuer_id, credential_type)
  ) WITHOUT ROWID;
  CREATE TABLE issuer_keys (
    key_id TEXT PRIMARY KEY,
    issuer_id INTEGER NOT NULL REFERENCES issuers (id),
    public_key BLOB NOT NULL,
    added_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX issuer_keys_by_issuer ON issuer_keys (issuer_id);
  CREATE TABLE status_lists (
    id INTEGER PRIMARY KEY,
    issuer_id INTEGER NOT NULL REFERENCES issuers (id),
    url TEXT NOT NULL,
    UNIQUE (issuer_id, url)
  );
  -- A status list as its bitstring, in chunks of 4,096 credentials, 2 bits each (0 active,
  -- 1 revoked, 2 suspended): a million credentials take 250 KB, not a million rows. Chunks
  -- with every credential active are not stored; \`entries\` counts the others.
  CREATE TABLE credential_status_chunks (
    status_list_id INTEGER NOT NULL REFERENCES status_lists (id),
    chunk INTEGER NOT NULL,
    bits BLOB NOT NULL,
    entries INTEGER NOT NULL,
    PRIMARY KEY (status_list_id, chunk)
  ) WITHOUT ROWID;
  CREATE TABLE used_nonces (
    sender BLOB NOT NULL,
    nonce BLOB NOT NULL,
    input_index INTEGER NOT NULL,
    PRIMARY KEY (sender, nonce)
  ) WITHOUT ROWID;
  CREATE TABLE verdicts (
    presentation_hash BLOB PRIMARY KEY,
    input_index INTEGER NOT NULL UNIQUE,
    sender BLOB NOT NULL,
    issuer_id INTEGER NOT NULL REFERENCES issuers (id),
    credential_type TEXT NOT NULL,
    verdict INTEGER NOT NULL,
    block_timestamp INTEGER NOT NULL,
    disclosed_claims_hash BLOB NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX verdicts_by_issuer ON verdicts (issuer_id);
  `,
]
