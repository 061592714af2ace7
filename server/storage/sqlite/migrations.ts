/**
 * Schema migrations, applied in order on open; PRAGMA user_version records how far a file is.
 * Never edit a shipped migration: add the next one.
 */
import type Database from 'better-sqlite3';

const MIGRATIONS: string[] = [
  `CREATE TABLE workshops (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     template TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE workshop_tokens (
     token_hash TEXT PRIMARY KEY,
     workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
     role TEXT NOT NULL
   );
   CREATE INDEX workshop_tokens_workshop ON workshop_tokens (workshop_id);
   CREATE TABLE doc_updates (
     workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     data BLOB NOT NULL,
     PRIMARY KEY (workshop_id, seq)
   ) WITHOUT ROWID;
   CREATE TABLE doc_snapshots (
     workshop_id TEXT PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     state BLOB NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE health (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at TEXT);
   INSERT INTO health (id, checked_at) VALUES (1, NULL);`,
  `CREATE TABLE control_states (
     workshop_id TEXT PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
     state TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );`,
  `CREATE TABLE identities (
     id TEXT PRIMARY KEY,
     workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
     token_hash TEXT NOT NULL UNIQUE,
     role TEXT NOT NULL,
     name TEXT NOT NULL,
     organisation TEXT NOT NULL,
     helix TEXT,
     region_id TEXT NOT NULL,
     removed INTEGER NOT NULL DEFAULT 0,
     joined_at TEXT NOT NULL
   );
   CREATE INDEX identities_workshop ON identities (workshop_id);`,
  `CREATE TABLE vote_ballots (
     workshop_id TEXT PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
     ballots TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );`,
  `CREATE TABLE private_drafts (
     workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
     round_id TEXT NOT NULL,
     draft_id TEXT NOT NULL,
     identity_id TEXT NOT NULL,
     draft TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (workshop_id, round_id, draft_id)
   );`,
  // Archive: workshop status, immutable record versions with their search columns, settings
  // (the organiser token's hash).
  `ALTER TABLE workshops ADD COLUMN status TEXT NOT NULL DEFAULT 'open';
   CREATE TABLE records (
     workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
     version INTEGER NOT NULL CHECK (version >= 1),
     kind TEXT NOT NULL CHECK (kind IN ('archive', 'snapshot')),
     archived_at TEXT NOT NULL,
     schema_version INTEGER NOT NULL,
     title TEXT NOT NULL,
     template TEXT NOT NULL,
     field TEXT NOT NULL,
     regions TEXT NOT NULL,
     created_at TEXT NOT NULL,
     held_on TEXT NOT NULL,
     search_text TEXT NOT NULL,
     region_keys TEXT NOT NULL,
     field_key TEXT NOT NULL,
     record TEXT NOT NULL,
     PRIMARY KEY (workshop_id, version)
   );
   CREATE INDEX records_held_on ON records (held_on);
   CREATE TRIGGER records_immutable BEFORE UPDATE ON records
   BEGIN SELECT RAISE(ABORT, 'records are immutable'); END;
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  `ALTER TABLE identities ADD COLUMN consent_to_names INTEGER NOT NULL DEFAULT 0;`,
  // Removal sticks: the device a person joined from (hashed), and the generation of each shared
  // link (a reset derives the next one; tokens so far were generation 0).
  `ALTER TABLE identities ADD COLUMN device_hash TEXT;
   CREATE INDEX identities_device ON identities (workshop_id, device_hash);
   ALTER TABLE workshop_tokens ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;`,
  // Scale-out (issue 14): the database assigns update seqs from a per-workshop counter (the
  // highest seq so far), and control state and ballots carry a version for compare-and-set.
  `ALTER TABLE workshops ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0;
   UPDATE workshops SET last_seq = max(
     coalesce((SELECT max(seq) FROM doc_updates u WHERE u.workshop_id = workshops.id), 0),
     coalesce((SELECT seq FROM doc_snapshots s WHERE s.workshop_id = workshops.id), 0));
   ALTER TABLE control_states ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
   ALTER TABLE vote_ballots ADD COLUMN version INTEGER NOT NULL DEFAULT 1;`,
  // Questionnaires (issue 12): each run's state, and answers held by the server until the reveal.
  `CREATE TABLE questionnaire_runs (
     workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
     questionnaire_id TEXT NOT NULL,
     run TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (workshop_id, questionnaire_id)
   );
   CREATE TABLE questionnaire_answers (
     workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
     questionnaire_id TEXT NOT NULL,
     identity_id TEXT NOT NULL,
     answers TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (workshop_id, questionnaire_id, identity_id)
   );`,
];

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `Database schema version ${current} is newer than this server knows (${MIGRATIONS.length}); upgrade the server.`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
