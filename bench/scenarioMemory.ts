/**
 * Memory per room, inside the load-generator child: n rooms (created by the orchestrator after
 * it sampled the server's RSS baseline) × clientsPerRoom providers, 20 rooms at a time; the first
 * client of each room writes `items` notes (one transaction each) and the others must receive
 * them. Then everything stays connected and idle for settleMs, and the server's RSS is the median
 * of 5 samples 1 s apart. KB per room = (loaded − baseline) / rooms.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { makeNote } from './lite-client';
import { openProviders, type ProviderClient } from './provider-client';
import { processTree, rssMB } from './proc';
import { TIMEOUT, withTimeout } from './withTimeout';
import { median } from './stats';
import type { LoadConfig, MemoryResult, MemorySpec } from './types';

const ROOM_BATCH = 20;
const RECEIVE_TIMEOUT_MS = 30_000;
const FILL_LIMIT_MS = 300_000;

/** Resolves when `c` has at least `items` notes (checked on every change, bounded by the caller). */
function whenHas(c: ProviderClient, items: number): Promise<void> {
  const arr = c.notes();
  return new Promise((resolve) => {
    const check = (): void => {
      if (arr.length >= items) resolve();
    };
    arr.observe(check);
    check();
  });
}

export async function runMemory(cfg: LoadConfig, spec: MemorySpec): Promise<MemoryResult> {
  const roomUrls = cfg.roomUrls ?? [];
  if (roomUrls.length !== spec.n) {
    throw new Error(`memory: got ${roomUrls.length} room URLs for ${spec.n} rooms`);
  }
  const per = spec.clientsPerRoom;
  const all: ProviderClient[] = [];
  const closes: Record<string, number> = {};
  let notSynced = 0;
  let incomplete = 0;
  let lostNotes = 0;
  const t0 = performance.now();
  try {
    for (let r = 0; r < spec.n && performance.now() - t0 < FILL_LIMIT_MS; r += ROOM_BATCH) {
      const urls: string[] = [];
      for (let x = r; x < Math.min(spec.n, r + ROOM_BATCH); x++) {
        for (let p = 0; p < per; p++) urls.push(roomUrls[x] as string);
      }
      const got = await openProviders(urls, {
        awareness: true,
        batch: 50,
        timeoutMs: 30_000,
        namePrefix: `room${r}`,
      });
      all.push(...got.clients);
      notSynced += got.notSynced;
      for (const [code, count] of Object.entries(got.closes)) {
        closes[code] = (closes[code] ?? 0) + count;
      }
      const receivers: ProviderClient[] = [];
      for (let g = 0; g < got.clients.length; g += per) {
        const w = got.clients[g] as ProviderClient;
        for (let i = 0; i < spec.items; i++) {
          w.doc.transact(() => w.notes().push([makeNote(`m${r + g / per}-${i}`, i, 'writer')]));
        }
        receivers.push(...got.clients.slice(g + 1, g + per));
      }
      const waits = receivers.map((c) => whenHas(c, spec.items));
      if ((await withTimeout(Promise.all(waits), RECEIVE_TIMEOUT_MS)) === TIMEOUT) {
        for (const c of receivers) {
          const missing = spec.items - c.notes().length;
          if (missing > 0) {
            incomplete++;
            lostNotes += missing;
          }
        }
      }
    }
    const fillMs = performance.now() - t0;
    const missingRooms = spec.n - Math.ceil(all.length / per);
    if (missingRooms > 0) throw new Error(`memory: fill stopped after ${fillMs.toFixed(0)} ms`);

    await sleep(spec.settleMs);
    const pids = cfg.serverPids.flatMap((pid) => processTree(pid));
    const samples: (number | null)[] = [];
    for (let i = 0; i < 5; i++) {
      samples.push(rssMB(pids));
      if (i < 4) await sleep(1000);
    }
    const loaded = median(samples);
    const base = cfg.baselineRssMB ?? null;
    return {
      scenario: 'memory',
      spec,
      fillMs,
      clients: all.length,
      notSynced,
      incompleteReceivers: incomplete,
      lostNotes,
      rssBaselineMB: base,
      rssLoadedMB: loaded,
      kbPerRoom: loaded !== null && base !== null ? ((loaded - base) * 1024) / spec.n : null,
      closes,
    };
  } finally {
    for (const c of all) c.destroy();
  }
}
