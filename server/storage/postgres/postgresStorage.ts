/**
 * PostgreSQL storage (node-postgres, one pool per process), selected by DATABASE_URL. Several
 * server processes may share one database: update seqs come from the workshop row's counter,
 * advanced and used in the same statement (its row lock orders concurrent appends), control state
 * and ballots are compare-and-set, and a document is read in one repeatable-read transaction.
 */
import pg from 'pg';
import type { Role, SharedLinkRole, WorkshopStatus } from '../../../shared/domain/workshop';
import { FIRST_GENERATIONS, type LinkGenerations } from '../../auth/tokens';
import type { RecordSearchItem, RecordSummary } from '../../../shared/record/api';
import type { Logger } from '../../log';
import type {
  AppendedSeqs,
  DraftRow,
  HeldAnswersRow,
  QuestionnaireRunRow,
  IdentityRow,
  NewWorkshop,
  RecordRow,
  RecordSearch,
  Storage,
  StoredDocument,
  Versioned,
  WorkshopRow,
} from '../storage';
import { migrate } from './migrations';
import { PostgresRecords } from './postgresRecords';

const IDENTITY_COLUMNS = `id, workshop_id AS "workshopId", role, name, organisation, helix,
  region_id AS "regionId", removed, joined_at AS "joinedAt", consent_to_names AS "consentToNames"`;

export interface PostgresOptions {
  /** postgres://user:password@host:port/database[?options=-c search_path=…] */
  url: string;
  log: Logger;
  /** Connections in the pool. */
  poolSize?: number;
}

/** bytea parameters: node-postgres sends Buffers as bytes (a Uint8Array view, without copying). */
function bytes(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** Where a URL points, without its password (for logs and errors). */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the DATABASE_URL';
  }
}

export class PostgresStorage implements Storage {
  readonly kind = 'postgres';
  private readonly records: PostgresRecords;
  private closed = false;

  private constructor(private readonly pool: pg.Pool) {
    this.records = new PostgresRecords(pool);
  }

  /** Connects, migrates, and fails with a clear message when the database cannot be reached. */
  static async open(options: PostgresOptions): Promise<PostgresStorage> {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // A database that does not answer fails requests (and /healthz) instead of hanging them.
      connectionTimeoutMillis: 5_000,
      application_name: 'transforma',
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process:
    // the pool replaces it; requests in flight fail and their rooms reload.
    pool.on('error', (err) => options.log.error({ err }, 'PostgreSQL connection lost'));
    try {
      await migrate(pool);
    } catch (err) {
      await pool.end().catch(() => {});
      throw new Error(
        `PostgreSQL at ${describeDatabase(options.url)} is not usable: ${(err as Error).message}`,
      );
    }
    return new PostgresStorage(pool);
  }

