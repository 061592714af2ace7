/**
 * A Room is one workshop's live Y.Doc on this server, with its connections.
 *
 * The hot path, per accepted update: check it (it decodes, depends on nothing missing, passes the
 * gate and the size limit), apply it to the doc; at the end of the event-loop turn, append the
 * turn's updates to storage in one call, THEN send one merged update message to every socket.
 * Persisting before relaying means no client ever holds an update the server could lose; batching
 * per turn keeps a busy room to one storage call and one send per socket per turn.
 * Presence (awareness) is batched the same way and never stored; each connection may only speak
 * for the awareness ids it introduced, at a throttled rate (presence.ts).
 *
 * One connection's bad input closes that connection (4400), never the room. Only storage failing
 * fails a room; then every wait on it ends and the registry drops it.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Role } from '../../shared/domain/workshop';
import type { Logger } from '../log';
import type { Storage } from '../storage/storage';
import {
  CLOSE_LOCKED,
  CLOSE_MALFORMED,
  CLOSE_SERVER_ERROR,
  CLOSE_WORKSHOP_FULL,
} from '../../shared/sync/closeCodes';
import type { Connection } from './connection';
import { inspectUpdate } from './inspectUpdate';
import {
  decodePresence,
  encodePresence,
  PresenceOwners,
  PresenceThrottle,
  type PresenceEntry,
} from './presence';
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
  /** Stored size past which participants' growing updates are refused (facilitators' are not). */
  maxDocumentBytes: number;
  /** Presence updates applied per connection per second (more are delayed). */
  presencePerSecond: number;
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

/** Thrown to callers waiting on a room whose storage failed (they may retry: it reloads). */
export class RoomFailedError extends Error {
  constructor(workshopId: string) {
    super(`workshop ${workshopId} is reloading after a storage failure; try again`);
  }
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
  /** Bytes of the stored snapshot and update log (what MAX_DOCUMENT_BYTES limits). */
  private storedBytes: number;
  private readonly presenceOwners = new PresenceOwners<Connection>();
  private readonly presenceThrottles = new Map<Connection, PresenceThrottle>();

