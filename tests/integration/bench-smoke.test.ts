/**
 * Keeps the relay bench (bench/) from rotting: a tiny fan-out through the bench's own code path
 * (server child + load-generator child + lite clients + per-note accounting) against our server
 * and the reference y-websocket server. Every delivery must arrive.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runOnce } from '../../bench/orchestrate';
import { killAllChildren } from '../../bench/servers';
import type { FanoutSpec } from '../../bench/types';

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
