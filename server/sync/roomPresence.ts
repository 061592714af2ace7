/**
 * A room's presence (awareness): who may speak for which awareness ids, at what rate, and what
 * changed this turn. Separate from the room's document relay because presence follows other rules:
 * it is never stored, each connection may only speak for the ids it introduced (presence.ts), and
 * it is batched on its own: at most one presence message per room every `PRESENCE_BATCH_MS`
 * (the room sends the batch with `takeTurn`).
 *
 * Why a room-wide batch (issue 15): real clients re-announce their presence every 15 s, so a room
 * of 500 sees ~33 renewals a second, each one a message to all 500 — most of a big room's traffic.
 * Batched, they cost ~20 messages a second to each client whatever the room's size; a cursor or a
 * name change waits at most 50 ms. Someone leaving is never delayed: a removal sends the batch now.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Logger } from '../log';
import { BUS_ORIGIN, originOf } from './changeOrigin';
import { Connection } from './connection';
import {
  decodePresence,
  encodePresence,
  PresenceOwners,
  PresenceThrottle,
  type PresenceEntry,
} from './presence';
import { encodeAwareness, encodeKeepAlive, MalformedMessageError } from './protocol';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** The least time between two presence messages of one room (removals excepted). */
export const PRESENCE_BATCH_MS = 50;

export interface RoomPresenceOptions {
  workshopId: string;
  log: Logger;
  /** Presence updates applied per connection per second (more are delayed). */
  presencePerSecond: number;
  /** Whether the connection is still in the room (a delayed update for one that left is dropped). */
  isMember: (conn: Connection) => boolean;
  /** A presence batch is due: the room sends it (takeTurn) at the end of the turn. */
  onChange: () => void;
  /** Overrides PRESENCE_BATCH_MS (0: every turn). */
  batchMs?: number;
  now?: () => number;
}

/** One turn's presence: the message for the room's connections, and what to tell the bus. */
export interface PresenceTurn {
  message: Uint8Array;
  /** Who caused the changes (null: nobody, e.g. a timeout). */
  origins: Set<Connection | null>;
  /** The awareness update for the other processes, or null when only they changed things. */
  forBus: Uint8Array | null;
}

export class RoomPresence {
  private pendingPresence = new Set<number>();
  private pendingPresenceOrigins = new Set<Connection | null>();
  /** Presence ids changed by this process's connections (or itself) this turn: for the bus. */
  private pendingLocalPresence = new Set<number>();
  private readonly presenceOwners = new PresenceOwners<Connection>();
  private readonly presenceThrottles = new Map<Connection, PresenceThrottle>();
  /** When the last batch went out, and the timer of the next one. */
  private lastBatchAt = -Infinity;
  private batchTimer: NodeJS.Timeout | null = null;
  /** A removal waits in the batch: it goes out this turn. */
  private urgent = false;
  private readonly batchMs: number;
  private readonly now: () => number;

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly options: RoomPresenceOptions,
  ) {
    this.batchMs = options.batchMs ?? PRESENCE_BATCH_MS;
    this.now = options.now ?? Date.now;
    awareness.on('update', this.onAwarenessUpdate);
  }

  /** Everyone's presence, as one message (for a joining or asking connection). */
  everyone(): Uint8Array {
    return encodeAwareness(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, [
        ...this.awareness.getStates().keys(),
      ]),
    );
  }

  /** Presence: only the connection's own ids, at most `presencePerSecond` applies a second. */
  receive(conn: Connection, update: Uint8Array): void {
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
        {
          workshopId: this.options.workshopId,
          ...conn.who,
          dropped: entries.length - admitted.length,
        },
        'dropped presence entries for ids the connection does not own',
      );
    }
    let throttle = this.presenceThrottles.get(conn);
    if (!throttle) {
      throttle = new PresenceThrottle(this.options.presencePerSecond, (ready) => {
        if (!this.options.isMember(conn)) return;
        awarenessProtocol.applyAwarenessUpdate(this.awareness, encodePresence(ready), conn);
      });
      this.presenceThrottles.set(conn, throttle);
    }
    throttle.offer(admitted);
  }

  /** A connection left: its presence goes with it. */
  leave(conn: Connection): void {
    this.presenceThrottles.get(conn)?.dispose();
    this.presenceThrottles.delete(conn);
    const ids = new Set([...conn.awarenessClientIds, ...this.presenceOwners.release(conn)]);
    const present = [...ids].filter((id) => this.awareness.getStates().has(id));
    if (present.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, present, null);
  }

  /** What changed this turn, or null when nothing did; the next turn starts empty. */
  takeTurn(): PresenceTurn | null {
    if (this.pendingPresence.size === 0) return null;
    // A turn that flushes document updates does not take presence before its batch is due.
    if (!this.urgent && this.now() < this.lastBatchAt + this.batchMs) return null;
    this.urgent = false;
    this.lastBatchAt = this.now();
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    const ids = [...this.pendingPresence];
    const origins = this.pendingPresenceOrigins;
    this.pendingPresence = new Set();
    this.pendingPresenceOrigins = new Set();
    const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
    let forBus: Uint8Array | null = null;
    if (this.pendingLocalPresence.size > 0) {
      const local = [...this.pendingLocalPresence];
      this.pendingLocalPresence = new Set();
      forBus = awarenessProtocol.encodeAwarenessUpdate(this.awareness, local);
    }
    return { message, origins, forBus };
  }

  dispose(): void {
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    for (const throttle of this.presenceThrottles.values()) throttle.dispose();
    this.presenceThrottles.clear();
  }

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
    this.requestBatch(change.removed.length > 0);
  };

  /** Asks the room to send the batch now, or when the room's last batch is old enough. */
  private requestBatch(urgent: boolean): void {
    if (urgent) this.urgent = true;
    const wait = this.lastBatchAt + this.batchMs - this.now();
    if (this.urgent || wait <= 0) {
      this.options.onChange();
      return;
    }
    if (this.batchTimer) return;
    this.batchTimer = setTimeout(() => {
      this.batchTimer = null;
      this.urgent = true; // due now, even if the clock reads a millisecond short
      this.options.onChange();
    }, wait);
    this.batchTimer.unref();
  }
}