  private constructor(
    readonly workshopId: string,
    private readonly options: RoomOptions,
    lastSeq: number,
    snapshotSeq: number,
    storedBytes: number,
  ) {
    this.lastSeq = lastSeq;
    this.storedBytes = storedBytes;
    this.updatesSinceSnapshot = lastSeq - snapshotSeq;
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** Rebuilds a workshop's doc from its snapshot and the updates logged after it. */
  static async load(workshopId: string, options: RoomOptions): Promise<Room> {
    const stored = await options.storage.loadDocument(workshopId);
    const storedBytes =
      (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((n, u) => n + u.byteLength, 0);
    const room = new Room(workshopId, options, stored.lastSeq, stored.snapshotSeq, storedBytes);
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

  /** The stored size of the workshop, as MAX_DOCUMENT_BYTES counts it. */
  get size(): number {
    return this.storedBytes;
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
    this.presenceThrottles.get(conn)?.dispose();
    this.presenceThrottles.delete(conn);
    const ids = new Set([...conn.awarenessClientIds, ...this.presenceOwners.release(conn)]);
    const present = [...ids].filter((id) => this.awareness.getStates().has(id));
    if (present.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, present, null);
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
          this.receivePresence(conn, message.update);
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
      this.refuse(conn, CLOSE_MALFORMED, reason);
    }
  }

  /**
   * Resolves once every update accepted so far is durable, or at once when the room has failed
   * (its pending updates are then dropped: callers check `isFailed`).
   */
  async whenPersisted(): Promise<void> {
    while (!this.failed && (this.pendingUpdates.length > 0 || this.inFlight > 0)) {
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
    // Updates stored while the snapshot was written stay in the log beside it.
    if (this.lastSeq === throughSeq) this.storedBytes = state.byteLength;
  }

  /** A change made by the server itself (e.g. revealed vote results): persisted, then relayed. */
  async applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    if (this.failed) throw new RoomFailedError(this.workshopId);
    this.doc.transact(() => change(this.doc), SERVER_ORIGIN);
    await this.whenPersisted();
    if (this.failed) throw new RoomFailedError(this.workshopId);
  }

  destroy(): void {
    for (const throttle of this.presenceThrottles.values()) throttle.dispose();
    this.presenceThrottles.clear();
    this.awareness.destroy();
    this.doc.destroy();
  }

  /**
   * Storage failed: closes every connection (they reconnect and resync from storage once the
   * registry has dropped this room), drops what was not stored, and ends every wait on the room.
   */
  fail(err: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.pendingUpdates = [];
    this.options.log.error({ err, workshopId: this.workshopId }, 'room failed; dropping it');
    for (const conn of this.connections) conn.close(CLOSE_SERVER_ERROR, 'storage failure');
    this.options.onFailed(this);
  }

  private applyClientUpdate(conn: Connection, update: Uint8Array): void {
    const inspection = inspectUpdate(this.doc, update);
    if (!inspection.ok) return this.refuse(conn, CLOSE_MALFORMED, inspection.reason);
    // An update that changes nothing (a sync reply) is never refused: reading stays possible.
    if (!inspection.changes) return;
    const verdict = this.options.gate ? this.options.gate(conn.role, update, this.doc) : true;
    if (verdict !== true) {
      // Closing (rather than dropping silently) matters: the client's later updates build on this
      // one, so it must discard it and resync, or all its later edits would be stuck.
      return this.refuse(conn, CLOSE_LOCKED, verdict || 'locked by the facilitator');
    }
    if (inspection.grows && this.storedBytes + update.byteLength > this.capacityFor(conn)) {
      return this.refuse(
        conn,
        CLOSE_WORKSHOP_FULL,
        conn.role === 'facilitator'
          ? 'this workshop is full: delete something first'
          : 'this workshop is full: ask the facilitator',
      );
    }
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch (err) {
      // Checked above, so not expected; whatever Yjs integrated before throwing was announced by
      // its transaction and is stored and relayed like any change. The doc stays usable unless it
      // can no longer be encoded — only then is it reloaded from storage.
      this.refuse(conn, CLOSE_MALFORMED, 'malformed update', err);
      try {
        Y.encodeStateVector(this.doc);
      } catch (broken) {
        this.fail(broken);
      }
    }
  }

  /**
   * How large a connection's growing edits may make the workshop: participants stop at the limit;
   * facilitators may go on (to tidy up, to finish) up to twice it, so disk use stays bounded even
   * for someone who creates a workshop to fill it.
   */
  private capacityFor(conn: Connection): number {
    const limit = this.options.maxDocumentBytes;
    return conn.role === 'facilitator' ? 2 * limit : limit;
  }

  /** Closes one connection for what it sent, and says who it was in the log (never the token). */
  private refuse(conn: Connection, code: number, reason: string, err?: unknown): void {
    this.options.log.warn(
      { workshopId: this.workshopId, ...conn.who, code, reason, err },
      'refused a client message; closing its connection',
    );
    conn.close(code, reason);
  }

  /** Presence: only the connection's own ids, at most `presencePerSecond` applies a second. */
  private receivePresence(conn: Connection, update: Uint8Array): void {
    let entries: PresenceEntry[];
    try {
      entries = decodePresence(update);
    } catch {
      throw new MalformedMessageError('malformed presence update');
    }
    const admitted = this.presenceOwners.admit(conn, entries);
    if (admitted.length < entries.length) {
      this.options.log.debug(
        { workshopId: this.workshopId, ...conn.who, dropped: entries.length - admitted.length },
        'dropped presence entries for ids the connection does not own',
      );
    }
    let throttle = this.presenceThrottles.get(conn);
    if (!throttle) {
      throttle = new PresenceThrottle(this.options.presencePerSecond, (ready) => {
        if (!this.connections.has(conn)) return;
        awarenessProtocol.applyAwarenessUpdate(this.awareness, encodePresence(ready), conn);
      });
      this.presenceThrottles.set(conn, throttle);
    }
    throttle.offer(admitted);
  }

  /** Collects the doc changes clients caused; only updates that changed something arrive here. */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return; // loading from storage
    // Counted now, not when stored: several updates of one turn must not each pass the size check.
    this.storedBytes += update.byteLength;
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
    if (this.failed) this.pendingUpdates = [];
    if (this.pendingUpdates.length === 0) return;

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
