/**
 * Keeps the relay bench (bench/) from rotting: a tiny fan-out through the bench's own code path
 * (server child + load-generator child + lite clients + per-note accounting) against our server
 * and the reference y-websocket server, and against two of our processes on PostgreSQL and Redis
 * (the scale-out columns; its schema is dropped afterwards). Every delivery must arrive.
 */
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { runOnce } from '../../bench/orchestrate';
import { BENCH_DATABASE_URL } from '../../bench/scaleOutStores';
import { killAllChildren } from '../../bench/servers';
import type { FanoutSpec, LateJoinSpec } from '../../bench/types';
import { postgresAvailable } from '../support/postgres';
import { redisAvailable } from '../support/redis';

const spec: FanoutSpec = { scenario: 'fanout', n: 5, edits: 10, gapMs: 20, editTimeoutMs: 3000 };

afterAll(() => killAllChildren());

describe('relay bench smoke (fan-out, N=5, 10 edits)', () => {
  for (const server of ['ours', 'reference'] as const) {
    it(`delivers every edit to every other client: ${server}`, async () => {
      const run = await runOnce(server, spec, 0, {
        quietWaitMaxMs: 0,
        settleMinMs: 200,
        awarenessRenewMs: 0,
      });
      expect(run.error).toBeNull();
      const r = run.result;
      if (r?.scenario !== 'fanout') throw new Error('no fan-out result');
      expect(r.expected).toBe(spec.edits * (spec.n - 1));
      expect(r.delivered).toBe(r.expected);
      expect(r.lost).toBe(0);
      expect(r.editTimeouts).toBe(0);
      expect(r.latencyMs.count).toBe(r.expected);
      expect(r.diagnostics.notSynced).toBe(0);
      expect(r.diagnostics.duplicates).toBe(0);
      expect(r.cpu.serverCpuSec).not.toBeNull();
    }, 20_000);
  }
});

describe('relay bench smoke: real providers and late join', () => {
  const opts = { quietWaitMaxMs: 0, settleMinMs: 200, awarenessRenewMs: 0 };

  it('fan-out with WebsocketProviders delivers every edit: ours', async () => {
    const providers: FanoutSpec = { ...spec, n: 4, edits: 5, client: 'provider' };
    const run = await runOnce('ours', providers, 0, opts);
    expect(run.error).toBeNull();
    const r = run.result;
    if (r?.scenario !== 'fanout') throw new Error('no fan-out result');
    expect(r.delivered).toBe(providers.edits * (providers.n - 1));
    expect(r.lost).toBe(0);
    expect(r.latencyMs.count).toBe(r.expected);
    expect(run.idleRssMB).toBeGreaterThan(0);
  }, 20_000);

  it('late join gets every note: reference', async () => {
    const latejoin: LateJoinSpec = { scenario: 'latejoin', n: 200, joins: 1, seedBatch: 100 };
    const run = await runOnce('reference', latejoin, 0, opts);
    expect(run.error).toBeNull();
    const r = run.result;
    if (r?.scenario !== 'latejoin') throw new Error('no late-join result');
    expect(r.failedJoins).toBe(0);
    expect(r.minNotesPresent).toBe(200);
    expect(r.joinMs.count).toBe(1);
  }, 20_000);
});

const scaleOutReady = (await postgresAvailable()) && (await redisAvailable());

async function benchSchemas(): Promise<string[]> {
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE 'bench\\_%'",
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

describe.skipIf(!scaleOutReady)('relay bench smoke: two processes on PostgreSQL and Redis', () => {
  it('delivers every edit across the processes and drops its schema', async () => {
    const before = await benchSchemas();
    const run = await runOnce('ours-pg-x2', spec, 0, {
      quietWaitMaxMs: 0,
      settleMinMs: 200,
      awarenessRenewMs: 0,
    });
    expect(run.error).toBeNull();
    const r = run.result;
    if (r?.scenario !== 'fanout') throw new Error('no fan-out result');
    expect(r.delivered).toBe(spec.edits * (spec.n - 1));
    expect(r.lost).toBe(0);
    expect(r.diagnostics.notSynced).toBe(0);
    expect(r.cpu.storeCpuPct).not.toBeNull();
    // Its schema is gone (others' runs may have theirs meanwhile: only new ones count).
    expect((await benchSchemas()).filter((name) => !before.includes(name))).toEqual([]);
  }, 30_000);
});
