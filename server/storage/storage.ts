/**
 * Storage, split by concern into small role interfaces: each service takes only the ones it uses.
 * SQLite (embedded default) and PostgreSQL (DATABASE_URL) implement all of them (`Storage`); both
 * must pass tests/integration/storage-contract.test.ts. `openStorage` (./openStorage.ts) picks one.
 *
 * Methods are async so a networked database fits; the SQLite implementation does its work
 * synchronously and returns settled promises, which keeps the relay's hot path short.
 */
import type { Identity } from '../../shared/domain/identity';
import type {
  Role,
  RoleMap,
  SharedLinkRole,
  WorkshopStatus,
  WorkshopTemplate,
} from '../../shared/domain/workshop';
import type { LinkGenerations } from '../auth/tokens';
import type { RecordSearchItem, RecordSummary } from '../../shared/record/api';

export interface WorkshopRow {
  id: string;
  title: string;
  template: WorkshopTemplate;
  createdAt: string;
}

export interface NewWorkshop extends WorkshopRow {
  tokenHashes: RoleMap<string>;
  /** The doc as created (meta filled in): stored as the first snapshot. */
  initialState: Uint8Array;
}

/** What a workshop's doc is rebuilt from: the latest snapshot, then the updates logged after it. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  /** Updates with seq > snapshotSeq, in seq order. */
  updates: Uint8Array[];
  snapshotSeq: number;
  /** Highest seq stored (snapshotSeq when there are no updates after it). */
  lastSeq: number;
}

export interface IdentityRow extends Identity {
  workshopId: string;
  removed: boolean;
}

/** A private-writing draft as stored: `draft` is the JSON of shared/control/privateWriting Draft. */
export interface DraftRow {
  draftId: string;
  identityId: string;
  draft: string;
}

/** A record version as stored: its summary, the columns search filters on, and the record JSON. */
export interface RecordRow extends RecordSummary {
  /** Lower-cased title, field, capacity and activity titles (what `q` searches). */
  searchText: string;
  /** Lower-cased region names and NUTS codes (the region filter matches one exactly). */
  regionKeys: string[];
  json: string;
}

