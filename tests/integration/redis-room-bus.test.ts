import { afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import pino from 'pino';
import { RedisRoomBus } from '../../server/sync/redisRoomBus';
import type { BusMessage } from '../../server/sync/roomBus';
import { REDIS_URL, redisAvailable, testPrefix } from '../support/redis';

const haveRedis = await redisAvailable();
const log = pino({ level: 'silent' });

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!haveRedis)('Redis room bus (real Redis)', () => {
  const buses: RedisRoomBus[] = [];
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((b) => b.close()));
  });
  const open = async (prefix: string) => {
    const bus = await RedisRoomBus.connect({ url: REDIS_URL, prefix, log });
    buses.push(bus);
    return bus;
  };

  it("delivers a workshop's messages to the other processes that hold it, never back to the sender", async () => {
    const prefix = testPrefix();
    const [a, b, c] = [await open(prefix), await open(prefix), await open(prefix)];
    const got: Record<string, BusMessage[]> = { a: [], b: [], c: [] };
    await a.subscribe('w1', (m) => got.a!.push(m));
    await b.subscribe('w1', (m) => got.b!.push(m));
    await c.subscribe('w2', (m) => got.c!.push(m));
    a.publish('w1', { kind: 'update', payload: new Uint8Array([1, 2, 3]) });
    b.publish('w1', { kind: 'presence', payload: new Uint8Array([9]) });
    await until(() => got.a!.length === 1 && got.b!.length === 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(got.a).toEqual([{ kind: 'presence', payload: new Uint8Array([9]) }]);
    expect(got.b).toEqual([{ kind: 'update', payload: new Uint8Array([1, 2, 3]) }]);
    expect(got.c).toEqual([]); // another workshop hears nothing

    await b.unsubscribe('w1');
    a.publish('w1', { kind: 'update', payload: new Uint8Array([4]) });
    await new Promise((r) => setTimeout(r, 100));
    expect(got.b).toHaveLength(1);
  });

  it('announces a gap to every process when a connection to Redis comes back, and reports the outage meanwhile', async () => {
    const prefix = testPrefix();
    const [a, b] = [await open(prefix), await open(prefix)];
    let gapsA = 0;
    let gapsB = 0;
    a.onGap(() => gapsA++);
    b.onGap(() => gapsB++);
    expect(a.problem()).toBeNull();
    // Cut process A's links to Redis only, as a network failure would: B must resync too, since it
    // may have missed what A published meanwhile.
    const admin = new Redis(REDIS_URL);
    try {
      const clients = (await admin.client('LIST')) as string;
      const ids = clients
        .split('\n')
        .filter((line) => line.includes(`name=transforma-${a.processId}-`))
        .map((line) => /id=(\d+)/.exec(line)?.[1])
        .filter(Boolean);
      expect(ids).toHaveLength(2);
      for (const id of ids) await admin.client('KILL', 'ID', id!);
    } finally {
      admin.disconnect();
    }
    await until(() => gapsA > 0 && gapsB > 0);
    await until(() => a.problem() === null && b.problem() === null);
    // Messages flow again after the reconnection.
    const got: BusMessage[] = [];
    await b.subscribe('w1', (m) => got.push(m));
    a.publish('w1', { kind: 'update', payload: new Uint8Array([7]) });
    await until(() => got.length === 1);
  });
});
