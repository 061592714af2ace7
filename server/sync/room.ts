/**
 * A Room is one workshop's live Y.Doc on this server, with its connections.
 *
 * The hot path, per accepted update: apply it to the doc; at the end of the event-loop turn, append
 * the turn's updates to storage in one call, THEN send one merged update message to every socket.
 * Persisting before relaying means no client ever holds an update the server could lose; batching
 * per turn keeps a busy room to one storage call and one send per socket per turn.
 * Presence (awareness) is batched the same way and never stored.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Role } from '../../shared/domain/workshop';
import type { Logger } from '../log';
import type { Storage } from '../storage/storage';
import { CLOSE_LOCKED, CLOSE_MALFORMED, CLOSE_SERVER_ERROR } from '../../shared/sync/closeCodes';
import { changesDocument } from './changesDocument';
import type { Connection } from './connection';
import {
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessageError,
} from './protocol';

/**
 * Decides whether a connection's document update may be applied (locks, archived workshops). Runs
 * only for updates from writers; without a gate every writer's update is accepted. A string
 * refuses with that reason (sent as the close reason); false refuses as a lock.
 */
export type UpdateGate = (role: Role, update: Uint8Array, doc: Y.Doc) => boolean | string;

export interface RoomOptions {
  gate?: UpdateGate;
  storage: Storage;
  log: Logger;
  /** Compact the log into a snapshot after this many updates. */
  compactEvery: number;
  /** Called when the last connection left (the registry decides when to unload). */
  onEmpty: (room: Room) => void;
  /** Called when the room can no longer be trusted (storage failed); the registry drops it. */
  onFailed: (room: Room) => void;
}

/** Transaction origin of changes the server makes itself. */
const SERVER_ORIGIN = Symbol('server');

interface PendingUpdate {
  update: Uint8Array;
  origin: Connection | null;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();

  /** This turn's accepted updates and who sent each (null: the server itself). */
  private pendingUpdates: PendingUpdate[] = [];
  private pendingPresence = new Set<number>();
  private pendingPresenceOrigins = new Set<Connection | null>();
  private flushScheduled = false;
  private persisting: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private lastSeq: number;
  private updatesSinceSnapshot: number;
  private compactionQueued = false;
  private failed = false;

