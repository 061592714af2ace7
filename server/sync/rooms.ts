/**
 * The rooms this server holds in memory: loads a workshop's doc once however many clients join at
 * the same moment, compacts it when its last client leaves, and unloads it after an idle delay.
 */
import * as Y from 'yjs';
import type { Logger } from '../log';
import type { DocumentLog } from '../storage/storage';
import { Room, type UpdateGate } from './room';
import { LocalRoomBus, type BusMessage, type RoomBus } from './roomBus';

export interface RoomRegistryOptions {
  storage: DocumentLog;
  /** The update gate of a workshop's room (locks); none = accept every writer's update. */
  gateFor?: (workshopId: string) => UpdateGate;
  /** Runs before a room loads (e.g. so the lock state is in memory before the first edit). */
  beforeLoad?: (workshopId: string) => Promise<unknown>;
  log: Logger;
  compactEvery: number;
  roomIdleMs: number;
  maxDocumentBytes: number;
  presencePerSecond: number;
  /** The other processes serving the same workshops (none by default). */
  bus?: RoomBus;
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();

  private readonly bus: RoomBus;

  constructor(private readonly options: RoomRegistryOptions) {
    this.bus = options.bus ?? new LocalRoomBus();
    // The bus may have lost messages: every loaded room takes what it lacks from the database.
    this.bus.onGap(() => {
      for (const [workshopId, room] of this.rooms) {
        room
          .then((r) => r.resync())
          .catch((err: unknown) =>
            this.options.log.error({ err, workshopId }, 'resync after a bus gap failed'),
          );
      }
    });
  }

  get size(): number {
    return this.rooms.size;
  }

  /** The loaded room of a workshop (loading it if needed). */
  acquire(workshopId: string): Promise<Room> {
    this.cancelIdle(workshopId);
    let room = this.rooms.get(workshopId);
    if (!room) {
      const { beforeLoad, gateFor } = this.options;
      // Subscribed before loading, and what arrives meanwhile is held: nothing another process
      // stores between our read of the database and our subscription can be missed.
      let loaded: Room | null = null;
      const early: BusMessage[] = [];
      const subscribed = this.bus.subscribe(workshopId, (message) => {
        if (loaded) loaded.receiveFromBus(message);
        else early.push(message);
      });
      room = Promise.all([
        beforeLoad ? beforeLoad(workshopId) : Promise.resolve(),
        subscribed,
      ]).then(async () => {
        const r = await Room.load(workshopId, {
          bus: this.bus,
          gate: gateFor?.(workshopId),
          storage: this.options.storage,
          log: this.options.log,
          compactEvery: this.options.compactEvery,
          maxDocumentBytes: this.options.maxDocumentBytes,
          presencePerSecond: this.options.presencePerSecond,
          onEmpty: (r) => this.onEmpty(r),
          onFailed: (r) => this.drop(r),
        });
        loaded = r;
        for (const message of early.splice(0)) r.receiveFromBus(message);
        return r;
      });
      this.rooms.set(workshopId, room);
      room.catch(() => {
        this.rooms.delete(workshopId);
        void this.bus.unsubscribe(workshopId);
      });
    }
    return room;
  }

  /**
   * Runs `read` on a workshop's latest doc without joining it: the live room's doc when loaded
   * (so nothing unpersisted is missed, it waits for persistence), else a copy rebuilt from storage.
   */
  async withDocument<T>(workshopId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const live = this.rooms.get(workshopId);
    if (live) {
      const room = await live;
      await room.whenPersisted();
      // Other processes may have stored edits the bus has not brought yet: a record or an export
      // must hold every one of them.
      if (!(this.bus instanceof LocalRoomBus)) await room.resync();
      // A failed room's doc may hold what storage lost: read what storage has instead.
      if (!room.isFailed) return read(room.doc);
    }
    const stored = await this.options.storage.loadDocument(workshopId);
    const doc = new Y.Doc();
    try {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) {
        try {
          Y.applyUpdate(doc, update);
        } catch (err) {
          this.options.log.error({ err, workshopId }, 'skipping an unreadable stored update');
        }
      }
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Applies a server-made change to a workshop's doc (loading it if needed); resolves once stored. */
  async change(workshopId: string, change: (doc: Y.Doc) => void): Promise<void> {
    const room = await this.acquire(workshopId);
    await room.applyServerChange(change);
    if (room.connections.size === 0) this.onEmpty(room); // compact and unload when idle
  }

  /** Persists and compacts every room, then forgets them (server shutdown). */
  async closeAll(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    this.rooms.clear();
    for (const result of rooms) {
      if (result.status !== 'fulfilled') continue;
      const room = result.value;
      await room.compactNow().catch((err: unknown) => {
        this.options.log.error(
          { err, workshopId: room.workshopId },
          'compaction at shutdown failed',
        );
      });
      room.destroy();
    }
  }

  private onEmpty(room: Room): void {
    // Compact now (off the update path) so a restart loads one snapshot, not a long log.
    setImmediate(() => {
      room.compactNow().catch((err: unknown) => room.fail(err));
    });
    this.cancelIdle(room.workshopId);
    const timer = setTimeout(() => void this.unloadIfIdle(room), this.options.roomIdleMs);
    timer.unref();
    this.idleTimers.set(room.workshopId, timer);
  }

  private async unloadIfIdle(room: Room): Promise<void> {
    this.idleTimers.delete(room.workshopId);
    if (room.connections.size > 0 || (await this.rooms.get(room.workshopId)) !== room) return;
    try {
      await room.compactNow();
    } catch (err) {
      room.fail(err);
      return;
    }
    // A client may have joined while the snapshot was written.
    if (room.connections.size > 0) return;
    this.rooms.delete(room.workshopId);
    void this.bus.unsubscribe(room.workshopId);
    room.destroy();
  }

  private drop(room: Room): void {
    this.cancelIdle(room.workshopId);
    void this.rooms.get(room.workshopId)?.then((current) => {
      if (current === room) {
        this.rooms.delete(room.workshopId);
        void this.bus.unsubscribe(room.workshopId);
      }
    });
    setImmediate(() => room.destroy());
  }

  private cancelIdle(workshopId: string): void {
    const timer = this.idleTimers.get(workshopId);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(workshopId);
  }
}
