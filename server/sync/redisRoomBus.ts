/**
 * The room bus over Redis pub/sub: one channel per workshop, binary messages (roomBus.ts), one
 * connection to publish and one to subscribe (a subscribing Redis connection can do nothing else).
 *
 * Losing Redis never loses an edit (every update is in the database before it is published), but
 * it can hide one from the other processes' clients. So whenever a connection comes back, this
 * process announces a gap on a shared channel: every process, this one included, resyncs its rooms
 * from the database. A silent divergence would need a message lost with no reconnect, which TCP to
 * Redis does not do.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../log';
import {
  decodeBusMessage,
  encodeBusMessage,
  type BusListener,
  type BusMessage,
  type RoomBus,
} from './roomBus';

/** How long after a reconnection the gap is announced (channels are re-subscribed by then). */
const GAP_SETTLE_MS = 250;

export interface RedisRoomBusOptions {
  url: string;
  /** Prefix of every channel (several installations, or tests, can share one Redis). */
  prefix: string;
  log: Logger;
}

export class RedisRoomBus implements RoomBus {
  readonly processId = randomUUID();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly listeners = new Map<string, BusListener>();
  private readonly gapListeners = new Set<() => void>();
  private readonly gapChannel: string;
  private closed = false;

  private constructor(private readonly options: RedisRoomBusOptions) {
    const connect = (role: string) => {
      const client = new Redis(options.url, {
        // Publishing while disconnected fails at once instead of queueing without bound; the gap
        // announced on reconnect makes everyone resync what was not delivered.
        enableOfflineQueue: role === 'subscriber',
        maxRetriesPerRequest: null,
        retryStrategy: (attempt) => Math.min(100 * attempt, 2_000),
        lazyConnect: true,
        // Named, so an operator's CLIENT LIST shows which process holds which link.
        connectionName: `transforma-${this.processId}-${role}`,
      });
      client.on('error', (err: Error) => {
        if (!this.closed)
          options.log.warn({ err: err.message, role }, 'Redis bus: connection error');
      });
      return client;
    };
    this.publisher = connect('publisher');
    this.subscriber = connect('subscriber');
    this.gapChannel = `${options.prefix}gap`;
  }

  /** Connects both links (rejects when Redis cannot be reached at start). */
  static async connect(options: RedisRoomBusOptions): Promise<RedisRoomBus> {
    const bus = new RedisRoomBus(options);
    try {
      await Promise.all([bus.publisher.connect(), bus.subscriber.connect()]);
      await bus.subscriber.subscribe(bus.gapChannel);
    } catch (err) {
      bus.closed = true;
      bus.publisher.disconnect();
      bus.subscriber.disconnect();
      throw new Error(`cannot reach Redis at ${redact(options.url)}: ${(err as Error).message}`);
    }
    bus.subscriber.on('messageBuffer', (channel: Buffer, data: Buffer) =>
      bus.deliver(channel.toString('utf8'), data),
    );
    // After the first connection, every 'ready' is a reconnection: something may have been lost.
    for (const [client, role] of [
      [bus.publisher, 'publisher'],
      [bus.subscriber, 'subscriber'],
    ] as const) {
      client.on('ready', () => bus.reconnected(role));
      client.on('close', () => {
        if (!bus.closed) options.log.warn({ role }, 'Redis bus: disconnected; reconnecting');
      });
    }
    return bus;
  }

  subscribe(workshopId: string, listener: BusListener): Promise<void> {
    this.listeners.set(workshopId, listener);
    return this.subscriber.subscribe(this.channel(workshopId)).then(() => undefined);
  }

  unsubscribe(workshopId: string): Promise<void> {
    this.listeners.delete(workshopId);
    if (this.closed) return Promise.resolve();
    return this.subscriber.unsubscribe(this.channel(workshopId)).then(
      () => undefined,
      () => undefined, // disconnected: ioredis forgets it on reconnect only if asked; harmless
    );
  }

  publish(workshopId: string, message: BusMessage): void {
    if (this.closed) return;
    this.publisher
      .publish(this.channel(workshopId), encodeBusMessage(this.processId, message))
      .catch((err: unknown) =>
        this.options.log.debug(
          { err: (err as Error).message, workshopId },
          'Redis bus: a message was not published (a gap is announced on reconnect)',
        ),
      );
  }

  onGap(listener: () => void): () => void {
    this.gapListeners.add(listener);
    return () => this.gapListeners.delete(listener);
  }

  problem(): string | null {
    if (this.publisher.status !== 'ready' || this.subscriber.status !== 'ready') {
      return 'Redis is unreachable';
    }
    return null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    await quitOrDrop([this.publisher, this.subscriber]);
  }

  private channel(workshopId: string): string {
    return `${this.options.prefix}room:${workshopId}`;
  }

  private deliver(channel: string, data: Buffer): void {
    if (channel === this.gapChannel) return this.emitGap();
    const workshopId = channel.slice(`${this.options.prefix}room:`.length);
    const listener = this.listeners.get(workshopId);
    if (!listener) return;
    const decoded = decodeBusMessage(data);
    if (!decoded || decoded.sender === this.processId) return;
    try {
      listener(decoded.message);
    } catch (err) {
      this.options.log.error({ err, workshopId }, 'Redis bus: a room failed to take a message');
    }
  }

  private reconnected(role: string): void {
    if (this.closed) return;
    this.options.log.info({ role }, 'Redis bus: reconnected; rooms resync from the database');
    // Everyone resyncs: others may have missed what we published, we what they did. A moment
    // later, so the subscriber has re-subscribed its channels before the rooms read the database.
    setTimeout(() => {
      if (this.closed) return;
      this.publisher.publish(this.gapChannel, this.processId).catch(() => {});
      this.emitGap();
    }, GAP_SETTLE_MS).unref();
  }

  private emitGap(): void {
    for (const listener of this.gapListeners) listener();
  }
}

/**
 * Says goodbye to Redis when it is there; a link that is down is dropped at once, one that does not
 * answer within a second too (QUIT would wait for a reconnection that may never come, and hold up
 * the shutdown).
 */
export async function quitOrDrop(clients: Redis[]): Promise<void> {
  const quits = Promise.allSettled(
    clients.map((c) => (c.status === 'ready' ? c.quit() : Promise.resolve(undefined))),
  );
  // A link that looks up but carries nothing (a silent network) would never answer QUIT.
  await Promise.race([quits, new Promise((resolve) => setTimeout(resolve, QUIT_WAIT_MS).unref())]);
  for (const c of clients) c.disconnect();
}

const QUIT_WAIT_MS = 1_000;

/** The URL without its password, for logs. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}
