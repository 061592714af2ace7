/**
 * PostgreSQL and Redis for the scale-out runs (ours-pg, ours-pg-x2): whether they are reachable, a
 * fresh schema per run (dropped after, or at exit), the Redis keys a run left under its prefix.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';

export const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** PostgreSQL schemas made for runs and not dropped yet. */
const schemas = new Set<string>();

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({
    connectionString: BENCH_DATABASE_URL,
    connectionTimeoutMillis: 3000,
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Why the scale-out runs cannot run here (PostgreSQL or Redis unreachable), or null. */
export async function scaleOutProblem(): Promise<string | null> {
  try {
    await adminQuery('SELECT 1');
  } catch (e) {
    return `PostgreSQL at ${redactUrl(BENCH_DATABASE_URL)} is not reachable (${(e as Error).message})`;
  }
  const redis = new Redis(BENCH_REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 3000,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (e) {
    return `Redis at ${redactUrl(BENCH_REDIS_URL)} is not reachable (${(e as Error).message})`;
  } finally {
    redis.disconnect();
  }
}

function redactUrl(url: string): string {
  return url.replace(/:[^:@/]*@/, '@');
}

/** A fresh schema; DATABASE_URL for it (tables go there through search_path). */
export async function createSchema(): Promise<{ name: string; url: string }> {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE SCHEMA ${name}`);
  schemas.add(name);
  const url = new URL(BENCH_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${name}`);
  return { name, url: url.toString() };
}

export async function dropSchema(name: string): Promise<void> {
  await adminQuery(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  schemas.delete(name);
}

/** Deletes the keys a run left under its prefix (pub/sub leaves none; rate limits do). */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(BENCH_REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 3000 });
  redis.on('error', () => {});
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Last resort for exit handlers (they cannot wait): a short synchronous node script drops them. */
export function dropLeftSchemasSync(): void {
  if (schemas.size === 0) return;
  const sql = [...schemas].map((name) => `DROP SCHEMA IF EXISTS ${name} CASCADE`).join('; ');
  spawnSync(
    process.execPath,
    [
      '-e',
      `const pg=require('pg');const c=new pg.Client({connectionString:process.env.U});` +
        `c.connect().then(()=>c.query(process.env.Q)).finally(()=>c.end());`,
    ],
    {
      // the project's directory, where `pg` resolves
      cwd: dirname(dirname(fileURLToPath(import.meta.url))),
      env: { ...process.env, U: BENCH_DATABASE_URL, Q: sql },
      timeout: 10_000,
    },
  );
  schemas.clear();
}
