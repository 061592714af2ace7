/**
 * socket.io across processes: its Redis adapter carries `io.to(workshop).emit(…)` to the sockets of
 * every process, answers `fetchSockets()` for the whole cluster, and delivers `serverSideEmit`
 * (how processes tell each other what changed: server/control/controlServer.ts InterServerEvents).
 */
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Logger } from '../log';
import { quitOrDrop } from '../sync/redisRoomBus';

export interface ClusterAdapter {
  adapter: ReturnType<typeof createAdapter>;
  close(): Promise<void>;
}

/** How long a cluster-wide question (who is online) waits for the other processes. */
const REQUESTS_TIMEOUT_MS = 2_000;

export async function redisClusterAdapter(
  url: string,
  prefix: string,
  log: Logger,
): Promise<ClusterAdapter> {
  let closed = false;
  const connect = (role: string) => {
    const client = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: null,
      retryStrategy: (attempt) => Math.min(100 * attempt, 2_000),
      connectionName: `transforma-control-${role}`,
    });
    client.on('error', (err: Error) => {
      if (!closed) log.warn({ err: err.message, role }, 'Redis control adapter: connection error');
    });
    return client;
  };
  const pub = connect('publisher');
  const sub = connect('subscriber');
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (err) {
    closed = true;
    pub.disconnect();
    sub.disconnect();
    throw new Error(`cannot reach Redis for the control plane: ${(err as Error).message}`);
  }
  return {
    adapter: createAdapter(handled(pub), handled(sub), {
      key: `${prefix}socket.io`,
      requestsTimeout: REQUESTS_TIMEOUT_MS,
      publishOnSpecificResponseChannel: true,
    }),
    async close() {
      if (closed) return;
      closed = true;
      await quitOrDrop([pub, sub]);
    },
  };
}

/**
 * The adapter publishes without waiting for the answer. While Redis is away ioredis queues those
 * commands, and at shutdown it rejects what is still queued: unhandled, that would end the process.
 * Every command the adapter sends through this view is marked handled (it still sees the result).
 */
function handled(client: Redis): Redis {
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (result instanceof Promise) result.catch(() => undefined);
        return result;
      };
    },
  });
}
