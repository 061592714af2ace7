/**
 * PostgreSQL schema migrations, applied in order at start; schema_migrations records how far a
 * database is. Every process runs them at start, so they run in one transaction under an advisory
 * lock: N processes starting together apply each migration once, the others wait and find it done.
 * Never edit a shipped migration: add the next one.
 *
 * The same tables as the SQLite schema (../sqlite/migrations.ts), in PostgreSQL's types: bytes as
 * bytea, flags as boolean, region keys as text[]. Timestamps stay ISO text, as the services write
 * them, so both backends return exactly what was stored.
 */
import type pg from 'pg';

/** pg_advisory_xact_lock key: "tfmigr" read as a number, any fixed value would do. */
const MIGRATION_LOCK = 0x74666d696772;

export const MIGRATIONS: string[] = [
  `CREATE TABLE workshops (
     id text PRIMARY KEY,
     title text NOT NULL,
     template text NOT NULL,
     created_at text NOT NULL,
     status text NOT NULL DEFAULT 'open',
     -- The highest seq given to the workshop's updates; appends advance it under its row lock.
     last_seq bigint NOT NULL DEFAULT 0
   );
   CREATE TABLE workshop_tokens (
     token_hash text PRIMARY KEY,
     workshop_id text NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
     role text NOT NULL,
     generation integer NOT NULL DEFAULT 0
   );
   CREATE INDEX workshop_tokens_workshop ON workshop_tokens (workshop_id);
   CREATE TABLE doc_updates (
     workshop_id text NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
     seq bigint NOT NULL,
     data bytea NOT NULL,
     PRIMARY KEY (workshop_id, seq)
   );
   CREATE TABLE doc_snapshots (
     workshop_id text PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
     seq bigint NOT NULL,
     state bytea NOT NULL,
     created_at text NOT NULL
   );
   CREATE TABLE health (id integer PRIMARY KEY CHECK (id = 1), checked_at text);
   INSERT INTO health (id, checked_at) VALUES (1, NULL);
   CREATE TABLE control_states (
     workshop_id text PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
     state text NOT NULL,
     version integer NOT NULL,
     updated_at text NOT NULL
   );
   CREATE TABLE vote_ballots (
     workshop_id text PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
     ballots text NOT NULL,
     version integer NOT NULL,
     updated_at text NOT NULL
   );
   CREATE TABLE identities (
     id text PRIMARY KEY,
     workshop_id text NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
     token_hash text NOT NULL UNIQUE,
     role text NOT NULL,
     name text NOT NULL,
     organisation text NOT NULL,
     helix text,
     region_id text NOT NULL,
     removed boolean NOT NULL DEFAULT false,
     joined_at text NOT NULL,
     consent_to_names boolean NOT NULL DEFAULT false,
     device_hash text
   );
   CREATE INDEX identities_workshop ON identities (workshop_id);
   CREATE INDEX identities_device ON identities (workshop_id, device_hash);
   CREATE TABLE private_drafts (
     workshop_id text NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
     round_id text NOT NULL,
     draft_id text NOT NULL,
     identity_id text NOT NULL,
     draft text NOT NULL,
     updated_at text NOT NULL,
     -- First-written order (SQLite's rowid): an upsert keeps it.
     position bigint GENERATED ALWAYS AS IDENTITY,
     PRIMARY KEY (workshop_id, round_id, draft_id)
   );
   CREATE TABLE records (
     workshop_id text NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
     version integer NOT NULL CHECK (version >= 1),
     kind text NOT NULL CHECK (kind IN ('archive', 'snapshot')),
     archived_at text NOT NULL,
     schema_version integer NOT NULL,
     title text NOT NULL,
     template text NOT NULL,
     field text NOT NULL,
     regions text NOT NULL,
     created_at text NOT NULL,
     held_on text NOT NULL,
     search_text text NOT NULL,
     region_keys text[] NOT NULL,
     field_key text NOT NULL,
     record text NOT NULL,
     PRIMARY KEY (workshop_id, version)
   );
   CREATE INDEX records_held_on ON records (held_on);
   CREATE FUNCTION records_immutable() RETURNS trigger LANGUAGE plpgsql AS
     $$ BEGIN RAISE EXCEPTION 'records are immutable'; END $$;
   CREATE TRIGGER records_immutable BEFORE UPDATE ON records
     FOR EACH ROW EXECUTE FUNCTION records_immutable();
   CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);`,
  // Questionnaires (issue 12): each run's state, and answers held by the server until the reveal.
  // position: first-written order (SQLite's rowid), kept by an upsert.
  `CREATE TABLE questionnaire_runs (
     workshop_id text NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
     questionnaire_id text NOT NULL,
     run text NOT NULL,
     updated_at text NOT NULL,
     position bigint GENERATED ALWAYS AS IDENTITY,
     PRIMARY KEY (workshop_id, questionnaire_id)
   );
   CREATE TABLE questionnaire_answers (
     workshop_id text NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
     questionnaire_id text NOT NULL,
     identity_id text NOT NULL,
     answers text NOT NULL,
     updated_at text NOT NULL,
     position bigint GENERATED ALWAYS AS IDENTITY,
     PRIMARY KEY (workshop_id, questionnaire_id, identity_id)
   );`,
];

/** Brings the database (the connection's search_path schema) up to this server's schema. */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ version: number }>(
      'SELECT coalesce(max(version), 0) AS version FROM schema_migrations',
    );
    const current = rows[0]!.version;
    if (current > MIGRATIONS.length) {
      throw new Error(
        `Database schema version ${current} is newer than this server knows (${MIGRATIONS.length}); upgrade the server.`,
      );
    }
    for (let version = current; version < MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version]!);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version + 1]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
