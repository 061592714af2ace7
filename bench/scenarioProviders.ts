/**
 * Fan-out with real clients (FanoutSpec client 'provider'), inside the load-generator child:
 * N WebsocketProviders in one room, each with its own Y.Doc and a presence state set on join.
 * Same pacing as the lite fan-out (one edit at a time, the writer rotating, the next edit when
 * all N-1 others have the note or after editTimeoutMs, then gapMs); a receive is stamped in a
 * Y.Array observer of doc.getArray('notes'), i.e. once the note is applied in the receiver's doc.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import * as Y from 'yjs';
import { makeNote, nowMs } from './lite-client';
import { openProviders, settleProviders, wire } from './provider-client';
import { rssMB } from './proc';
import { cpuProbe } from './cpuProbe';
import { TIMEOUT, withTimeout } from './withTimeout';
import { summarize } from './stats';
import type { FanoutResult, FanoutSpec, LoadConfig } from './types';

interface Edit {
  writer: number;
  expected: number;
  got: Uint8Array;
  recv: number;
  slowest: number;
  resolve: () => void;
}

export async function runProviderFanout(cfg: LoadConfig, spec: FanoutSpec): Promise<FanoutResult> {
  const { n, edits, gapMs, editTimeoutMs } = spec;
  const urls = Array.from({ length: n }, (_, j) => cfg.urls[j % cfg.urls.length] as string);
  const room = await openProviders(urls, {
    awareness: true,
    batch: 25,
    timeoutMs: Math.max(30_000, n * 200),
    namePrefix: 'bench',
  });
  try {
    if (room.notSynced > 0) {
      throw new Error(
        `${room.notSynced} of ${n} providers did not sync (socket closes: ${JSON.stringify(room.closes)})`,
      );
    }
    const settled = await settleProviders(Math.max(cfg.settleMinMs, n * 6));

    const live = new Map<string, Edit>();
    const latencies: number[] = [];
    let unknown = 0;
    let duplicates = 0;
    for (const [rcv, c] of room.clients.entries()) {
      c.notes().observe((event) => {
        if (event.transaction.local) return;
        const t = nowMs();
        for (const item of event.changes.added) {
          for (const m of item.content.getContent()) {
            if (!(m instanceof Y.Map)) continue;
            const e = live.get(m.get('id') as string);
            const ts = m.get('ts');
            if (!e || typeof ts !== 'number' || rcv === e.writer) {
              unknown++;
              continue;
            }
            if (e.got[rcv] === 1) {
              duplicates++;
              continue;
            }
            e.got[rcv] = 1;
            const latency = t - ts;
            latencies.push(latency);
            if (latency > e.slowest) e.slowest = latency;
            if (++e.recv >= e.expected) e.resolve();
          }
        }
      });
    }

    const probe = cpuProbe(cfg.serverPids, cfg.measureStores);
    let timeouts = 0;
    const pending: Promise<void>[] = [];
    const deadline = performance.now() + cfg.loopLimitS * 1000;
    for (let k = 0; k < edits && performance.now() < deadline; k++) {
      let resolve = (): void => {};
      const done = new Promise<void>((r) => {
        resolve = r;
      });
      const id = `f${k}`;
      const e: Edit = {
        writer: k % n,
        expected: n - 1,
        got: new Uint8Array(n),
        recv: 0,
        slowest: 0,
        resolve,
      };
      live.set(id, e);
      pending.push(done);
      const w = room.clients[e.writer];
      w?.doc.transact(() => w.notes().push([makeNote(id, k, `bench-${e.writer}`)]));
      if ((await withTimeout(done, editTimeoutMs)) === TIMEOUT) timeouts++;
      await sleep(gapMs);
    }
    const cpu = probe.finish();
    const serverRss = rssMB(probe.pids);
    await withTimeout(Promise.all(pending), 5000); // late deliveries still count, up to 5 s

    let expected = 0;
    let delivered = 0;
    const lastReceiver: number[] = [];
    for (const e of live.values()) {
      expected += e.expected;
      delivered += Math.min(e.recv, e.expected);
      if (e.recv >= e.expected) lastReceiver.push(e.slowest);
    }
    return {
      scenario: 'fanout',
      spec,
      latencyMs: summarize(latencies),
      lastReceiverMs: summarize(lastReceiver),
      expected,
      delivered,
      lost: expected - delivered,
      editTimeouts: timeouts,
      cpu: cpu(delivered),
      serverRssMB: serverRss,
      diagnostics: {
        notSynced: room.notSynced,
        connectMs: room.connectMs,
        settled,
        // a provider applies its own note once: the doc never shows an echo
        echoesToWriter: 0,
        duplicates,
        foreignUpdateMessages: unknown,
        // providers do not expose update messages apart: every message received, presence included
        distinctMessages: wire.messagesIn,
        notesPerMessage: null,
        closes: room.closes,
        otherMessageTypes: {},
        awarenessRenewals: 0,
        recorderDropped: 0,
      },
    };
  } finally {
    room.teardown();
  }
}
