/**
 * Moves a SQLite installation to PostgreSQL: `DATABASE_URL=postgres://… npm run
 * migrate:sqlite-to-postgres -- data/transforma.sqlite`.
 *
 * Copies every workshop with its tokens, document (snapshot and update log as they are, seqs and
 * counter included), people, control state and ballots (with their versions), private drafts (in
 * their order), records and settings (the organiser token's hash), in one PostgreSQL transaction:
 * all or nothing. It refuses to run into a database that already holds a workshop (so it never
 * runs twice, and never mixes two installations); settings a server on the new database made
 * before (a generated organiser token) give way to the installation's own, and it says so.
 *
 * The SQLite file is never modified: it is read through a backup copy (which includes what is still
 * in its WAL), brought to the current schema first if it is older.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migrate as migrateSqlite } from './sqlite/migrations';
import { migrate as migratePostgres } from './postgres/migrations';
import { describeDatabase } from './postgres/postgresStorage';

export interface MigrationReport {
  workshops: number;
  updates: number;
  identities: number;
  controlStates: number;
  records: number;
  drafts: number;
  /** Settings whose PostgreSQL value was replaced by the installation's. */
  replacedSettings: string[];
}

/** Tables in the order foreign keys need, with the columns copied as they are. */
const PLAIN_TABLES: [string, string[]][] = [
  ['workshops', ['id', 'title', 'template', 'created_at', 'status', 'last_seq']],
  ['workshop_tokens', ['token_hash', 'workshop_id', 'role', 'generation']],
  ['doc_snapshots', ['workshop_id', 'seq', 'state', 'created_at']],
  ['doc_updates', ['workshop_id', 'seq', 'data']],
  ['control_states', ['workshop_id', 'state', 'version', 'updated_at']],
  ['vote_ballots', ['workshop_id', 'ballots', 'version', 'updated_at']],
];

const BOOLEAN_COLUMNS = new Set(['removed', 'consent_to_names']);

export async function migrateSqliteToPostgres(
  sqliteFile: string,
  databaseUrl: string,
): Promise<MigrationReport> {
  if (!fs.existsSync(sqliteFile)) throw new Error(`no SQLite database at ${sqliteFile}`);
  const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'transforma-migrate-'));
  const copyFile = path.join(copyDir, 'copy.sqlite');
  const source = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(copyFile);
  } finally {
    source.close();
  }
  const db = new Database(copyFile);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    migrateSqlite(db);
    await migratePostgres(pool);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Two runs at once: the second waits here, then finds the workshops of the first.
      await client.query('LOCK TABLE workshops IN EXCLUSIVE MODE');
      const existing = await client.query<{ n: number }>(
        'SELECT count(*)::integer AS n FROM workshops',
      );
      if (existing.rows[0]!.n > 0) {
        throw new Error(
          `PostgreSQL at ${describeDatabase(databaseUrl)} already holds ${existing.rows[0]!.n} workshop(s): ` +
            'the migration only runs into a database without workshops (nothing was copied)',
        );
      }
      const report = await copyAll(db, client);
      await client.query('COMMIT');
      return report;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  } finally {
    db.close();
    await pool.end();
    fs.rmSync(copyDir, { recursive: true, force: true });
  }
}