  /** Runs `work` in one transaction on one connection. */
  private async transaction<T>(
    work: (client: pg.PoolClient) => Promise<T>,
    begin = 'BEGIN',
  ): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async createWorkshop(w: NewWorkshop): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(
        'INSERT INTO workshops (id, title, template, created_at) VALUES ($1, $2, $3, $4)',
        [w.id, w.title, w.template, w.createdAt],
      );
      for (const [role, hash] of Object.entries(w.tokenHashes)) {
        await client.query(
          'INSERT INTO workshop_tokens (token_hash, workshop_id, role) VALUES ($1, $2, $3)',
          [hash, w.id, role],
        );
      }
      await client.query(
        'INSERT INTO doc_snapshots (workshop_id, seq, state, created_at) VALUES ($1, 0, $2, $3)',
        [w.id, bytes(w.initialState), w.createdAt],
      );
    });
  }

  async getWorkshop(id: string): Promise<WorkshopRow | null> {
    const { rows } = await this.pool.query<WorkshopRow>(
      'SELECT id, title, template, created_at AS "createdAt" FROM workshops WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  async roleForToken(workshopId: string, tokenHash: string): Promise<Role | null> {
    const { rows } = await this.pool.query<{ role: Role }>(
      'SELECT role FROM workshop_tokens WHERE token_hash = $1 AND workshop_id = $2',
      [tokenHash, workshopId],
    );
    return rows[0]?.role ?? null;
  }

  async linkGenerations(workshopId: string): Promise<LinkGenerations> {
    const { rows } = await this.pool.query<{ role: SharedLinkRole; generation: number }>(
      `SELECT role, generation FROM workshop_tokens
       WHERE workshop_id = $1 AND role IN ('participant', 'projector')`,
      [workshopId],
    );
    const generations = { ...FIRST_GENERATIONS };
    for (const row of rows) generations[row.role] = row.generation;
    return generations;
  }

  async rotateLinkToken(
    workshopId: string,
    role: SharedLinkRole,
    generation: number,
    tokenHash: string,
  ): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE workshop_tokens SET token_hash = $1, generation = $2
       WHERE workshop_id = $3 AND role = $4 AND generation = $5`,
      [tokenHash, generation, workshopId, role, generation - 1],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async appendUpdates(workshopId: string, updates: Uint8Array[]): Promise<AppendedSeqs> {
    // One statement, so one implicit transaction: the UPDATE locks the workshop row until the
    // rows are committed, so a concurrent append waits and then numbers its batch after this one.
    const { rows } = await this.pool.query<{ first: string | null; last: string | null }>(
      `WITH counter AS (
         UPDATE workshops SET last_seq = last_seq + cardinality($2::bytea[])
         WHERE id = $1 RETURNING last_seq
       ), appended AS (
         INSERT INTO doc_updates (workshop_id, seq, data)
         SELECT $1, counter.last_seq - cardinality($2::bytea[]) + u.ord, u.data
         FROM counter, unnest($2::bytea[]) WITH ORDINALITY AS u (data, ord)
         RETURNING seq
       )
       SELECT min(seq)::text AS first, max(seq)::text AS last FROM appended`,
      [workshopId, updates.map(bytes)],
    );
    const { first, last } = rows[0]!;
    if (first === null || last === null) throw new Error(`no workshop ${workshopId}`);
    return { firstSeq: Number(first), lastSeq: Number(last) };
  }

  async loadDocument(workshopId: string): Promise<StoredDocument> {
    // One snapshot of the database: a compaction committing meanwhile cannot hide updates.
    return this.transaction(async (client) => {
      const snap = await client.query<{ seq: string; state: Buffer }>(
        'SELECT seq::text, state FROM doc_snapshots WHERE workshop_id = $1',
        [workshopId],
      );
      const snapshotSeq = Number(snap.rows[0]?.seq ?? 0);
      const updates = await client.query<{ data: Buffer }>(
        'SELECT data FROM doc_updates WHERE workshop_id = $1 AND seq > $2 ORDER BY seq',
        [workshopId, snapshotSeq],
      );
      const counter = await client.query<{ last: string }>(
        'SELECT last_seq::text AS last FROM workshops WHERE id = $1',
        [workshopId],
      );
      const state = snap.rows[0]?.state;
      return {
        snapshot: state ? new Uint8Array(state) : null,
        updates: updates.rows.map((r) => new Uint8Array(r.data)),
        snapshotSeq,
        lastSeq: Number(counter.rows[0]?.last ?? snapshotSeq),
      };
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  async compact(workshopId: string, state: Uint8Array, throughSeq: number): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(
        `INSERT INTO doc_snapshots (workshop_id, seq, state, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (workshop_id) DO UPDATE SET seq = excluded.seq, state = excluded.state,
         created_at = excluded.created_at WHERE excluded.seq >= doc_snapshots.seq`,
        [workshopId, throughSeq, bytes(state), new Date().toISOString()],
      );
      await client.query('DELETE FROM doc_updates WHERE workshop_id = $1 AND seq <= $2', [
        workshopId,
        throughSeq,
      ]);
    });
  }

  async createIdentity(i: IdentityRow, tokenHash: string, deviceHash?: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO identities (id, workshop_id, token_hash, role, name, organisation, helix,
         region_id, removed, joined_at, consent_to_names, device_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        i.id,
        i.workshopId,
        tokenHash,
        i.role,
        i.name,
        i.organisation,
        i.helix,
        i.regionId,
        i.removed,
        i.joinedAt,
        i.consentToNames,
        deviceHash ?? null,
      ],
    );
  }

  async identitiesForDevice(workshopId: string, deviceHash: string): Promise<IdentityRow[]> {
    const { rows } = await this.pool.query<IdentityRow>(
      `SELECT ${IDENTITY_COLUMNS} FROM identities WHERE workshop_id = $1 AND device_hash = $2
       ORDER BY joined_at COLLATE "C", id COLLATE "C"`,
      [workshopId, deviceHash],
    );
    return rows;
  }

  async identityForToken(workshopId: string, tokenHash: string): Promise<IdentityRow | null> {
    const { rows } = await this.pool.query<IdentityRow>(
      `SELECT ${IDENTITY_COLUMNS} FROM identities WHERE token_hash = $1 AND workshop_id = $2`,
      [tokenHash, workshopId],
    );
    return rows[0] ?? null;
  }

  async listIdentities(workshopId: string): Promise<IdentityRow[]> {
    const { rows } = await this.pool.query<IdentityRow>(
      `SELECT ${IDENTITY_COLUMNS} FROM identities WHERE workshop_id = $1
       ORDER BY joined_at COLLATE "C", id COLLATE "C"`,
      [workshopId],
    );
    return rows;
  }

  async updateIdentity(
    workshopId: string,
    identityId: string,
    patch: { role?: Role; removed?: boolean; name?: string },
  ): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE identities SET role = coalesce($1, role), removed = coalesce($2, removed),
       name = coalesce($3, name) WHERE workshop_id = $4 AND id = $5`,
      [patch.role ?? null, patch.removed ?? null, patch.name ?? null, workshopId, identityId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async getControlState(workshopId: string): Promise<Versioned | null> {
    return this.getVersioned('control_states', 'state', workshopId);
  }

  async putControlState(
    workshopId: string,
    json: string,
    expectedVersion: number,
  ): Promise<boolean> {
    return this.putVersioned('control_states', 'state', workshopId, json, expectedVersion);
  }

  async getBallots(workshopId: string): Promise<Versioned | null> {
    return this.getVersioned('vote_ballots', 'ballots', workshopId);
  }

  async putBallots(workshopId: string, json: string, expectedVersion: number): Promise<boolean> {
    return this.putVersioned('vote_ballots', 'ballots', workshopId, json, expectedVersion);
  }

  private async getVersioned(
    table: 'control_states' | 'vote_ballots',
    column: 'state' | 'ballots',
    workshopId: string,
  ): Promise<Versioned | null> {
    const { rows } = await this.pool.query<Versioned>(
      `SELECT ${column} AS json, version FROM ${table} WHERE workshop_id = $1`,
      [workshopId],
    );
    return rows[0] ?? null;
  }

  /** Compare-and-set: 0 inserts the first version, n replaces version n by n + 1. */
  private async putVersioned(
    table: 'control_states' | 'vote_ballots',
    column: 'state' | 'ballots',
    workshopId: string,
    json: string,
    expectedVersion: number,
  ): Promise<boolean> {
    const now = new Date().toISOString();
    const result =
      expectedVersion === 0
        ? await this.pool.query(
            `INSERT INTO ${table} (workshop_id, ${column}, version, updated_at)
             VALUES ($1, $2, 1, $3) ON CONFLICT (workshop_id) DO NOTHING`,
            [workshopId, json, now],
          )
        : await this.pool.query(
            `UPDATE ${table} SET ${column} = $1, updated_at = $2, version = version + 1
             WHERE workshop_id = $3 AND version = $4`,
            [json, now, workshopId, expectedVersion],
          );
    return (result.rowCount ?? 0) > 0;
  }

  async putDraft(workshopId: string, roundId: string, row: DraftRow): Promise<boolean> {
    // Someone else's draft id: the conflict's WHERE leaves it alone and nothing is returned.
    const result = await this.pool.query(
      `INSERT INTO private_drafts (workshop_id, round_id, draft_id, identity_id, draft, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (workshop_id, round_id, draft_id)
       DO UPDATE SET draft = excluded.draft, updated_at = excluded.updated_at
       WHERE private_drafts.identity_id = excluded.identity_id`,
      [workshopId, roundId, row.draftId, row.identityId, row.draft, new Date().toISOString()],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async deleteDraft(
    workshopId: string,
    roundId: string,
    draftId: string,
    identityId: string,
  ): Promise<boolean> {
    const result = await this.pool.query(
      `DELETE FROM private_drafts
       WHERE workshop_id = $1 AND round_id = $2 AND draft_id = $3 AND identity_id = $4`,
      [workshopId, roundId, draftId, identityId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async listDrafts(workshopId: string, roundId: string): Promise<DraftRow[]> {
    const { rows } = await this.pool.query<DraftRow>(
      `SELECT draft_id AS "draftId", identity_id AS "identityId", draft FROM private_drafts
       WHERE workshop_id = $1 AND round_id = $2 ORDER BY position`,
      [workshopId, roundId],
    );
    return rows;
  }

  async clearDrafts(workshopId: string): Promise<void> {
    await this.pool.query('DELETE FROM private_drafts WHERE workshop_id = $1', [workshopId]);
  }

  async putQuestionnaireRun(workshopId: string, questionnaireId: string, json: string) {
    await this.pool.query(
      `INSERT INTO questionnaire_runs (workshop_id, questionnaire_id, run, updated_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (workshop_id, questionnaire_id)
       DO UPDATE SET run = excluded.run, updated_at = excluded.updated_at`,
      [workshopId, questionnaireId, json, new Date().toISOString()],
    );
  }

  async listQuestionnaireRuns(workshopId: string): Promise<QuestionnaireRunRow[]> {
    const { rows } = await this.pool.query<QuestionnaireRunRow>(
      `SELECT questionnaire_id AS "questionnaireId", run AS json FROM questionnaire_runs
       WHERE workshop_id = $1 ORDER BY position`,
      [workshopId],
    );
    return rows;
  }

  async putHeldAnswers(
    workshopId: string,
    questionnaireId: string,
    identityId: string,
    json: string,
  ): Promise<void> {
    await this.pool.query(
      `INSERT INTO questionnaire_answers (workshop_id, questionnaire_id, identity_id, answers, updated_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (workshop_id, questionnaire_id, identity_id)
       DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at`,
      [workshopId, questionnaireId, identityId, json, new Date().toISOString()],
    );
  }

  async listHeldAnswers(workshopId: string, questionnaireId: string): Promise<HeldAnswersRow[]> {
    const { rows } = await this.pool.query<HeldAnswersRow>(
      `SELECT identity_id AS "identityId", answers AS json FROM questionnaire_answers
       WHERE workshop_id = $1 AND questionnaire_id = $2 ORDER BY position`,
      [workshopId, questionnaireId],
    );
    return rows;
  }

  async clearHeldAnswers(workshopId: string, questionnaireId: string): Promise<void> {
    await this.pool.query(
      'DELETE FROM questionnaire_answers WHERE workshop_id = $1 AND questionnaire_id = $2',
      [workshopId, questionnaireId],
    );
  }

  async getWorkshopStatus(workshopId: string): Promise<WorkshopStatus | null> {
    const { rows } = await this.pool.query<{ status: WorkshopStatus }>(
      'SELECT status FROM workshops WHERE id = $1',
      [workshopId],
    );
    return rows[0]?.status ?? null;
  }

  async setWorkshopStatus(workshopId: string, status: WorkshopStatus): Promise<boolean> {
    const result = await this.pool.query('UPDATE workshops SET status = $1 WHERE id = $2', [
      status,
      workshopId,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  insertRecord(row: RecordRow): Promise<void> {
    return this.records.insertRecord(row);
  }

  latestRecordVersion(workshopId: string): Promise<number> {
    return this.records.latestRecordVersion(workshopId);
  }

  getRecord(
    workshopId: string,
    version?: number,
  ): Promise<{ summary: RecordSummary; json: string } | null> {
    return this.records.getRecord(workshopId, version);
  }

  listRecords(workshopId: string): Promise<RecordSummary[]> {
    return this.records.listRecords(workshopId);
  }

  searchRecords(search: RecordSearch): Promise<{ items: RecordSearchItem[]; total: number }> {
    return this.records.searchRecords(search);
  }

  getSetting(key: string): Promise<string | null> {
    return this.records.getSetting(key);
  }

  initSetting(key: string, value: string): Promise<string> {
    return this.records.initSetting(key, value);
  }

  async isWritable(): Promise<boolean> {
    if (this.closed) return false;
    try {
      await this.pool.query('UPDATE health SET checked_at = $1 WHERE id = 1', [
        new Date().toISOString(),
      ]);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
