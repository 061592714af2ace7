/**
 * The machine's Redis (127.0.0.1:6379) for the scale-out tests. Each test gets its own key and
 * channel prefix. Without Redis the tests skip with a message; with CI=true that is a failure,
 * because CI machines of this kind run Redis.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** True when Redis answers PING; throws under CI when it does not. */
export async function redisAvailable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 2_000,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch (err) {
    const message = `Redis at ${REDIS_URL} is not reachable (${(err as Error).message})`;
    if (process.env.CI === 'true') throw new Error(`${message}: CI must run the scale-out tests`);
    console.warn(`${message}: skipping the Redis tests`);
    return false;
  } finally {
    client.disconnect();
  }
}

/** A fresh prefix, so tests never hear each other. */
export function testPrefix(): string {
  return `tf-test:${randomUUID().slice(0, 8)}:`;
}
