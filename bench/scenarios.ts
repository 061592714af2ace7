/**
 * The lite-client scenarios (fan-out, throughput), run inside the load-generator child (see load.ts). Every loop is
 * bounded in count and in time.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { TIMEOUT, withTimeout } from './withTimeout';
import { cpuProbe, sampler } from './cpuProbe';
import { LiteClient, Recorder, type NoteRef } from './lite-client';
import { rssMB } from './proc';
import { summarize } from './stats';
import type {
  Diagnostics,
  FanoutResult,
  FanoutSpec,
  LoadConfig,
  ThroughputResult,
  ThroughputSpec,
} from './types';

const CONNECT_BATCH = 50;
const CONNECT_TIMEOUT_MS = 30_000;

// ---- one room of lite clients ------------------------------------------------------------------

interface Room {
  clients: LiteClient[];
  rec: Recorder;
  connectMs: number;
  notSynced: number;
  closes: Record<string, number>;
  teardown: () => void;
}

/** n clients, client j on urls[j mod urls.length] (several server processes serving the room). */
async function openRoom(
  urls: readonly string[],
  n: number,
  rec: Recorder,
  awareness: boolean,
): Promise<Room> {
  const closes: Record<string, number> = {};
  let tearingDown = false;
  const onClose = (code: number): void => {
    if (!tearingDown) closes[String(code)] = (closes[String(code)] ?? 0) + 1;
  };
  const clients: LiteClient[] = [];
  const t0 = performance.now();
  const deadline = t0 + CONNECT_TIMEOUT_MS;
  for (let i = 0; i < n && performance.now() < deadline; i += CONNECT_BATCH) {
    const batch: Promise<void>[] = [];
    for (let j = i; j < Math.min(n, i + CONNECT_BATCH); j++) {
      const c = new LiteClient(urls[j % urls.length] as string, j, rec, { awareness, onClose });
      clients.push(c);
      batch.push(c.whenSynced);
    }
    await withTimeout(Promise.all(batch), Math.max(1, deadline - performance.now()));
  }
  return {
    clients,
    rec,
    connectMs: performance.now() - t0,
    notSynced: n - clients.filter((c) => c.synced).length,
    closes,
    teardown: () => {
      tearingDown = true;
      for (const c of clients) c.close();
    },
  };
}

/** Wait minMs, then until no message arrived for 500 ms (the awareness join storm is over). */
async function settle(rec: Recorder, minMs: number, maxMs = 15_000): Promise<boolean> {
  await sleep(minMs);
  const end = performance.now() + maxMs;
  while (performance.now() < end) {
    const before = rec.messagesIn;
    await sleep(500);
    if (rec.messagesIn === before) return true;
  }
  return false;
}

/** Wait until no update message arrived for quietMs (bounded by maxMs); returns the time waited. */
async function drain(rec: Recorder, quietMs: number, maxMs: number): Promise<number> {
  const t0 = performance.now();
  let last = -1;
  while (performance.now() - t0 < maxMs && rec.n !== last) {
    last = rec.n;
    await sleep(quietMs);
  }
  return performance.now() - t0;
}

/** Like y-protocols' Awareness: each client renews its state everyMs after its last one. */
function renewAwareness(clients: readonly LiteClient[], everyMs: number) {
  let renewals = 0;
  if (everyMs <= 0) return { stop: () => {}, count: () => 0 };
  const timer = setInterval(() => {
    const now = performance.now();
    for (const c of clients) {
      if (c.open && c.lastAwarenessAt > 0 && now - c.lastAwarenessAt >= everyMs) {
        c.sendAwareness();
        renewals++;
      }
    }
  }, 250);
  return { stop: () => clearInterval(timer), count: () => renewals };
}

// ---- after the run: per-note accounting -----------------------------------------------------------

interface EditInfo {
  writer: number;
  expected: number;
}

interface Analysis {
  latencies: number[];
  /** per complete edit: latency of its slowest receiver */
  lastReceiver: number[];
  expected: number;
  delivered: number;
  echoes: number;
  duplicates: number;
  foreignMessages: number;
  notesCarried: number;
}

