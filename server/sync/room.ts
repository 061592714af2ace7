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
 *
 * This file is the room's relay logic: membership, messages in, relaying out. Whether a client's
 * update may be applied is updateAdmission.ts, the way to storage persistQueue.ts, presence
 * roomPresence.ts, the late-join snapshot cache lateJoinSnapshot.ts.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Logger } from '../log';
import type { DocumentLog } from '../storage/storage';
import { CLOSE_MALFORMED, CLOSE_SERVER_ERROR } from '../../shared/sync/closeCodes';
import { BUS_ORIGIN, originOf, SERVER_ORIGIN } from './changeOrigin';
import type { Connection } from './connection';
import { LateJoinSnapshot } from './lateJoinSnapshot';
import { applyStoredUpdates, PersistQueue, type PendingUpdate } from './persistQueue';
import {
  decodeClientMessage,
  encodeSyncStep1,
  encodeUpdate,
  MalformedMessageError,
  MESSAGE_SYNC,
  SYNC_STEP2,
} from './protocol';
import { planRelay } from './relay';
import {
  decodeDurableUpdate,
  encodeDurableUpdate,
  LocalRoomBus,
  type BusMessage,
  type RoomBus,
} from './roomBus';
import { RoomPresence } from './roomPresence';
import { admitClientUpdate, type UpdateGate } from './updateAdmission';
import { WireFrame } from './wireFrame';

export type { UpdateGate };

export interface RoomOptions {
  gate?: UpdateGate;
  storage: DocumentLog;
  log: Logger;
  /** Compact the log into a snapshot after this many updates. */
  compactEvery: number;
  /** Stored size past which participants' growing updates are refused (facilitators' are not). */
  maxDocumentBytes: number;
  /** Presence updates applied per connection per second (more are delayed). */
  presencePerSecond: number;
  /** The other processes serving this workshop (none by default). */
  bus?: RoomBus;
  /** Called when the last connection left (the registry decides when to unload). */
  onEmpty: (room: Room) => void;
  /** Called when the room can no longer be trusted (storage failed); the registry drops it. */
  onFailed: (room: Room) => void;
}

/**
 * How long a client may take to send its sync step 2 after an update that builds on what only
 * that step brings (see applyClientUpdate); a stock client sends it within a round trip.
 */