/** A search over every workshop's latest record; text filters are lower-cased by the caller. */
export interface RecordSearch {
  /** Each must appear in searchText. */
  words: string[];
  region?: string;
  template?: WorkshopTemplate;
  /** Must appear in the lower-cased field. */
  field?: string;
  /** heldOn bounds, YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  offset: number;
  limit: number;
}

/** The seqs the database gave an appended batch: firstSeq … lastSeq, consecutive. */
export interface AppendedSeqs {
  firstSeq: number;
  lastSeq: number;
}

/**
 * A workshop's document: a snapshot and the log of updates after it. Sequence numbers come from the
 * database (a per-workshop counter, advanced in the append's transaction), never from a process's
 * memory, so several processes can append to one workshop and every seq is still unique and
 * committed in order.
 */
export interface DocumentLog {
  /**
   * Appends updates atomically (all or none) with the next consecutive seqs of the workshop, and
   * says which. Resolves once they are durable to the degree configured; the caller relays them
   * only after that. Rejects for a workshop that does not exist.
   */
  appendUpdates(workshopId: string, updates: Uint8Array[]): Promise<AppendedSeqs>;
  loadDocument(workshopId: string): Promise<StoredDocument>;
  /**
   * Replaces the snapshot by `state` (which must include every update with seq ≤ throughSeq) and
   * drops exactly those updates: ones appended after (by this or another process) stay. An older
   * snapshot never replaces a newer one.
   */
  compact(workshopId: string, state: Uint8Array, throughSeq: number): Promise<void>;
}

export interface Workshops {
  createWorkshop(workshop: NewWorkshop): Promise<void>;
  getWorkshop(id: string): Promise<WorkshopRow | null>;
  /** The role a token hash grants in that workshop, or null. */
  roleForToken(workshopId: string, tokenHash: string): Promise<Role | null>;
  /** The generation each shared link's token was derived with (0 until it is first reset). */
  linkGenerations(workshopId: string): Promise<LinkGenerations>;
  /**
   * Replaces a shared link's token by the one of `generation`, if that is the next one (false
   * otherwise: someone reset it first). The old token grants nothing from then on.
   */
  rotateLinkToken(
    workshopId: string,
    role: SharedLinkRole,
    generation: number,
    tokenHash: string,
  ): Promise<boolean>;
  /** open, archived, or null when there is no such workshop. */
  getWorkshopStatus(workshopId: string): Promise<WorkshopStatus | null>;
  /** false when there is no such workshop. */
  setWorkshopStatus(workshopId: string, status: WorkshopStatus): Promise<boolean>;
}

export interface Identities {
  /** A person who joined (their token, and the device they joined from, stored as hashes). */
  createIdentity(identity: IdentityRow, tokenHash: string, deviceHash?: string): Promise<void>;
  identityForToken(workshopId: string, tokenHash: string): Promise<IdentityRow | null>;
  /** Everyone who joined the workshop from that device (removed people included). */
  identitiesForDevice(workshopId: string, deviceHash: string): Promise<IdentityRow[]>;
  /** Everyone who joined, in joining order, removed people included (`removed`). */
  listIdentities(workshopId: string): Promise<IdentityRow[]>;
  /** Changes a person's role or name, removes or readmits them; false when there is no such person. */
  updateIdentity(
    workshopId: string,
    identityId: string,
    patch: { role?: Role; removed?: boolean; name?: string },
  ): Promise<boolean>;
}

/** A JSON value stored with its version: 1 for the first write, one more for each later one. */
export interface Versioned {
  json: string;
  version: number;
}

/**
 * The facilitation state (control plane) and the secret ballots of the current vote, each one JSON
 * value per workshop. Writes compare and set: `expectedVersion` is the version the writer read (0:
 * it read nothing), and a writer whose copy is stale is refused (false) instead of overwriting a
 * newer state; it re-reads and tries again.
 */
export interface ControlStateStore {
  /** The workshop's facilitation state, or null before the first command. */
  getControlState(workshopId: string): Promise<Versioned | null>;
  putControlState(workshopId: string, json: string, expectedVersion: number): Promise<boolean>;
  /** The secret ballots of the workshop's current vote, kept apart from the broadcast state. */
  getBallots(workshopId: string): Promise<Versioned | null>;
  putBallots(workshopId: string, json: string, expectedVersion: number): Promise<boolean>;
}

export interface Drafts {
  /** Creates or replaces a person's draft; false when that draft id belongs to someone else. */
  putDraft(workshopId: string, roundId: string, row: DraftRow): Promise<boolean>;
  /** Deletes a person's draft; false when they have no such draft. */
  deleteDraft(
    workshopId: string,
    roundId: string,
    draftId: string,
    identityId: string,
  ): Promise<boolean>;
  /** Every draft of a round, in the order they were first written. */
  listDrafts(workshopId: string, roundId: string): Promise<DraftRow[]>;
  /** Forgets every draft of the workshop (a round was revealed, cancelled or replaced). */
  clearDrafts(workshopId: string): Promise<void>;
}

/** A questionnaire's run state as stored: `json` is shared/control/questionnaires QuestionnaireRun. */
export interface QuestionnaireRunRow {
  questionnaireId: string;
  json: string;
}

/** One person's answers to a questionnaire, held before the reveal: `json` is their answers. */
export interface HeldAnswersRow {
  identityId: string;
  json: string;
}

/**
 * Questionnaires run in a workshop (issue 12): each run's state, and each person's answers held by
 * the server while private (never in the doc before the reveal).
 */
export interface QuestionnaireStore {
  /** Creates or replaces a run's state. */
  putQuestionnaireRun(workshopId: string, questionnaireId: string, json: string): Promise<void>;
  /** Every run of the workshop, in the order they were started. */
  listQuestionnaireRuns(workshopId: string): Promise<QuestionnaireRunRow[]>;
  /** Creates or replaces one person's held answers. */
  putHeldAnswers(
    workshopId: string,
    questionnaireId: string,
    identityId: string,
    json: string,
  ): Promise<void>;
  /** Everyone's held answers, in the order they first saved. */
  listHeldAnswers(workshopId: string, questionnaireId: string): Promise<HeldAnswersRow[]>;
  /** Forgets the held answers of a questionnaire (they were revealed or the run was cancelled). */
  clearHeldAnswers(workshopId: string, questionnaireId: string): Promise<void>;
}

export interface Records {
  /**
   * Stores a record version. Records are immutable: an existing (workshop, version) is refused
   * (rejects), and stored ones never change. Storing an 'archive' record also marks the workshop
   * archived, in the same transaction.
   */
  insertRecord(row: RecordRow): Promise<void>;
  /** The highest version stored for the workshop; 0 when it has none. */
  latestRecordVersion(workshopId: string): Promise<number>;
  /** One version (the latest when `version` is omitted), or null. */
  getRecord(
    workshopId: string,
    version?: number,
  ): Promise<{ summary: RecordSummary; json: string } | null>;
  /** Every version of a workshop, oldest first. */
  listRecords(workshopId: string): Promise<RecordSummary[]>;
  /** The latest record of each workshop that matches, most recently held first. */
  searchRecords(search: RecordSearch): Promise<{ items: RecordSearchItem[]; total: number }>;
}

export interface Settings {
  /** An instance setting, or null. */
  getSetting(key: string): Promise<string | null>;
  /** Stores `value` unless the key is set already; returns the stored value (the first writer wins). */
  initSetting(key: string, value: string): Promise<string>;
}

export interface Health {
  /** True while the database accepts writes (health check). */
  isWritable(): Promise<boolean>;
}

/** Everything one backend provides. Only wiring (app.ts), tests and tools hold all of it. */
export interface Storage
  extends
    DocumentLog,
    Workshops,
    Identities,
    ControlStateStore,
    Drafts,
    QuestionnaireStore,
    Records,
    Settings,
    Health {
  /** `sqlite` or `postgres`, for the log and the health check. */
  readonly kind: 'sqlite' | 'postgres';
  close(): Promise<void>;
}
