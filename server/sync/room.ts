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
import type { DocumentLog } from '../storage/storage';
import {
  CLOSE_LOCKED,
  CLOSE_MALFORMED,
  CLOSE_SERVER_ERROR,
  CLOSE_WORKSHOP_FULL,
} from '../../shared/sync/closeCodes';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Connection } from './connection';
import { LocalRoomBus, type BusMessage, type RoomBus } from './roomBus';
import { inspectUpdate, MISSING_DEPENDENCY } from './inspectUpdate';
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
  encodeKeepAlive,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessageError,
  MESSAGE_SYNC,
  SYNC_STEP2,
} from './protocol';
import { planRelay, type SentUpdate } from './relay';
import { SeqFrontier } from './seqFrontier';

/**
 * Decides whether a connection's document update may be applied (locks, archived workshops). Runs
 * only for updates from writers; without a gate every writer's update is accepted. A string
 * refuses with that reason (sent as the close reason); false refuses as a lock.
 */
export type UpdateGate = (role: Role, update: Uint8Array, doc: Y.Doc) => boolean | string;

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

/** Transaction origin of changes the server makes itself. */
const SERVER_ORIGIN = Symbol('server');
/** Transaction origin of what another process accepted (durable already: relayed, never stored). */
const BUS_ORIGIN = Symbol('bus');

/**
 * Who caused a change to the doc or the presence: one of this room's connections, another process
 * (the bus), the server itself, or nobody (loading from storage, presence timing out). Yjs hands
 * origins over as `unknown`; `originOf` narrows them without casts.
 */
type ChangeOrigin = Connection | typeof BUS_ORIGIN | typeof SERVER_ORIGIN | null;

function originOf(raw: unknown): ChangeOrigin {
  if (raw instanceof Connection || raw === BUS_ORIGIN || raw === SERVER_ORIGIN) return raw;
  return null;
}

