/**
 * One measured run = fresh server children (one process, or two for ours-pg-x2) + a fresh
 * load-generator child, so no run inherits another's heap. A plan is a list of scenarios, each
 * with its servers; for each one the servers run back to back, the order reversed from one
 * scenario (and repetition) to the next so all see similar machine noise.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { machineBusySeconds, processTree, rssMB } from './proc';
import { BENCH_DIR, PROJECT_DIR, startServer, track } from './servers';
import type { LoadConfig, LoadMessage, ScenarioResult, ScenarioSpec, ServerKind } from './types';

export interface RunRecord {
  server: ServerKind;
  spec: ScenarioSpec;
  rep: number;
  startedAt: string;
  serverStartMs: number | null;
  /** the server's RSS right after it answered ready, before any room or client (MB) */
  idleRssMB: number | null;
  result: ScenarioResult | null;
  error: string | null;
  /** server output after it was ready (warnings / errors with LOG_LEVEL=warn) */
  serverOutput: string[];
  serverExit: string | null;
  /** time spent waiting for the box to be quiet before this run, and whether it got quiet */
  quietWaitMs: number;
  quiet: boolean;
  /** replaced by a re-run because other processes disturbed it (--retry-noisy); not in the tables */
  discarded?: boolean;
}

/** Share of a core other processes may use during a run before it counts as disturbed. */
export const NOISY_OTHER_CPU_PCT = 25;

export function isNoisy(r: RunRecord): boolean {
  const res = r.result;
  const other = res && 'cpu' in res ? res.cpu.otherCpuPct : null;
  return typeof other === 'number' && other > NOISY_OTHER_CPU_PCT;
}

export interface RunOptions {
  log?: (msg: string) => void;
  /** y-protocols renews presence every 15 s; 0 turns renewal off */
  awarenessRenewMs?: number;
  settleMinMs?: number;
  /** wait up to this long for the rest of the box to use < 25 % of a core before a run (0: don't) */
  quietWaitMaxMs?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Other work on the box (a test run, a build) distorts a run completely, so wait until the whole
 * machine used less than a quarter of a core for two consecutive seconds (bounded by maxMs).
 */
export async function waitForQuiet(maxMs: number): Promise<{ waitedMs: number; quiet: boolean }> {
  const t0 = performance.now();
  let calm = 0;
  let prev = machineBusySeconds();
  if (prev === null || maxMs <= 0) return { waitedMs: 0, quiet: maxMs <= 0 };
  while (performance.now() - t0 < maxMs) {
    await sleep(1000);
    const cur = machineBusySeconds();
    if (cur === null) break;
    calm = cur - prev < 0.25 ? calm + 1 : 0;
    prev = cur;
    if (calm >= 2) return { waitedMs: performance.now() - t0, quiet: true };
  }
  return { waitedMs: performance.now() - t0, quiet: false };
}

/**
 * Time limits of one run: the measured loop, and the load child's watchdog (loop + connecting,
 * settling, draining and analysing, which take well under a minute).
 */
function limits(spec: ScenarioSpec): { loopLimitS: number; watchdogS: number } {
  switch (spec.scenario) {
    case 'fanout':
      // providers: connecting (up to n × 200 ms) and settling N real clients take longer
      return { loopLimitS: 120, watchdogS: spec.client === 'provider' ? 240 + spec.n / 5 : 210 };
    case 'throughput':
      return { loopLimitS: spec.durationS + 5, watchdogS: spec.durationS + 95 };
    case 'latejoin':
      // seeding, then (joins + 1) joins of at most 60 s each
      return { loopLimitS: 60, watchdogS: 120 + (spec.joins + 1) * 60 };
    case 'memory':
      // fill (at most 300 s), idle, 5 samples
      return { loopLimitS: 300, watchdogS: 420 + spec.settleMs / 1000 };
  }
}

/**
 * Our server's per-client-IP limits are for many browsers on many addresses; the bench's clients
 * all come from 127.0.0.1 (500 sockets in one room, 2,000 in the memory scenario, 1,000 workshops
 * created in a row), so they are raised for the bench. The per-workshop limit stays (500).
 */
const OUR_BENCH_ENV: Record<string, string> = {
  MAX_CONNECTIONS_PER_IP: '100000',
  RATE_WORKSHOP_CREATE: '1000000',
  RATE_API: '10000000',
};

/** n rooms, `parallel` creations in flight; the first ws URL of each (creation is not measured). */
async function newRooms(
  handle: { newRoom(title: string): Promise<string[]> },
  n: number,
  parallel = 20,
): Promise<string[]> {
  const out: string[] = new Array<string>(n);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n) {
      const i = next++;
      out[i] = (await handle.newRoom(`bench memory ${i}`))[0] as string;
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, n) }, worker));
  return out;
}

