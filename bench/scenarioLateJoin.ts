/**
 * Late join, inside the load-generator child: one seeder provider writes k notes (seedBatch per
 * transaction) and stays connected; then one warm-up join (it also shows the server has all k),
 * then `joins` fresh providers one after another, each timed from constructing the provider
 * until it is synced AND all k notes are in its doc.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import * as Y from 'yjs';
import { makeNote, nowMs } from './lite-client';
import { ProviderClient, openProviders, wire } from './provider-client';
import { processTree, rssMB } from './proc';
import { TIMEOUT, withTimeout } from './withTimeout';
import { median, summarize } from './stats';
import type { LateJoinResult, LateJoinSpec, LoadConfig } from './types';

const JOIN_TIMEOUT_MS = 60_000;

interface Join {
  ok: boolean;
  joinMs: number;
  stateArrivalMs: number | null;
  stateBytes: number;
  notes: number;
}

/** Seed notes present in a doc (ids s0..s<k-1>). */
function seedNotes(client: ProviderClient): number {
  let count = 0;
  for (const m of client.notes()) {
    if (m instanceof Y.Map && String(m.get('id')).startsWith('s')) count++;
  }
  return count;
}

async function timedJoin(
  url: string,
  k: number,
  index: number,
  closes: Record<string, number>,
): Promise<Join> {
  const probe = { bytes: 0, t: 0 };
  wire.probe = probe;
  const t0 = nowMs();
  const c = new ProviderClient(url, {
    awareness: true,
    name: `joiner-${index}`,
    onClose: (code) => {
      closes[String(code)] = (closes[String(code)] ?? 0) + 1;
    },
  });
  const arr = c.notes();
  const full = new Promise<void>((resolve) => {
    const check = (): void => {
      if (c.synced && arr.length >= k) resolve();
    };
    arr.observe(check);
    void c.whenSynced.then(check);
  });
  const r = await withTimeout(full, JOIN_TIMEOUT_MS);
  const t1 = nowMs();
  wire.probe = null;
  const join: Join = {
    ok: r !== TIMEOUT,
    joinMs: t1 - t0,
    stateArrivalMs: probe.t > 0 ? probe.t - t0 : null,
    stateBytes: probe.bytes,
    notes: seedNotes(c),
  };
  if (join.notes < k) join.ok = false;
  c.destroy();
  return join;
}

export async function runLateJoin(cfg: LoadConfig, spec: LateJoinSpec): Promise<LateJoinResult> {
  const k = spec.n;
  const url = cfg.urls[0] as string;
  const seeder = await openProviders([url], {
    awareness: true,
    batch: 1,
    timeoutMs: 30_000,
    namePrefix: 'seeder',
  });
  try {
    const seed = seeder.clients[0];
    if (!seed || seeder.notSynced > 0) throw new Error('the seeder did not sync within 30 s');
    const arr = seed.notes();
    const t0 = performance.now();
    for (let i = 0; i < k; i += spec.seedBatch) {
      seed.doc.transact(() => {
        const notes: Y.Map<unknown>[] = [];
        for (let j = i; j < Math.min(k, i + spec.seedBatch); j++) {
          notes.push(makeNote(`s${j}`, j, `user-${j % 50}`));
        }
        arr.push(notes);
      });
      if ((i / spec.seedBatch) % 10 === 9) await sleep(5); // let the socket drain
    }
    const seedMs = performance.now() - t0;
    const docStateBytes = Y.encodeStateAsUpdate(seed.doc).length;

    const joins: Join[] = [];
    let warmup: Join | null = null;
    for (let j = 0; j <= spec.joins; j++) {
      const join = await timedJoin(url, k, j, seeder.closes);
      if (j === 0) warmup = join;
      else joins.push(join);
      await sleep(300);
    }
    const ok = joins.filter((x) => x.ok);
    return {
      scenario: 'latejoin',
      spec,
      seedMs,
      docStateBytes,
      warmupJoinMs: warmup?.ok ? warmup.joinMs : null,
      joinMs: summarize(ok.map((x) => x.joinMs)),
      stateArrivalMs: summarize(
        ok.flatMap((x) => (x.stateArrivalMs !== null ? [x.stateArrivalMs] : [])),
      ),
      stateMessageBytes: median(joins.map((x) => x.stateBytes)),
      failedJoins: joins.length - ok.length + (warmup?.ok ? 0 : 1),
      minNotesPresent: Math.min(...joins.map((x) => x.notes), warmup?.notes ?? 0),
      serverRssMB: rssMB(cfg.serverPids.flatMap((pid) => processTree(pid))),
      closes: seeder.closes,
    };
  } finally {
    seeder.teardown();
  }
}
