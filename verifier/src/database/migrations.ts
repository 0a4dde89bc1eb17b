/**
 * @module
 * The verifier's schema, as an ordered list of migrations. `PRAGMA user_version` records how
 * many have run; a later feature (data deals, their pseudonyms, then verdicts' holder binding and
 * pseudonyms) adds a migration, never edits one.
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
  `,  // 2: data deals: balances credited by portal deposits, deals, their approvals.
  // Amounts are uint256: kept as decimal text (SQLite integers stop at 2^63) and summed as bigint.
  `
  CREATE TABLE balances (
    owner BLOB NOT NULL,
    asset BLOB NOT NULL,
    amount TEXT NOT NULL,
    PRIMARY KEY (owner, asset)
  ) WITHOUT ROWID;
  CREATE TABLE deals (
    id INTEGER PRIMARY KEY,
    consumer BLOB NOT NULL,
    credential_type TEXT NOT NULL,
    required_fields TEXT NOT NULL,
    predicates TEXT NOT NULL,
    issuers TEXT NOT NULL,
    max_approvals INTEGER NOT NULL,
    reward TEXT NOT NULL,
    asset BLOB NOT NULL,
    expires_at INTEGER NOT NULL,
    consumer_key BLOB NOT NULL,
    budget TEXT NOT NULL,
    approvals INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    closed_at INTEGER
  );
  CREATE TABLE deal_approvals (
    deal_id INTEGER NOT NULL REFERENCES deals (id),
    provider BLOB NOT NULL,
    presentation_hash BLOB NOT NULL,
    disclosed_claims_hash BLOB NOT NULL,
    delivery_hash BLOB NOT NULL,
    input_index INTEGER NOT NULL,
    block_timestamp INTEGER NOT NULL,
    PRIMARY KEY (deal_id, provider)
  ) WITHOUT ROWID;
  `,
  // 3: deals paid once per pseudonym. A deal created before this migration was paid once per
  // address: it stays sybil-open. Approvals move to a table keyed by input (one approval per
  // input) with the pseudonym beside the provider: a pseudonymous deal allows one approval per
  // pseudonym (one address may submit for several), a sybil-open deal one per provider.
  `
  ALTER TABLE deals ADD COLUMN sybil_open INTEGER NOT NULL DEFAULT 1;
  CREATE TABLE deal_approvals_by_input (
    input_index INTEGER PRIMARY KEY,
    deal_id INTEGER NOT NULL REFERENCES deals (id),
    provider BLOB NOT NULL,
    pseudonym BLOB,
    presentation_hash BLOB NOT NULL,
    disclosed_claims_hash BLOB NOT NULL,
    delivery_hash BLOB NOT NULL,
    block_timestamp INTEGER NOT NULL
  );
  INSERT INTO deal_approvals_by_input (input_index, deal_id, provider, pseudonym, presentation_hash, disclosed_claims_hash, delivery_hash, block_timestamp)
    SELECT input_index, deal_id, provider, NULL, presentation_hash, disclosed_claims_hash, delivery_hash, block_timestamp FROM deal_approvals;
  DROP TABLE deal_approvals;
  ALTER TABLE deal_approvals_by_input RENAME TO deal_approvals;
  CREATE UNIQUE INDEX deal_approvals_by_provider ON deal_approvals (deal_id, provider) WHERE pseudonym IS NULL;
  CREATE UNIQUE INDEX deal_approvals_by_pseudonym ON deal_approvals (deal_id, pseudonym) WHERE pseudonym IS NOT NULL;
  `,
  // 4: what a verdict's proof proved: holder binding (any feature option), and the pseudonym for
  // the application's context, looked up by pseudonym in input order (a returning holder's
  // verdicts). A verdict stored before this migration came from a plain proof.
  `
  ALTER TABLE verdicts ADD COLUMN holder_bound INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE verdicts ADD COLUMN pseudonym BLOB;
  CREATE INDEX verdicts_by_pseudonym ON verdicts (pseudonym, input_index) WHERE pseudonym IS NOT NULL;
  `,
]