  private constructor(
    readonly workshopId: string,
    private readonly options: RoomOptions,
    lastSeq: number,
    snapshotSeq: number,
  ) {
    this.lastSeq = lastSeq;
    this.updatesSinceSnapshot = lastSeq - snapshotSeq;
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** Rebuilds a workshop's doc from its snapshot and the updates logged after it. */
  static async load(workshopId: string, options: RoomOptions): Promise<Room> {
    const stored = await options.storage.loadDocument(workshopId);
    const room = new Room(workshopId, options, stored.lastSeq, stored.snapshotSeq);
    room.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot);
      for (const update of stored.updates) {
        try {
          Y.applyUpdate(room.doc, update);
        } catch (err) {
          options.log.error({ err, workshopId }, 'skipping an unreadable stored update');
        }
      }
    }, room);
    return room;
  }

  get isFailed(): boolean {
    return this.failed;
  }

  /** Adds an authenticated connection: sends our state vector and everyone's presence. */
  join(conn: Connection): void {
    this.connections.add(conn);
    conn.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    const presence = this.awareness.getStates();
    if (presence.size > 0) {
      conn.send(
        encodeAwareness(
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...presence.keys()]),
        ),
      );
    }
  }

  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    if (conn.awarenessClientIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessClientIds], null);
    }
    if (this.connections.size === 0) this.options.onEmpty(this);
  }

  /** Handles one binary message of a member connection. Never throws. */
  receive(conn: Connection, data: Uint8Array): void {
    try {
      const message = decodeClientMessage(data);
      switch (message.kind) {
        case 'sync-step1':
          void this.replyWithMissing(conn, message.stateVector);
          break;
        case 'update':
          if (conn.canWrite) this.applyClientUpdate(conn, message.update);
          break;
        case 'awareness':
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, conn);
          break;
        case 'query-awareness':
          conn.send(
            encodeAwareness(
              awarenessProtocol.encodeAwarenessUpdate(this.awareness, [
                ...this.awareness.getStates().keys(),
              ]),
            ),
          );
          break;
        case 'ignored':
          break;
      }
    } catch (err) {
      const reason = err instanceof MalformedMessageError ? err.message : 'invalid message';
      this.options.log.warn({ workshopId: this.workshopId, reason }, 'closing a connection');
      conn.close(CLOSE_MALFORMED, reason);
    }
  }

  /** Resolves once every update accepted so far is durable. */
  async whenPersisted(): Promise<void> {
    while (this.pendingUpdates.length > 0 || this.inFlight > 0) {
      if (this.pendingUpdates.length > 0) this.flush();
      await this.persisting;
    }
  }

  /** Persists what is pending and writes a snapshot now (used when the room is unloaded). */
  async compactNow(): Promise<void> {
    await this.whenPersisted();
    if (this.failed || this.updatesSinceSnapshot === 0) return;
    const throughSeq = this.lastSeq;
    const state = Y.encodeStateAsUpdate(this.doc);
    this.updatesSinceSnapshot = 0;
    await this.options.storage.compact(this.workshopId, state, throughSeq);
  }

  /** A change made by the server itself (e.g. revealed vote results): persisted, then relayed. */
  async applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    this.doc.transact(() => change(this.doc), SERVER_ORIGIN);
    await this.whenPersisted();
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** Closes every connection (they reconnect and resync) and marks the room unusable. */
  fail(err: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.options.log.error({ err, workshopId: this.workshopId }, 'room failed; dropping it');
    for (const conn of this.connections) conn.close(CLOSE_SERVER_ERROR, 'storage failure');
    this.options.onFailed(this);
  }

  private applyClientUpdate(conn: Connection, update: Uint8Array): void {
    const verdict = this.options.gate ? this.options.gate(conn.role, update, this.doc) : true;
    // An update that changes nothing (a sync reply) is never refused: reading stays possible.
    if (verdict !== true && changesDocument(this.doc, update)) {
      // Closing (rather than dropping silently) matters: the client's later updates build on this
      // one, so it must discard it and resync, or all its later edits would be stuck.
      conn.close(CLOSE_LOCKED, verdict || 'locked by the facilitator');
      return;
    }
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch {
      // A malformed update may have been partly integrated before Yjs threw: the in-memory doc can
      // no longer be trusted to match storage, so drop it and let everyone resync from storage.
      conn.close(CLOSE_MALFORMED, 'malformed update');
      this.fail(new Error('malformed update from a client'));
    }
  }

  /** Collects the doc changes clients caused; only updates that changed something arrive here. */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return; // loading from storage
    this.pendingUpdates.push({
      update,
      origin: origin === SERVER_ORIGIN ? null : (origin as Connection),
    });
    this.scheduleFlush();
  };

  private readonly onAwarenessUpdate = (change: AwarenessChange, origin: unknown): void => {
    const conn = origin && typeof origin === 'object' ? (origin as Connection) : null;
    for (const id of change.added) {
      this.pendingPresence.add(id);
      conn?.awarenessClientIds.add(id);
    }
    for (const id of change.updated) this.pendingPresence.add(id);
    for (const id of change.removed) {
      this.pendingPresence.add(id);
      conn?.awarenessClientIds.delete(id);
    }
    this.pendingPresenceOrigins.add(conn);
    this.scheduleFlush();
  };

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.pendingPresence.size > 0) {
      const ids = [...this.pendingPresence];
      const origins = this.pendingPresenceOrigins;
      this.pendingPresence = new Set();
      this.pendingPresenceOrigins = new Set();
      const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
      this.broadcast(message, origins);
    }
    if (this.pendingUpdates.length === 0 || this.failed) return;

    const batch = this.pendingUpdates;
    this.pendingUpdates = [];
    const firstSeq = this.lastSeq + 1;
    this.lastSeq += batch.length;
    this.inFlight++;
    this.persisting = this.persisting
      .then(() =>
        this.options.storage.appendUpdates(
          this.workshopId,
          firstSeq,
          batch.map((p) => p.update),
        ),
      )
      .then(
        () => {
          this.inFlight--;
          this.relay(batch);
          this.updatesSinceSnapshot += batch.length;
          this.maybeCompact();
        },
        (err: unknown) => {
          this.inFlight--;
          this.fail(err);
        },
      );
  }

  /**
   * One merged message for everyone who sent nothing this turn; each sender gets the merge of the
   * others' updates only (never its own back), or nothing when it was the only sender.
   */
  private relay(batch: PendingUpdate[]): void {
    const merge = (parts: PendingUpdate[]) =>
      encodeUpdate(
        parts.length === 1 ? parts[0]!.update : Y.mergeUpdates(parts.map((p) => p.update)),
      );
    const senders = new Set(batch.map((p) => p.origin));
    const everyone = merge(batch);
    for (const conn of this.connections) {
      if (!senders.has(conn)) {
        conn.send(everyone);
        continue;
      }
      const others = batch.filter((p) => p.origin !== conn);
      if (others.length > 0) conn.send(merge(others));
    }
  }

  /** Sends to every connection; skips the sender when a message holds one sender's changes only. */
  private broadcast(message: Uint8Array, origins: Set<Connection | null>): void {
    const soleOrigin = origins.size === 1 ? origins.values().next().value : undefined;
    for (const conn of this.connections) {
      if (conn !== soleOrigin) conn.send(message);
    }
  }

  private async replyWithMissing(conn: Connection, stateVector: Uint8Array): Promise<void> {
    try {
      // Only persisted state may leave the server: wait for in-flight appends first.
      await this.whenPersisted();
      if (this.failed) return;
      conn.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector)));
    } catch {
      conn.close(CLOSE_MALFORMED, 'invalid state vector');
    }
  }

  /** Compaction runs after the current turn, never inside the update path. */
  private maybeCompact(): void {
    if (this.compactionQueued || this.updatesSinceSnapshot < this.options.compactEvery) return;
    this.compactionQueued = true;
    setTimeout(() => {
      this.compactionQueued = false;
      this.compactNow().catch((err: unknown) => this.fail(err));
    }, 0);
  }
}
