/**
 * The machine's PostgreSQL (127.0.0.1:5432, database `test`, trust auth) for the storage tests.
 * Each test database lives in a schema of its own (tf_<random>), reached through the URL's
 * `options=-c search_path=…`, and is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { serviceReachable } from './externalService';

export const POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** True when PostgreSQL answers; throws under CI when it does not. */
export function postgresAvailable(): Promise<boolean> {
  return serviceReachable('PostgreSQL', POSTGRES_URL.replace(/:[^:@/]*@/, '@'), async () => {
    const client = new pg.Client({
      connectionString: POSTGRES_URL,
      connectionTimeoutMillis: 2_000,
    });
    try {
      await client.connect();
      await client.query('SELECT 1');
    } finally {
      await client.end().catch(() => {});
    }
  });
}

/** The URL of a database whose tables go to `schema`. */
export function schemaUrl(schema: string): string {
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

export interface TestSchema {
  name: string;
  /** DATABASE_URL for servers and storages that should use this schema. */
  url: string;
  drop(): Promise<void>;
}

export async function createTestSchema(): Promise<TestSchema> {
  const name = `tf_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE SCHEMA ${name}`);
  return {
    name,
    url: schemaUrl(name),
    drop: () => adminQuery(`DROP SCHEMA IF EXISTS ${name} CASCADE`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
