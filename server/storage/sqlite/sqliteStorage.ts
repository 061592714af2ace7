/**
 * SQLite storage (better-sqlite3, WAL): one file, DATA_DIR/transforma.sqlite.
 * WAL with synchronous=NORMAL keeps every committed transaction across a killed process; FULL adds
 * an fsync per commit for power-loss durability.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Role, SharedLinkRole, WorkshopStatus } from '../../../shared/domain/workshop';
import { FIRST_GENERATIONS, type LinkGenerations } from '../../auth/tokens';
import type { RecordSearchItem, RecordSummary } from '../../../shared/record/api';
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
import { SqliteRecords } from './sqliteRecords';

const IDENTITY_COLUMNS =
  'id, workshop_id AS workshopId, role, name, organisation, helix, region_id AS regionId, removed, joined_at AS joinedAt, ' +
  'consent_to_names AS consentToNames';

type IdentityDbRow = Omit<IdentityRow, 'removed' | 'consentToNames'> & {
  removed: number;
  consentToNames: number;
};

function toIdentity(row: IdentityDbRow): IdentityRow {
  return { ...row, removed: row.removed === 1, consentToNames: row.consentToNames === 1 };
}

export interface SqliteOptions {
  dataDir: string;
  synchronous?: 'NORMAL' | 'FULL';
  fileName?: string;
}

export class SqliteStorage implements Storage {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly stmt;
  private readonly records: SqliteRecords;
  private readonly append: (workshopId: string, updates: Uint8Array[]) => AppendedSeqs;

  constructor(options: SqliteOptions) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    this.db = new Database(path.join(options.dataDir, options.fileName ?? 'transforma.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    this.records = new SqliteRecords(this.db);
    this.stmt = {
      insertWorkshop: this.db.prepare(
        'INSERT INTO workshops (id, title, template, created_at) VALUES (?, ?, ?, ?)',
      ),
      insertToken: this.db.prepare(
        'INSERT INTO workshop_tokens (token_hash, workshop_id, role) VALUES (?, ?, ?)',
      ),
      getWorkshop: this.db.prepare(
        'SELECT id, title, template, created_at AS createdAt FROM workshops WHERE id = ?',
      ),
      roleForToken: this.db.prepare(
        'SELECT role FROM workshop_tokens WHERE token_hash = ? AND workshop_id = ?',
      ),
      linkGenerations: this.db.prepare(
        `SELECT role, generation FROM workshop_tokens
         WHERE workshop_id = ? AND role IN ('participant', 'projector')`,
      ),
      rotateLinkToken: this.db.prepare(
        `UPDATE workshop_tokens SET token_hash = ?, generation = ?
         WHERE workshop_id = ? AND role = ? AND generation = ?`,
      ),
      advanceSeq: this.db.prepare(
        'UPDATE workshops SET last_seq = last_seq + ? WHERE id = ? RETURNING last_seq AS lastSeq',
      ),
      lastSeq: this.db.prepare('SELECT last_seq AS lastSeq FROM workshops WHERE id = ?'),
      insertUpdate: this.db.prepare(
        'INSERT INTO doc_updates (workshop_id, seq, data) VALUES (?, ?, ?)',
      ),
      getSnapshot: this.db.prepare('SELECT seq, state FROM doc_snapshots WHERE workshop_id = ?'),
      getUpdates: this.db.prepare(
        'SELECT seq, data FROM doc_updates WHERE workshop_id = ? AND seq > ? ORDER BY seq',
      ),
      upsertSnapshot: this.db.prepare(
        `INSERT INTO doc_snapshots (workshop_id, seq, state, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (workshop_id) DO UPDATE SET seq = excluded.seq, state = excluded.state,
         created_at = excluded.created_at WHERE excluded.seq >= doc_snapshots.seq`,
      ),
      deleteUpdatesThrough: this.db.prepare(
        'DELETE FROM doc_updates WHERE workshop_id = ? AND seq <= ?',
      ),
      touchHealth: this.db.prepare('UPDATE health SET checked_at = ? WHERE id = 1'),
      insertIdentity: this.db.prepare(
        `INSERT INTO identities (id, workshop_id, token_hash, role, name, organisation, helix, region_id,
           removed, joined_at, consent_to_names, device_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      identitiesForDevice: this.db.prepare(
        `SELECT ${IDENTITY_COLUMNS} FROM identities WHERE workshop_id = ? AND device_hash = ?
         ORDER BY joined_at, id`,
      ),
      identityForToken: this.db.prepare(
        `SELECT ${IDENTITY_COLUMNS} FROM identities WHERE token_hash = ? AND workshop_id = ?`,
      ),
      listIdentities: this.db.prepare(
        `SELECT ${IDENTITY_COLUMNS} FROM identities WHERE workshop_id = ? ORDER BY joined_at, id`,
      ),
      updateIdentity: this.db.prepare(
        `UPDATE identities SET role = coalesce(?, role), removed = coalesce(?, removed),
         name = coalesce(?, name) WHERE workshop_id = ? AND id = ?`,
      ),
      getBallots: this.db.prepare(
        'SELECT ballots AS json, version FROM vote_ballots WHERE workshop_id = ?',
      ),
      insertBallots: this.db.prepare(
        `INSERT INTO vote_ballots (workshop_id, ballots, updated_at, version) VALUES (?, ?, ?, 1)
         ON CONFLICT (workshop_id) DO NOTHING`,
      ),
      updateBallots: this.db.prepare(
        `UPDATE vote_ballots SET ballots = ?, updated_at = ?, version = version + 1
         WHERE workshop_id = ? AND version = ?`,
      ),
      getDraftOwner: this.db.prepare(
        'SELECT identity_id FROM private_drafts WHERE workshop_id = ? AND round_id = ? AND draft_id = ?',
      ),
      putDraft: this.db.prepare(
        `INSERT INTO private_drafts (workshop_id, round_id, draft_id, identity_id, draft, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (workshop_id, round_id, draft_id)
         DO UPDATE SET draft = excluded.draft, updated_at = excluded.updated_at`,
      ),
      deleteDraft: this.db.prepare(
        'DELETE FROM private_drafts WHERE workshop_id = ? AND round_id = ? AND draft_id = ? AND identity_id = ?',
      ),
      listDrafts: this.db.prepare(
        `SELECT draft_id AS draftId, identity_id AS identityId, draft FROM private_drafts
         WHERE workshop_id = ? AND round_id = ? ORDER BY rowid`,
      ),
      clearDrafts: this.db.prepare('DELETE FROM private_drafts WHERE workshop_id = ?'),
      putQuestionnaireRun: this.db.prepare(
        `INSERT INTO questionnaire_runs (workshop_id, questionnaire_id, run, updated_at)
         VALUES (?, ?, ?, ?)
         ON CONFLICT (workshop_id, questionnaire_id)
         DO UPDATE SET run = excluded.run, updated_at = excluded.updated_at`,
      ),
      listQuestionnaireRuns: this.db.prepare(
        `SELECT questionnaire_id AS questionnaireId, run AS json FROM questionnaire_runs
         WHERE workshop_id = ? ORDER BY rowid`,
      ),
      putHeldAnswers: this.db.prepare(
        `INSERT INTO questionnaire_answers (workshop_id, questionnaire_id, identity_id, answers, updated_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (workshop_id, questionnaire_id, identity_id)
         DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at`,
      ),
      listHeldAnswers: this.db.prepare(
        `SELECT identity_id AS identityId, answers AS json FROM questionnaire_answers
         WHERE workshop_id = ? AND questionnaire_id = ? ORDER BY rowid`,
      ),
      clearHeldAnswers: this.db.prepare(
        'DELETE FROM questionnaire_answers WHERE workshop_id = ? AND questionnaire_id = ?',
      ),
      getControl: this.db.prepare(
        'SELECT state AS json, version FROM control_states WHERE workshop_id = ?',
      ),
      insertControl: this.db.prepare(
        `INSERT INTO control_states (workshop_id, state, updated_at, version) VALUES (?, ?, ?, 1)
         ON CONFLICT (workshop_id) DO NOTHING`,
      ),
      updateControl: this.db.prepare(
        `UPDATE control_states SET state = ?, updated_at = ?, version = version + 1
         WHERE workshop_id = ? AND version = ?`,
      ),
    };
    // The counter and the rows in one transaction: another process's append waits for it.
    this.append = this.db.transaction((workshopId: string, updates: Uint8Array[]) => {
      const row = this.stmt.advanceSeq.get(updates.length, workshopId) as
        { lastSeq: number } | undefined;
      if (!row) throw new Error(`no workshop ${workshopId}`);
      const firstSeq = row.lastSeq - updates.length + 1;
      updates.forEach((u, i) => this.stmt.insertUpdate.run(workshopId, firstSeq + i, u));
      return { firstSeq, lastSeq: row.lastSeq };
    });
  }

  async createWorkshop(w: NewWorkshop): Promise<void> {
    this.db.transaction(() => {
      this.stmt.insertWorkshop.run(w.id, w.title, w.template, w.createdAt);
      for (const [role, hash] of Object.entries(w.tokenHashes)) {
        this.stmt.insertToken.run(hash, w.id, role);
      }
      this.stmt.upsertSnapshot.run(w.id, 0, w.initialState, w.createdAt);
    })();
  }

  async getWorkshop(id: string): Promise<WorkshopRow | null> {
    return (this.stmt.getWorkshop.get(id) as WorkshopRow | undefined) ?? null;
  }

  async roleForToken(workshopId: string, tokenHash: string): Promise<Role | null> {
    const row = this.stmt.roleForToken.get(tokenHash, workshopId) as { role: Role } | undefined;
    return row?.role ?? null;
  }

  async linkGenerations(workshopId: string): Promise<LinkGenerations> {
    const rows = this.stmt.linkGenerations.all(workshopId) as {
      role: SharedLinkRole;
      generation: number;
    }[];
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
    const result = this.stmt.rotateLinkToken.run(
      tokenHash,
      generation,
      workshopId,
      role,
      generation - 1,
    );
    return result.changes > 0;
  }

  async appendUpdates(workshopId: string, updates: Uint8Array[]): Promise<AppendedSeqs> {
    return this.append(workshopId, updates);
  }

  async loadDocument(workshopId: string): Promise<StoredDocument> {
    return this.db.transaction(() => {
      const snap = this.stmt.getSnapshot.get(workshopId) as
        { seq: number; state: Buffer } | undefined;
      const snapshotSeq = snap?.seq ?? 0;
      const rows = this.stmt.getUpdates.all(workshopId, snapshotSeq) as {
        seq: number;
        data: Buffer;
      }[];
      const counter = this.stmt.lastSeq.get(workshopId) as { lastSeq: number } | undefined;
      return {
        snapshot: snap ? new Uint8Array(snap.state) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        snapshotSeq,
        lastSeq: counter?.lastSeq ?? snapshotSeq,
      };
    })();
  }

  async compact(workshopId: string, state: Uint8Array, throughSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.stmt.upsertSnapshot.run(workshopId, throughSeq, state, new Date().toISOString());
      this.stmt.deleteUpdatesThrough.run(workshopId, throughSeq);
    })();
  }

  async createIdentity(i: IdentityRow, tokenHash: string, deviceHash?: string): Promise<void> {
    this.stmt.insertIdentity.run(
      i.id,
      i.workshopId,
      tokenHash,
      i.role,
      i.name,
      i.organisation,
      i.helix,
      i.regionId,
      i.removed ? 1 : 0,
      i.joinedAt,
      i.consentToNames ? 1 : 0,
      deviceHash ?? null,
    );
  }

  async identitiesForDevice(workshopId: string, deviceHash: string): Promise<IdentityRow[]> {
    const rows = this.stmt.identitiesForDevice.all(workshopId, deviceHash) as IdentityDbRow[];
    return rows.map(toIdentity);
  }

  async identityForToken(workshopId: string, tokenHash: string): Promise<IdentityRow | null> {
    const row = this.stmt.identityForToken.get(tokenHash, workshopId) as IdentityDbRow | undefined;
    return row ? toIdentity(row) : null;
  }

  async listIdentities(workshopId: string): Promise<IdentityRow[]> {
    return (this.stmt.listIdentities.all(workshopId) as IdentityDbRow[]).map(toIdentity);
  }

  async updateIdentity(
    workshopId: string,
    identityId: string,
    patch: { role?: Role; removed?: boolean; name?: string },
  ): Promise<boolean> {
    const removed = patch.removed === undefined ? null : patch.removed ? 1 : 0;
    const result = this.stmt.updateIdentity.run(
      patch.role ?? null,
      removed,
      patch.name ?? null,
      workshopId,
      identityId,
    );
    return result.changes > 0;
  }

  async getControlState(workshopId: string): Promise<Versioned | null> {
    return (this.stmt.getControl.get(workshopId) as Versioned | undefined) ?? null;
  }

  async putControlState(
    workshopId: string,
    json: string,
    expectedVersion: number,
  ): Promise<boolean> {
    const now = new Date().toISOString();
    const result =
      expectedVersion === 0
        ? this.stmt.insertControl.run(workshopId, json, now)
        : this.stmt.updateControl.run(json, now, workshopId, expectedVersion);
    return result.changes > 0;
  }

  async getBallots(workshopId: string): Promise<Versioned | null> {
    return (this.stmt.getBallots.get(workshopId) as Versioned | undefined) ?? null;
  }

  async putBallots(workshopId: string, json: string, expectedVersion: number): Promise<boolean> {
    const now = new Date().toISOString();
    const result =
      expectedVersion === 0
        ? this.stmt.insertBallots.run(workshopId, json, now)
        : this.stmt.updateBallots.run(json, now, workshopId, expectedVersion);
    return result.changes > 0;
  }

  async putDraft(workshopId: string, roundId: string, row: DraftRow): Promise<boolean> {
    const owner = this.stmt.getDraftOwner.get(workshopId, roundId, row.draftId) as
      { identity_id: string } | undefined;
    if (owner && owner.identity_id !== row.identityId) return false;
    const now = new Date().toISOString();
    this.stmt.putDraft.run(workshopId, roundId, row.draftId, row.identityId, row.draft, now);
    return true;
  }

  async deleteDraft(
    workshopId: string,
    roundId: string,
    draftId: string,
    identityId: string,
  ): Promise<boolean> {
    return this.stmt.deleteDraft.run(workshopId, roundId, draftId, identityId).changes > 0;
  }

  async listDrafts(workshopId: string, roundId: string): Promise<DraftRow[]> {
    return this.stmt.listDrafts.all(workshopId, roundId) as DraftRow[];
  }

  async clearDrafts(workshopId: string): Promise<void> {
    this.stmt.clearDrafts.run(workshopId);
  }

  async putQuestionnaireRun(workshopId: string, questionnaireId: string, json: string) {
    this.stmt.putQuestionnaireRun.run(workshopId, questionnaireId, json, new Date().toISOString());
  }

  async listQuestionnaireRuns(workshopId: string): Promise<QuestionnaireRunRow[]> {
    return this.stmt.listQuestionnaireRuns.all(workshopId) as QuestionnaireRunRow[];
  }

  async putHeldAnswers(
    workshopId: string,
    questionnaireId: string,
    identityId: string,
    json: string,
  ): Promise<void> {
    const now = new Date().toISOString();
    this.stmt.putHeldAnswers.run(workshopId, questionnaireId, identityId, json, now);
  }

  async listHeldAnswers(workshopId: string, questionnaireId: string): Promise<HeldAnswersRow[]> {
    return this.stmt.listHeldAnswers.all(workshopId, questionnaireId) as HeldAnswersRow[];
  }

  async clearHeldAnswers(workshopId: string, questionnaireId: string): Promise<void> {
    this.stmt.clearHeldAnswers.run(workshopId, questionnaireId);
  }

  async getWorkshopStatus(workshopId: string): Promise<WorkshopStatus | null> {
    return this.records.getWorkshopStatus(workshopId);
  }

  async setWorkshopStatus(workshopId: string, status: WorkshopStatus): Promise<boolean> {
    return this.records.setWorkshopStatus(workshopId, status);
  }

  async insertRecord(row: RecordRow): Promise<void> {
    this.records.insertRecord(row);
  }

  async latestRecordVersion(workshopId: string): Promise<number> {
    return this.records.latestRecordVersion(workshopId);
  }

  async getRecord(
    workshopId: string,
    version?: number,
  ): Promise<{ summary: RecordSummary; json: string } | null> {
    return this.records.getRecord(workshopId, version);
  }

  async listRecords(workshopId: string): Promise<RecordSummary[]> {
    return this.records.listRecords(workshopId);
  }

  async searchRecords(search: RecordSearch): Promise<{ items: RecordSearchItem[]; total: number }> {
    return this.records.searchRecords(search);
  }

  async getSetting(key: string): Promise<string | null> {
    return this.records.getSetting(key);
  }

  async initSetting(key: string, value: string): Promise<string> {
    return this.records.initSetting(key, value);
  }

  async isWritable(): Promise<boolean> {
    try {
      this.stmt.touchHealth.run(new Date().toISOString());
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
