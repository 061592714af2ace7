/**
 * A room's way to storage: the updates accepted this turn, appended in one call per turn, one
 * batch after another, and the snapshot that compacts the log. Separate from the room's relay
 * logic because it owns the durability bookkeeping (which seqs the doc holds, how many updates
 * since the last snapshot, what is still in flight); the room relays a batch only once this queue
 * says it is durable (`onDurable`).
 */
import * as Y from 'yjs';
import type { Logger } from '../log';
import type { DocumentLog } from '../storage/storage';
import type { Connection } from './connection';
import type { SentUpdate } from './relay';
import { SeqFrontier } from './seqFrontier';

/** An accepted update and who sent it (null: the server itself). */
export type PendingUpdate = SentUpdate<Connection>;

export interface PersistQueueOptions {
  workshopId: string;
  doc: Y.Doc;
  storage: DocumentLog;
  /** Compact the log into a snapshot after this many updates. */
  compactEvery: number;
  /** Whether the room has failed: nothing more is stored, every wait ends. */
  isFailed: () => boolean;
  /** A batch is stored, numbered firstSeq..lastSeq by the database: relay it now. */
  onDurable: (batch: PendingUpdate[], firstSeq: number, lastSeq: number) => void;
  /** A snapshot now holds the whole log: its size is the stored size. */
  onCompacted: (storedBytes: number) => void;
  /** Storage failed. */
  onFailed: (err: unknown) => void;
}

export class PersistQueue {
  private pending: PendingUpdate[] = [];
  private persisting: Promise<void> = Promise.resolve();
  private inFlight = 0;
  /** The logged updates the doc holds, by the seqs the database gave them. */
  private readonly seqs: SeqFrontier;
  private updatesSinceSnapshot: number;
  private compactionQueued = false;

  constructor(
    private readonly options: PersistQueueOptions,
    lastSeq: number,
    snapshotSeq: number,
  ) {
    this.seqs = new SeqFrontier(lastSeq);
    this.updatesSinceSnapshot = lastSeq - snapshotSeq;
  }

  add(update: PendingUpdate): void {
    this.pending.push(update);
  }

  /** Drops what was not stored yet (the room failed). */
  drop(): void {
    this.pending = [];
  }

  /** Appends this turn's updates to storage, after the batches already in flight. */
  flush(): void {
    if (this.options.isFailed()) this.pending = [];
    if (this.pending.length === 0) return;

    const batch = this.pending;
    this.pending = [];
    this.inFlight++;
    this.persisting = this.persisting
      .then(() =>
        // The database numbers the batch: another process may be appending to this workshop too.
        this.options.storage.appendUpdates(
          this.options.workshopId,
          batch.map((p) => p.update),
        ),
      )
      .then(
        ({ firstSeq, lastSeq }) => {
          this.seqs.add(firstSeq, lastSeq);
          this.inFlight--;
          this.options.onDurable(batch, firstSeq, lastSeq);
          this.updatesSinceSnapshot += batch.length;
          this.maybeCompact();
        },
        (err: unknown) => {
          this.inFlight--;
          this.options.onFailed(err);
        },
      );
  }

  /**
   * Resolves once every update accepted so far is durable, or at once when the room has failed
   * (its pending updates are then dropped: callers check `isFailed`).
   */
  async whenPersisted(): Promise<void> {
    while (!this.options.isFailed() && (this.pending.length > 0 || this.inFlight > 0)) {
      if (this.pending.length > 0) this.flush();
      await this.persisting;
    }
  }

  /** Persists what is pending and writes a snapshot now (used when the room is unloaded). */
  async compactNow(): Promise<void> {
    await this.whenPersisted();
    if (this.options.isFailed() || this.updatesSinceSnapshot === 0) return;
    // Only up to the first seq the doc lacks (another process appended it): the snapshot drops
    // exactly the updates it contains.
    const throughSeq = this.seqs.through;
    const state = Y.encodeStateAsUpdate(this.options.doc);
    this.updatesSinceSnapshot = 0;
    await this.options.storage.compact(this.options.workshopId, state, throughSeq);
    // Updates stored while the snapshot was written stay in the log beside it.
    if (this.seqs.last === throughSeq) this.options.onCompacted(state.byteLength);
  }

  /** Another process stored these seqs and the doc now holds them. */
  storedElsewhere(firstSeq: number, lastSeq: number): void {
    this.seqs.add(firstSeq, lastSeq);
    this.updatesSinceSnapshot += lastSeq - firstSeq + 1;
  }

  /** The doc was brought up to date from storage, through its last seq. */
  resynced(lastSeq: number): void {
    if (lastSeq > 0) this.seqs.add(1, lastSeq);
  }

  /** Compaction runs after the current turn, never inside the update path. */
  private maybeCompact(): void {
    if (this.compactionQueued || this.updatesSinceSnapshot < this.options.compactEvery) return;
    this.compactionQueued = true;
    setTimeout(() => {
      this.compactionQueued = false;
      this.compactNow().catch((err: unknown) => this.options.onFailed(err));
    }, 0);
  }
}

/** Applies stored updates in order, skipping (and logging) one that does not read. */
export function applyStoredUpdates(
  doc: Y.Doc,
  updates: Uint8Array[],
  origin: unknown,
  log: Logger,
  workshopId: string,
): void {
  for (const update of updates) {
    try {
      Y.applyUpdate(doc, update, origin);
    } catch (err) {
      log.error({ err, workshopId }, 'skipping an unreadable stored update');
    }
  }
}