function analyze(rec: Recorder, edits: ReadonlyMap<string, EditInfo>, n: number): Analysis {
  const seen = new Map<string, Uint8Array>();
  const got = new Map<string, { recv: number; last: number }>();
  const a: Analysis = {
    latencies: [],
    lastReceiver: [],
    expected: 0,
    delivered: 0,
    echoes: 0,
    duplicates: 0,
    foreignMessages: 0,
    notesCarried: 0,
  };
  const carried = new Map<number, number>();
  for (let i = 0; i < rec.n; i++) {
    const key = rec.key[i] as number;
    const rcv = rec.rcv[i] as number;
    const notes: readonly NoteRef[] = rec.notesOf(key);
    let ours = 0;
    for (const note of notes) {
      const e = edits.get(note.id);
      if (!e) continue;
      ours++;
      if (rcv === e.writer) {
        a.echoes++;
        continue;
      }
      let bits = seen.get(note.id);
      if (!bits) {
        bits = new Uint8Array(n);
        seen.set(note.id, bits);
      }
      if (bits[rcv] === 1) {
        a.duplicates++;
        continue;
      }
      bits[rcv] = 1;
      const latency = (rec.t[i] as number) - note.ts;
      a.latencies.push(latency);
      const g = got.get(note.id) ?? { recv: 0, last: 0 };
      g.recv++;
      if (latency > g.last) g.last = latency;
      got.set(note.id, g);
    }
    if (ours === 0) a.foreignMessages++;
    carried.set(key, ours);
  }
  for (const [id, e] of edits) {
    a.expected += e.expected;
    const g = got.get(id);
    if (!g) continue;
    a.delivered += Math.min(g.recv, e.expected);
    if (g.recv >= e.expected) a.lastReceiver.push(g.last);
  }
  for (const c of carried.values()) a.notesCarried += c;
  return a;
}

function diagnostics(room: Room, a: Analysis, settled: boolean, renewals: number): Diagnostics {
  const distinct = room.rec.payloads.size;
  return {
    notSynced: room.notSynced,
    connectMs: room.connectMs,
    settled,
    echoesToWriter: a.echoes,
    duplicates: a.duplicates,
    foreignUpdateMessages: a.foreignMessages,
    distinctMessages: distinct,
    notesPerMessage: distinct > 0 ? a.notesCarried / distinct : null,
    closes: room.closes,
    otherMessageTypes: {
      ...room.rec.otherTypes,
      ...(room.rec.step2AfterSync > 0 ? { 'sync/step2-after-sync': room.rec.step2AfterSync } : {}),
    },
    awarenessRenewals: renewals,
    recorderDropped: room.rec.dropped,
  };
}

// ---- fan-out -----------------------------------------------------------------------------------

interface LiveEdit {
  writer: number;
  expected: number;
  live: number;
  liveSeen: Uint8Array;
  done: Promise<void>;
  resolve: () => void;
}

export async function runFanout(cfg: LoadConfig, spec: FanoutSpec): Promise<FanoutResult> {
  const { n, edits, gapMs, editTimeoutMs } = spec;
  const rec = new Recorder(edits * n * 1.2 + 1000);
  const room = await openRoom(cfg.urls, n, rec, true);
  try {
    if (room.notSynced > 0) {
      throw new Error(
        `${room.notSynced} of ${n} clients did not sync within 30 s (socket closes: ${JSON.stringify(room.closes)})`,
      );
    }
    const settled = await settle(rec, Math.max(cfg.settleMinMs, n * 6));
    const renew = renewAwareness(room.clients, cfg.awarenessRenewMs);

    const live = new Map<string, LiveEdit>();
    rec.onNotes = (notes, rcv) => {
      for (const note of notes) {
        const e = live.get(note.id);
        if (!e || rcv === e.writer || e.liveSeen[rcv] === 1) continue;
        e.liveSeen[rcv] = 1;
        if (++e.live >= e.expected) e.resolve();
      }
    };
    const probe = cpuProbe(cfg.serverPids, cfg.measureStores);
    let timeouts = 0;
    const deadline = performance.now() + cfg.loopLimitS * 1000;
    for (let k = 0; k < edits && performance.now() < deadline; k++) {
      let resolve = (): void => {};
      const done = new Promise<void>((r) => {
        resolve = r;
      });
      const e: LiveEdit = {
        writer: k % n,
        expected: n - 1,
        live: 0,
        liveSeen: new Uint8Array(n),
        done,
        resolve,
      };
      live.set(`f${k}`, e);
      room.clients[e.writer]?.write(`f${k}`, k);
      if ((await withTimeout(done, editTimeoutMs)) === TIMEOUT) timeouts++;
      await sleep(gapMs);
    }
    const cpu = probe.finish();
    const serverRss = rssMB(probe.pids);
    rec.onNotes = null;
    await drain(rec, 1000, 5000);
    renew.stop();

    const a = analyze(rec, live, n);
    return {
      scenario: 'fanout',
      spec,
      latencyMs: summarize(a.latencies),
      lastReceiverMs: summarize(a.lastReceiver),
      expected: a.expected,
      delivered: a.delivered,
      lost: a.expected - a.delivered,
      editTimeouts: timeouts,
      cpu: cpu(a.delivered),
      serverRssMB: serverRss,
      diagnostics: diagnostics(room, a, settled, renew.count()),
    };
  } finally {
    room.teardown();
  }
}