async function copyAll(db: Database.Database, client: pg.PoolClient): Promise<MigrationReport> {
  const counts: Record<string, number> = {};
  const copy = async (table: string, columns: string[], rows: Record<string, unknown>[]) => {
    const placeholders = columns.map((_, i) => `$${i + 1}`).join(', ');
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders})`;
    for (const row of rows)
      await client.query(
        sql,
        columns.map((c) => row[c]),
      );
    counts[table] = rows.length;
  };
  const all = (sql: string) => db.prepare(sql).all() as Record<string, unknown>[];

  for (const [table, columns] of PLAIN_TABLES) {
    await copy(table, columns, all(`SELECT ${columns.join(', ')} FROM ${table}`));
  }
  const identityColumns = [
    'id',
    'workshop_id',
    'token_hash',
    'role',
    'name',
    'organisation',
    'helix',
    'region_id',
    'removed',
    'joined_at',
    'consent_to_names',
    'device_hash',
  ];
  const identities = all(`SELECT ${identityColumns.join(', ')} FROM identities ORDER BY rowid`);
  for (const row of identities) {
    for (const column of BOOLEAN_COLUMNS) row[column] = row[column] === 1;
  }
  await copy('identities', identityColumns, identities);
  // rowid order is the drafts' first-written order; PostgreSQL numbers them in insertion order.
  const draftColumns = [
    'workshop_id',
    'round_id',
    'draft_id',
    'identity_id',
    'draft',
    'updated_at',
  ];
  await copy(
    'private_drafts',
    draftColumns,
    all(`SELECT ${draftColumns.join(', ')} FROM private_drafts ORDER BY rowid`),
  );
  // Questionnaire runs and held answers, also in first-written (rowid) order.
  const runColumns = ['workshop_id', 'questionnaire_id', 'run', 'updated_at'];
  await copy(
    'questionnaire_runs',
    runColumns,
    all(`SELECT ${runColumns.join(', ')} FROM questionnaire_runs ORDER BY rowid`),
  );
  const heldColumns = ['workshop_id', 'questionnaire_id', 'identity_id', 'answers', 'updated_at'];
  await copy(
    'questionnaire_answers',
    heldColumns,
    all(`SELECT ${heldColumns.join(', ')} FROM questionnaire_answers ORDER BY rowid`),
  );
  const recordColumns = [
    'workshop_id',
    'version',
    'kind',
    'archived_at',
    'schema_version',
    'title',
    'template',
    'field',
    'regions',
    'created_at',
    'held_on',
    'search_text',
    'region_keys',
    'field_key',
    'record',
  ];
  const records = all(`SELECT ${recordColumns.join(', ')} FROM records`);
  // SQLite keeps region keys one per line between newlines; PostgreSQL as an array.
  for (const row of records) {
    row.region_keys = String(row.region_keys)
      .split('\n')
      .filter((key) => key !== '');
  }
  await copy('records', recordColumns, records);

  const replacedSettings: string[] = [];
  for (const { key, value } of all('SELECT key, value FROM settings ORDER BY key')) {
    const before = await client.query<{ value: string }>(
      'SELECT value FROM settings WHERE key = $1',
      [key],
    );
    if (before.rows[0] && before.rows[0].value !== value) replacedSettings.push(String(key));
    await client.query(
      `INSERT INTO settings (key, value) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [key, value],
    );
  }
  return {
    workshops: counts.workshops!,
    updates: counts.doc_updates!,
    identities: counts.identities!,
    controlStates: counts.control_states!,
    records: counts.records!,
    drafts: counts.private_drafts!,
    replacedSettings,
  };
}

async function main(): Promise<void> {
  const file = process.argv[2];
  const databaseUrl = process.env.DATABASE_URL;
  if (!file || !databaseUrl) {
    console.error(
      'usage: DATABASE_URL=postgres://user@host:5432/db npm run migrate:sqlite-to-postgres -- <file.sqlite>',
    );
    process.exit(2);
  }
  const report = await migrateSqliteToPostgres(path.resolve(file), databaseUrl);
  console.log(
    `Copied ${report.workshops} workshop(s) with ${report.updates} logged update(s), ` +
      `${report.identities} person(s), ${report.controlStates} control state(s), ` +
      `${report.records} record version(s) and ${report.drafts} private draft(s) ` +
      `to PostgreSQL at ${describeDatabase(databaseUrl)}.`,
  );
  for (const key of report.replacedSettings) {
    console.log(
      `Setting ${key}: the installation's value replaced the one PostgreSQL had (the organiser token of the SQLite installation stays valid).`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