type PendingUpdate = SentUpdate<Connection>;

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
  /** Presence ids changed by this process's connections (or itself) this turn: for the bus. */
  private pendingLocalPresence = new Set<number>();
  private readonly bus: RoomBus;
  private flushScheduled = false;
  private persisting: Promise<void> = Promise.resolve();
  private inFlight = 0;
  /** The logged updates the doc holds, by the seqs the database gave them. */
  private readonly seqs: SeqFrontier;
  private updatesSinceSnapshot: number;
  private compactionQueued = false;
  private failed = false;
  /** Bytes of the stored snapshot and update log (what MAX_DOCUMENT_BYTES limits). */
  private storedBytes: number;
  private readonly presenceOwners = new PresenceOwners<Connection>();
  private readonly presenceThrottles = new Map<Connection, PresenceThrottle>();
  /** The sync step 2 for a client holding nothing, until the doc next changes (missingFrom). */
  private fullStateMessage: Uint8Array | null = null;

  private constructor(
    readonly workshopId: string,
    private readonly options: RoomOptions,
    lastSeq: number,
    snapshotSeq: number,
    storedBytes: number,
  ) {
    this.seqs = new SeqFrontier(lastSeq);
    this.bus = options.bus ?? new LocalRoomBus();
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
    if (conn.step2Deadline) clearTimeout(conn.step2Deadline);
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
          // The step 2 itself is never dropped as ahead of itself: what it lacks, the client lacks.
          if (data[0] === MESSAGE_SYNC && data[1] === SYNC_STEP2) {
            conn.sentSyncStep2 = true;
            if (conn.step2Deadline) clearTimeout(conn.step2Deadline);
            conn.step2Deadline = null;
          }
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
    // Only up to the first seq the doc lacks (another process appended it): the snapshot drops
    // exactly the updates it contains.
    const throughSeq = this.seqs.through;
    const state = Y.encodeStateAsUpdate(this.doc);
    this.updatesSinceSnapshot = 0;
    await this.options.storage.compact(this.workshopId, state, throughSeq);
    // Updates stored while the snapshot was written stay in the log beside it.
    if (this.seqs.last === throughSeq) this.storedBytes = state.byteLength;
  }

  /** A change made by the server itself (e.g. revealed vote results): persisted, then relayed. */
  async applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    if (this.failed) throw new RoomFailedError(this.workshopId);
    this.doc.transact(() => change(this.doc), SERVER_ORIGIN);
    await this.whenPersisted();
    if (this.failed) throw new RoomFailedError(this.workshopId);
  }

  destroy(): void {
    this.fullStateMessage = null;
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
    if (!inspection.ok) {
      // A client back with edits this server lacks (made offline, or sent to a process that died)
      // sends each new edit the moment its socket opens, before its sync step 2: such an edit
      // builds on the ones that step brings, and the step brings it too. So it is dropped, not
      // refused; only a client whose step 2 never comes is refused (it holds an edit never taken).
      if (inspection.reason === MISSING_DEPENDENCY && !conn.sentSyncStep2) {
        this.options.log.debug(
          { workshopId: this.workshopId, ...conn.who },
          'an update ahead of its sync step 2; the step will bring it',
        );
        conn.step2Deadline ??= setTimeout(() => {
          if (this.connections.has(conn)) this.refuse(conn, CLOSE_MALFORMED, inspection.reason);
        }, STEP2_GRACE_MS).unref();
        return;
      }
      return this.refuse(conn, CLOSE_MALFORMED, inspection.reason);
    }
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
    // No entries: the client's liveness ping (workshopSync.ts); answered in kind, so a client whose
    // network silently went away notices within seconds instead of after 30.
    if (entries.length === 0) {
      conn.send(encodeKeepAlive());
      return;
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
  private readonly onDocUpdate = (update: Uint8Array, rawOrigin: unknown): void => {
    this.fullStateMessage = null;
    if (rawOrigin === this) return; // loading from storage
    const origin = originOf(rawOrigin);
    if (origin === BUS_ORIGIN) {
      // Another process stored it already: relay only what was new to this doc.
      this.storedBytes += update.byteLength;
      const message = encodeUpdate(update);
      for (const conn of this.connections) conn.send(message);
      return;
    }
    // Counted now, not when stored: several updates of one turn must not each pass the size check.
    this.storedBytes += update.byteLength;
    this.pendingUpdates.push({
      update,
      origin: origin === SERVER_ORIGIN ? null : origin,
    });
    this.scheduleFlush();
  };

  private readonly onAwarenessUpdate = (change: AwarenessChange, rawOrigin: unknown): void => {
    const origin = originOf(rawOrigin);
    const conn = origin instanceof Connection ? origin : null;
    if (origin !== BUS_ORIGIN) {
      for (const id of [...change.added, ...change.updated, ...change.removed]) {
        this.pendingLocalPresence.add(id);
      }
    }
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
      if (this.pendingLocalPresence.size > 0) {
        const local = [...this.pendingLocalPresence];
        this.pendingLocalPresence = new Set();
        this.bus.publish(this.workshopId, {
          kind: 'presence',
          payload: awarenessProtocol.encodeAwarenessUpdate(this.awareness, local),
        });
      }
    }
    if (this.failed) this.pendingUpdates = [];
    if (this.pendingUpdates.length === 0) return;

    const batch = this.pendingUpdates;
    this.pendingUpdates = [];
    this.inFlight++;
    this.persisting = this.persisting
      .then(() =>
        // The database numbers the batch: another process may be appending to this workshop too.
        this.options.storage.appendUpdates(
          this.workshopId,
          batch.map((p) => p.update),
        ),
      )
      .then(
        ({ firstSeq, lastSeq }) => {
          this.seqs.add(firstSeq, lastSeq);
          this.inFlight--;
          this.relay(batch);
          this.publishDurable(batch, firstSeq, lastSeq);
          this.updatesSinceSnapshot += batch.length;
          this.maybeCompact();
        },
        (err: unknown) => {
          this.inFlight--;
          this.fail(err);
        },
      );
  }

  /** Tells the other processes what is now durable, with the seqs the database gave it. */
  private publishDurable(batch: PendingUpdate[], firstSeq: number, lastSeq: number): void {
    if (this.bus instanceof LocalRoomBus) return; // nobody to tell: skip the merge
    const merged =
      batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((p) => p.update));
    const out = encoding.createEncoder();
    encoding.writeVarUint(out, firstSeq);
    encoding.writeVarUint(out, lastSeq);
    encoding.writeVarUint8Array(out, merged);
    this.bus.publish(this.workshopId, { kind: 'update', payload: encoding.toUint8Array(out) });
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
      const input = decoding.createDecoder(message.payload);
      const firstSeq = decoding.readVarUint(input);
      const lastSeq = decoding.readVarUint(input);
      const update = decoding.readVarUint8Array(input);
      Y.applyUpdate(this.doc, update, BUS_ORIGIN);
      this.seqs.add(firstSeq, lastSeq);
      this.updatesSinceSnapshot += lastSeq - firstSeq + 1;
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
      for (const update of stored.snapshot
        ? [stored.snapshot, ...stored.updates]
        : stored.updates) {
        try {
          Y.applyUpdate(this.doc, update, BUS_ORIGIN);
        } catch (err) {
          this.options.log.error(
            { err, workshopId: this.workshopId },
            'skipping an unreadable stored update',
          );
        }
      }
    }, BUS_ORIGIN);
    if (stored.lastSeq > 0) this.seqs.add(1, stored.lastSeq);
  }

  /** One merged message for everyone; each sender gets it without its own updates (relay.ts). */
  private relay(batch: PendingUpdate[]): void {
    const turn = planRelay(batch);
    const everyone = encodeUpdate(turn.everyone);
    for (const conn of this.connections) {
      const update = turn.forSender(conn);
      if (update === turn.everyone) conn.send(everyone);
      else if (update) conn.send(encodeUpdate(update));
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
      conn.send(this.missingFrom(stateVector));
    } catch {
      conn.close(CLOSE_MALFORMED, 'invalid state vector');
    }
  }

  /**
   * The sync step 2 a client with this state vector needs. A client with nothing (a fresh join)
   * gets the whole doc, encoded once and kept until the next change: many people opening a large
   * workshop at once cost one encode.
   */
  private missingFrom(stateVector: Uint8Array): Uint8Array {
    if (Y.decodeStateVector(stateVector).size > 0) {
      return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    }
    this.fullStateMessage ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
    return this.fullStateMessage;
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