// ---- throughput ----------------------------------------------------------------------------------

export async function runThroughput(
  cfg: LoadConfig,
  spec: ThroughputSpec,
): Promise<ThroughputResult> {
  const { n, rate, durationS } = spec;
  const expectedEdits = Math.ceil(n * rate * durationS) + n;
  const rec = new Recorder(expectedEdits * n * 1.1 + 10_000);
  const room = await openRoom(cfg.urls, n, rec, true);
  try {
    if (room.notSynced > 0) {
      throw new Error(
        `${room.notSynced} of ${n} clients did not sync within 30 s (socket closes: ${JSON.stringify(room.closes)})`,
      );
    }
    const settled = await settle(rec, Math.max(cfg.settleMinMs, n * 6));
    const renew = renewAwareness(room.clients, cfg.awarenessRenewMs);

    // client i edits every 1000/rate ms from a random phase
    const period = 1000 / rate;
    const schedule: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      for (let t = Math.random() * period; t < durationS * 1000; t += period) schedule.push([t, i]);
    }
    schedule.sort((x, y) => x[0] - y[0]);

    const edits = new Map<string, EditInfo>();
    const lags: number[] = [];
    const probe = cpuProbe(cfg.serverPids, cfg.measureStores);
    const serverRssBefore = rssMB(probe.pids);
    const samples = sampler(probe.pids, durationS + 10);
    const start = performance.now();
    const hardStop = start + durationS * 1000 + 5000;
    let k = 0;
    while (k < schedule.length && performance.now() < hardStop) {
      const due = (schedule[k]?.[0] ?? 0) - (performance.now() - start);
      if (due > 1) {
        await sleep(Math.min(due, 50));
        continue;
      }
      // fire everything that is due
      while (k < schedule.length && (schedule[k]?.[0] ?? 0) <= performance.now() - start) {
        const [t, i] = schedule[k] as [number, number];
        const id = `t${k}`;
        lags.push(performance.now() - start - t);
        edits.set(id, { writer: i, expected: n - 1 });
        room.clients[i]?.write(id, k);
        k++;
      }
      await sleep(0);
    }
    const sendSeconds = (performance.now() - start) / 1000;
    const cpu = probe.finish();
    samples.stop();
    const drainMs = await drain(rec, 1500, 20_000);
    renew.stop();

    const a = analyze(rec, edits, n);
    const peak = (xs: (number | null)[]): number | null => {
      const v = xs.filter((x): x is number => x !== null);
      return v.length > 0 ? Math.max(...v) : null;
    };
    return {
      scenario: 'throughput',
      spec,
      edits: edits.size,
      sendSeconds,
      achievedEditsPerSec: edits.size / sendSeconds,
      deliveriesPerSec: a.delivered / sendSeconds,
      latencyMs: summarize(a.latencies),
      expected: a.expected,
      delivered: a.delivered,
      lost: a.expected - a.delivered,
      drainMs,
      scheduleLagMs: summarize(lags),
      cpu: cpu(a.delivered),
      peakServerCpuPct: peak(samples.series.map((s) => s.srvPct)),
      peakClientCpuPct: peak(samples.series.map((s) => s.cliPct)),
      serverRssBeforeMB: serverRssBefore,
      serverRssPeakMB: peak(samples.series.map((s) => s.rss)),
      diagnostics: diagnostics(room, a, settled, renew.count()),
    };
  } finally {
    room.teardown();
  }
}
