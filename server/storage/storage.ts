/**
 * The one storage interface. SQLite (embedded default) implements it today; PostgreSQL will for the
 * scale-out. Every implementation must pass tests/integration/storage-contract.test.ts.
 *
 * Methods are async so a networked database fits; the SQLite implementation does its work
 * synchronously and returns settled promises, which keeps the relay's hot path short.
 */
import type { Participant } from '../../shared/domain/identity';
import type { Role, RoleMap, WorkshopTemplate } from '../../shared/domain/workshop';

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

export interface IdentityRow extends Participant {
  workshopId: string;
  removed: boolean;
}

export interface Storage {
  createWorkshop(workshop: NewWorkshop): Promise<void>;
  getWorkshop(id: string): Promise<WorkshopRow | null>;
  /** The role a token hash grants in that workshop, or null. */
  roleForToken(workshopId: string, tokenHash: string): Promise<Role | null>;
  /**
   * Appends updates with seq firstSeq, firstSeq+1, … atomically: all or none. Resolves once they are
   * durable to the degree configured; the caller relays them only after that.
   */
  appendUpdates(workshopId: string, firstSeq: number, updates: Uint8Array[]): Promise<void>;
  loadDocument(workshopId: string): Promise<StoredDocument>;
  /** Replaces the snapshot by `state` (which includes every update up to throughSeq) and drops those updates. */
  compact(workshopId: string, state: Uint8Array, throughSeq: number): Promise<void>;
  /** A person who joined (their token stored as a hash). */
  createIdentity(identity: IdentityRow, tokenHash: string): Promise<void>;
  identityForToken(workshopId: string, tokenHash: string): Promise<IdentityRow | null>;
  listIdentities(workshopId: string): Promise<IdentityRow[]>;
  /** Changes a person's role or removes them; false when there is no such person. */
  updateIdentity(
    workshopId: string,
    identityId: string,
    patch: { role?: Role; removed?: boolean },
  ): Promise<boolean>;
  /** The workshop's facilitation state (control plane) as JSON text, or null before the first command. */
  getControlState(workshopId: string): Promise<string | null>;
  putControlState(workshopId: string, json: string): Promise<void>;
  /** The secret ballots of a workshop's current vote (JSON), kept apart from the broadcast state. */
  getBallots(workshopId: string): Promise<string | null>;
  putBallots(workshopId: string, json: string): Promise<void>;
  /** True while the database accepts writes (health check). */
  isWritable(): Promise<boolean>;
  close(): Promise<void>;
}