async function runLoad(cfg: LoadConfig): Promise<ScenarioResult> {
  const child = fork(join(BENCH_DIR, 'load.ts'), [], {
    cwd: PROJECT_DIR,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  track(child);
  return new Promise<ScenarioResult>((resolve, reject) => {
    let settled = false;
    const finish = (err: Error | null, result?: ScenarioResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      if (err) reject(err);
      else resolve(result as ScenarioResult);
    };
    const timer = setTimeout(
      () => finish(new Error(`load generator exceeded ${cfg.watchdogS + 15} s`)),
      (cfg.watchdogS + 15) * 1000,
    );
    child.on('message', (msg: LoadMessage) => {
      if (msg.type === 'result') finish(null, msg.result);
      else finish(new Error(`load generator: ${msg.error}`));
    });
    child.on('exit', (code, signal) =>
      finish(new Error(`load generator exited (${signal ?? `code ${code}`}) without a result`)),
    );
    child.on('error', (e) => finish(e));
    child.send(cfg);
  });
}

export async function runOnce(
  server: ServerKind,
  spec: ScenarioSpec,
  rep = 0,
  opts: RunOptions = {},
): Promise<RunRecord> {
  const log = opts.log ?? (() => {});
  const { loopLimitS, watchdogS } = limits(spec);
  const rec: RunRecord = {
    server,
    spec,
    rep,
    startedAt: new Date().toISOString(),
    serverStartMs: null,
    idleRssMB: null,
    result: null,
    error: null,
    serverOutput: [],
    serverExit: null,
    quietWaitMs: 0,
    quiet: true,
  };
  const q = await waitForQuiet(opts.quietWaitMaxMs ?? 20_000);
  rec.quietWaitMs = q.waitedMs;
  rec.quiet = q.quiet;
  if (!q.quiet) log(`box still busy after ${(q.waitedMs / 1000).toFixed(0)} s; running anyway`);
  else if (q.waitedMs > 3000) log(`waited ${(q.waitedMs / 1000).toFixed(0)} s for a quiet box`);
  let handle;
  try {
    handle = await startServer(server, { watchdogS: watchdogS + 60, ourEnv: OUR_BENCH_ENV });
  } catch (e) {
    rec.error = e instanceof Error ? e.message : String(e);
    return rec;
  }
  rec.serverStartMs = handle.startMs;
  const pids = handle.pids;
  const serverTree = (): number[] => pids.flatMap((pid) => processTree(pid));
  rec.idleRssMB = rssMB(serverTree());
  try {
    // memory: the baseline is taken before the rooms are created, so a created room counts
    const baselineRssMB = spec.scenario === 'memory' ? rssMB(serverTree()) : null;
    const tCreate = performance.now();
    const roomUrls = spec.scenario === 'memory' ? await newRooms(handle, spec.n) : undefined;
    if (roomUrls) {
      log(
        `${server}: ${roomUrls.length} rooms created in ${(performance.now() - tCreate).toFixed(0)} ms`,
      );
    }
    const urls = roomUrls
      ? [roomUrls[0] as string]
      : await handle.newRoom(`bench ${spec.scenario} ${spec.n}`);
    log(
      `${server}: pid ${handle.pids.join(', ')}, port ${handle.port}, ready in ${handle.startMs.toFixed(0)} ms, RSS ${rec.idleRssMB?.toFixed(1) ?? '?'} MB`,
    );
    rec.result = await runLoad({
      spec,
      urls,
      roomUrls,
      baselineRssMB,
      serverPids: handle.pids,
      measureStores: server === 'ours-pg' || server === 'ours-pg-x2',
      watchdogS,
      loopLimitS,
      awarenessRenewMs: opts.awarenessRenewMs ?? 15_000,
      settleMinMs: opts.settleMinMs ?? 2000,
    });
    rec.result.serverIdleRssMB = rec.idleRssMB;
  } catch (e) {
    rec.error = e instanceof Error ? e.message : String(e);
  } finally {
    if (!handle.alive()) {
      rec.serverExit = handle.exitInfo();
      rec.error ??= `server died: ${rec.serverExit}`;
    }
    rec.serverOutput = handle.laterOutput();
    if (rec.error) rec.serverOutput.push(`--- output tail ---`, handle.outputTail().slice(-1500));
    await handle.stop();
  }
  return rec;
}

/** A scenario and the servers it runs on (in this order, reversed every other turn). */
export interface PlanItem {
  spec: ScenarioSpec;
  servers: readonly ServerKind[];
}

export interface PlanOptions extends RunOptions {
  reps: number;
  /** re-run a run that was disturbed by other processes, at most this many times */
  retryNoisy?: number;
}

export async function runPlan(plan: readonly PlanItem[], opts: PlanOptions): Promise<RunRecord[]> {
  const log = opts.log ?? (() => {});
  const out: RunRecord[] = [];
  let turn = 0;
  for (let rep = 0; rep < opts.reps; rep++) {
    for (const { spec, servers } of plan) {
      const order = turn++ % 2 === 0 ? [...servers] : [...servers].reverse();
      for (const server of order) {
        for (let attempt = 0; attempt <= (opts.retryNoisy ?? 0); attempt++) {
          const again = attempt > 0 ? ` (again: the last attempt was disturbed)` : '';
          log(`rep ${rep + 1}/${opts.reps} ${describe(spec)} on ${server}${again}`);
          const r = await runOnce(server, spec, rep, opts);
          if (r.error) log(`  ERROR: ${r.error}`);
          out.push(r);
          if (r.error || !isNoisy(r)) break;
          if (attempt < (opts.retryNoisy ?? 0)) r.discarded = true;
        }
      }
    }
  }
  return out;
}

export function describe(spec: ScenarioSpec): string {
  switch (spec.scenario) {
    case 'fanout':
      return spec.client === 'provider'
        ? `fan-out N=${spec.n} providers with presence, ${spec.edits} edits, gap ${spec.gapMs} ms`
        : `fan-out N=${spec.n}, ${spec.edits} edits, gap ${spec.gapMs} ms`;
    case 'throughput':
      return `throughput N=${spec.n} × ${spec.rate} edit/s for ${spec.durationS} s`;
    case 'latejoin':
      return `late join: ${spec.n} notes, ${spec.joins} joins (+1 warm-up)`;
    case 'memory':
      return `memory: ${spec.n} rooms × ${spec.clientsPerRoom} providers, ${spec.items} notes each`;
  }
}
