/**
 * The API's rate limits with N processes (issue 14): with REDIS_URL every process counts in Redis,
 * so a client whose requests are spread over two processes is refused at the shared count; when
 * Redis fails, each process counts in its own memory instead of refusing or hanging, and counts in
 * Redis again once it is back. Real PostgreSQL and Redis of this machine, one schema and key
 * prefix per test.
 */
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { ServerConfigInput } from '../../server/config';
import { createTestSchema, postgresAvailable, type TestSchema } from '../support/postgres';
import { REDIS_URL, redisAvailable, testPrefix } from '../support/redis';
import { startTestServer } from '../support/server';
import { SilenceableProxy } from '../support/tcpProxy';

const ready = (await postgresAvailable()) && (await redisAvailable());

const servers: RunningServer[] = [];
const proxies: SilenceableProxy[] = [];
const schemas: TestSchema[] = [];
const redis = new Redis(REDIS_URL, { lazyConnect: true });
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});
afterAll(async () => {
  await Promise.all(schemas.map((s) => s.drop()));
  redis.disconnect();
});

async function processes(
  count: number,
  limits: Partial<ServerConfigInput>,
  redisUrl = REDIS_URL,
): Promise<{ servers: RunningServer[]; prefix: string }> {
  const schema = await createTestSchema();
  schemas.push(schema);
  const redisPrefix = testPrefix();
  const started: RunningServer[] = [];
  for (let i = 0; i < count; i++) {
    const s = await startTestServer({ databaseUrl: schema.url, redisUrl, redisPrefix, ...limits });
    servers.push(s);
    started.push(s);
  }
  return { servers: started, prefix: redisPrefix };
}

const createBody = JSON.stringify({ title: 'Alpine digital tourism', template: 'edw' });

function create(s: RunningServer): Promise<Response> {
  return fetch(`${s.url}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: createBody,
  });
}

async function status(res: Promise<Response>): Promise<number> {
  const answer = await res;
  await answer.body?.cancel();
  return answer.status;
}

describe.skipIf(!ready)('rate limits shared over Redis', () => {
  it('refuses at the shared count when requests are spread over two processes', async () => {
    const {
      servers: [a, b],
      prefix,
    } = await processes(2, { rateWorkshopCreate: 5, rateApi: 6 });
    // Workshop creations alternate A, B, A, B, A: five in all, each process saw at most three.
    const created: number[] = [];
    for (let i = 0; i < 5; i++) created.push(await status(create(i % 2 ? b! : a!)));
    expect(created).toEqual([201, 201, 201, 201, 201]);
    // The sixth is refused on either process: the count is the pair's, not each one's.
    const refusedOnB = await create(b!);
    expect(refusedOnB.status).toBe(429);
    expect(Number(refusedOnB.headers.get('retry-after'))).toBeGreaterThan(500); // 10-minute window
    expect(await status(create(a!))).toBe(429);

    // The general limit likewise: six requests over both, then 429 on both.
    const general: number[] = [];
    for (let i = 0; i < 8; i++) general.push(await status(fetch(`${(i % 2 ? b : a)!.url}/api/x`)));
    expect(general).toEqual([404, 404, 404, 404, 404, 404, 429, 429]);

    // The counts are in Redis under the installation's prefix.
    await redis.connect().catch(() => undefined);
    const keys = (await redis.keys(`${prefix}ratelimit:*`)).sort();
    expect(keys).toEqual([
      `${prefix}ratelimit:api:127.0.0.1`,
      `${prefix}ratelimit:workshopCreate:127.0.0.1`,
    ]);
    expect(Number(await redis.get(`${prefix}ratelimit:workshopCreate:127.0.0.1`))).toBe(7);
  });

  it('counts per process in memory while Redis does not answer, and in Redis again once it does', async () => {
    const proxy = new SilenceableProxy(Number(new URL(REDIS_URL).port || 6379));
    proxies.push(proxy);
    const proxyPort = new URL(await proxy.listen()).port;
    const {
      servers: [a],
      prefix,
    } = await processes(1, { rateApi: 3 }, `redis://127.0.0.1:${proxyPort}`);
    const key = `${prefix}ratelimit:api:127.0.0.1`;
    await redis.connect().catch(() => undefined);
    expect(await status(fetch(`${a!.url}/api/x`))).toBe(404);
    expect(await redis.get(key)).toBe('1');

    // Redis stops answering (the link stays open, nothing comes back).
    proxy.goSilent();
    const startedAt = Date.now();
    expect(await status(fetch(`${a!.url}/api/x`))).toBe(404); // served, not refused, not a 500
    expect(Date.now() - startedAt).toBeLessThan(2_500); // after at most the 1 s Redis timeout
    // Memory counts from zero: three more are allowed, the fourth is refused.
    const meanwhile: number[] = [];
    for (let i = 0; i < 4; i++) meanwhile.push(await status(fetch(`${a!.url}/api/x`)));
    expect(meanwhile).toEqual([404, 404, 429, 429]);
    expect(await redis.get(key)).toBe('1'); // none of these reached Redis

    // Redis answers again: after the retry delay, requests are counted there again.
    proxy.restore();
    await new Promise((r) => setTimeout(r, 5_500));
    expect(await status(fetch(`${a!.url}/api/x`))).toBe(404);
    expect(await redis.get(key)).toBe('2');
  });
});