const STEP2_GRACE_MS = 5_000;

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

  private readonly bus: RoomBus;
  private readonly persist: PersistQueue;
  private readonly presence: RoomPresence;
  private readonly lateJoin = new LateJoinSnapshot(this.doc);
  private flushScheduled = false;
  private failed = false;
  /** Bytes of the stored snapshot and update log (what MAX_DOCUMENT_BYTES limits). */
  private storedBytes: number;

  private constructor(
    readonly workshopId: string,
    private readonly options: RoomOptions,
    lastSeq: number,
    snapshotSeq: number,
    storedBytes: number,
  ) {
    this.bus = options.bus ?? new LocalRoomBus();
    this.storedBytes = storedBytes;
    this.persist = new PersistQueue(
      {
        workshopId,
        doc: this.doc,
        storage: options.storage,
        compactEvery: options.compactEvery,
        isFailed: () => this.failed,
        onDurable: (batch, firstSeq, lastSeq) => {
          this.relay(batch);
          this.publishDurable(batch, firstSeq, lastSeq);
        },
        onCompacted: (bytes) => {
          this.storedBytes = bytes;
        },
        onFailed: (err) => this.fail(err),
      },
      lastSeq,
      snapshotSeq,
    );
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onDocUpdate);
    this.presence = new RoomPresence(this.awareness, {
      workshopId,
      log: options.log,
      presencePerSecond: options.presencePerSecond,
      isMember: (conn) => this.connections.has(conn),
      onChange: () => this.scheduleFlush(),
    });
  }

  /** Rebuilds a workshop's doc from its snapshot and the updates logged after it. */
  static async load(workshopId: string, options: RoomOptions): Promise<Room> {
    const stored = await options.storage.loadDocument(workshopId);
    const storedBytes =
      (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((n, u) => n + u.byteLength, 0);
    const room = new Room(workshopId, options, stored.lastSeq, stored.snapshotSeq, storedBytes);
    room.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot);
      applyStoredUpdates(room.doc, stored.updates, undefined, options.log, workshopId);
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
    if (this.awareness.getStates().size > 0) conn.send(this.presence.everyone());
  }

  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    if (conn.step2Deadline) clearTimeout(conn.step2Deadline);
    this.presence.leave(conn);
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
          // The step 2 itself is never dropped as ahead of itself: what it lacks, the client lacks.
          if (data[0] === MESSAGE_SYNC && data[1] === SYNC_STEP2) {
            conn.sentSyncStep2 = true;
            if (conn.step2Deadline) clearTimeout(conn.step2Deadline);
            conn.step2Deadline = null;
          }
          if (conn.canWrite) this.applyClientUpdate(conn, message.update);
          break;
        case 'awareness':
          this.presence.receive(conn, message.update);
          break;
        case 'query-awareness':
          conn.send(this.presence.everyone());
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
  whenPersisted(): Promise<void> {
    return this.persist.whenPersisted();
  }

  /** Persists what is pending and writes a snapshot now (used when the room is unloaded). */
  compactNow(): Promise<void> {
    return this.persist.compactNow();
  }

  /** A change made by the server itself (e.g. revealed vote results): persisted, then relayed. */
  async applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    if (this.failed) throw new RoomFailedError(this.workshopId);
    this.doc.transact(() => change(this.doc), SERVER_ORIGIN);
    await this.whenPersisted();
    if (this.failed) throw new RoomFailedError(this.workshopId);
  }

  destroy(): void {
    this.lateJoin.invalidate();
    this.presence.dispose();
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
    this.persist.drop();
    this.options.log.error({ err, workshopId: this.workshopId }, 'room failed; dropping it');
    for (const conn of this.connections) conn.close(CLOSE_SERVER_ERROR, 'storage failure');
    this.options.onFailed(this);
  }

  private applyClientUpdate(conn: Connection, update: Uint8Array): void {
    const admission = admitClientUpdate(this.doc, conn, update, {
      gate: this.options.gate,
      storedBytes: this.storedBytes,
      maxDocumentBytes: this.options.maxDocumentBytes,
    });
    if (admission.kind === 'unchanged') return;
    if (admission.kind === 'refuse') return this.refuse(conn, admission.code, admission.reason);
    if (admission.kind === 'ahead-of-step2') {
      this.options.log.debug(
        { workshopId: this.workshopId, ...conn.who },
        'an update ahead of its sync step 2; the step will bring it',
      );
      conn.step2Deadline ??= setTimeout(() => {
        if (this.connections.has(conn)) this.refuse(conn, CLOSE_MALFORMED, admission.reason);
      }, STEP2_GRACE_MS).unref();
      return;
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

  /** Closes one connection for what it sent, and says who it was in the log (never the token). */
  private refuse(conn: Connection, code: number, reason: string, err?: unknown): void {
    this.options.log.warn(
      { workshopId: this.workshopId, ...conn.who, code, reason, err },
      'refused a client message; closing its connection',
    );
    conn.close(code, reason);
  }

  /** Collects the doc changes clients caused; only updates that changed something arrive here. */
  private readonly onDocUpdate = (update: Uint8Array, rawOrigin: unknown): void => {
    this.lateJoin.invalidate();
    if (rawOrigin === this) return; // loading from storage
    const origin = originOf(rawOrigin);
    if (origin === BUS_ORIGIN) {
      // Another process stored it already: relay only what was new to this doc.
      this.storedBytes += update.byteLength;
      const frame = new WireFrame(encodeUpdate(update));
      for (const conn of this.connections) conn.sendFrame(frame);
      return;
    }
    // Counted now, not when stored: several updates of one turn must not each pass the size check.
    this.storedBytes += update.byteLength;
    this.persist.add({
      update,
      origin: origin === SERVER_ORIGIN ? null : origin,
    });
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

  /** Sends this turn's presence, then hands its updates to storage (relayed once durable). */
  private flush(): void {
    const presence = this.presence.takeTurn();
    if (presence) {
      this.broadcast(presence.message, presence.origins);
      if (presence.forBus) {
        this.bus.publish(this.workshopId, { kind: 'presence', payload: presence.forBus });
      }
    }
    this.persist.flush();
  }

  /** Tells the other processes what is now durable, with the seqs the database gave it. */
  private publishDurable(batch: PendingUpdate[], firstSeq: number, lastSeq: number): void {
    if (this.bus instanceof LocalRoomBus) return; // nobody to tell: skip the merge
    const merged =
      batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((p) => p.update));
    this.bus.publish(this.workshopId, {
      kind: 'update',
      payload: encodeDurableUpdate(firstSeq, lastSeq, merged),
    });
  }

  /**
   * A message from another process serving this workshop: a durable update (applied and relayed,
   * not stored again) or presence (applied and relayed, never published back).
   */
  receiveFromBus(message: BusMessage): void {
    if (this.failed) return;
    try {
      if (message.kind === 'presence') {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.payload, BUS_ORIGIN);
        return;
      }
      const { firstSeq, lastSeq, update } = decodeDurableUpdate(message.payload);
      Y.applyUpdate(this.doc, update, BUS_ORIGIN);
      this.persist.storedElsewhere(firstSeq, lastSeq);
    } catch (err) {
      this.options.log.error({ err, workshopId: this.workshopId }, 'a bus message did not apply');
    }
  }

  /**
   * After the bus may have lost messages: takes from the database whatever this doc lacks and
   * relays it (Yjs applies only what is new). The database holds every durable update.
   */
  async resync(): Promise<void> {
    if (this.failed) return;
    const stored = await this.options.storage.loadDocument(this.workshopId);
    if (this.failed) return;
    this.doc.transact(() => {
      const updates = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
      applyStoredUpdates(this.doc, updates, BUS_ORIGIN, this.options.log, this.workshopId);
    }, BUS_ORIGIN);
    this.persist.resynced(stored.lastSeq);
  }

  /** One merged message for everyone; each sender gets it without its own updates (relay.ts). */
  private relay(batch: PendingUpdate[]): void {
    const turn = planRelay(batch);
    const everyone = new WireFrame(encodeUpdate(turn.everyone));
    for (const conn of this.connections) {
      const update = turn.forSender(conn);
      if (update === turn.everyone) conn.sendFrame(everyone);
      else if (update) conn.send(encodeUpdate(update));
    }
  }

  /** Sends to every connection; skips the sender when a message holds one sender's changes only. */
  private broadcast(message: Uint8Array, origins: Set<Connection | null>): void {
    const soleOrigin = origins.size === 1 ? origins.values().next().value : undefined;
    const frame = new WireFrame(message);
    for (const conn of this.connections) {
      if (conn !== soleOrigin) conn.sendFrame(frame);
    }
  }

  private async replyWithMissing(conn: Connection, stateVector: Uint8Array): Promise<void> {
    try {
      // Only persisted state may leave the server: wait for in-flight appends first.
      await this.whenPersisted();
      if (this.failed) return;
      conn.send(this.lateJoin.missingFrom(stateVector));
    } catch {
      conn.close(CLOSE_MALFORMED, 'invalid state vector');
    }
  }
}
