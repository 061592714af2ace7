/** Shapes shared by the orchestrator (run.ts / orchestrate.ts) and the load-generator child. */
import type { Summary } from './stats';

/**
 * ours        our server, one process, SQLite (the default installation)
 * reference   the reference y-websocket server, in memory
 * ours-pg     our server, one process on PostgreSQL (DATABASE_URL, a fresh schema)
 * ours-pg-x2  our server, two processes on the same PostgreSQL and Redis (DATABASE_URL +
 *             REDIS_URL): the clients of the room are split between them, alternately
 */
export type ServerKind = 'ours' | 'reference' | 'ours-pg' | 'ours-pg-x2';
export const SERVER_KINDS: readonly ServerKind[] = ['ours', 'reference', 'ours-pg', 'ours-pg-x2'];
/** Measured by default (--servers). */
export const DEFAULT_SERVER_KINDS: readonly ServerKind[] = ['ours', 'reference'];
/** The scale-out pair: one process vs two on PostgreSQL (and Redis). */
export const SCALE_OUT_KINDS: readonly ServerKind[] = ['ours-pg', 'ours-pg-x2'];
/** How the tables name them. */
export const SERVER_LABELS: Record<ServerKind, string> = {
  ours: 'ours',
  reference: 'reference',
  'ours-pg': 'ours PG x1',
  'ours-pg-x2': 'ours PG+Redis x2',
};

export interface FanoutSpec {
  scenario: 'fanout';
  n: number;
  edits: number;
  /** pause after each edit completed (all receivers had it, or the edit timed out) */
  gapMs: number;
  editTimeoutMs: number;
}

export interface ThroughputSpec {
  scenario: 'throughput';
  n: number;
  /** edits per second per client */
  rate: number;
  durationS: number;
}

export type ScenarioSpec = FanoutSpec | ThroughputSpec;

/** What the orchestrator sends to the load child. */
export interface LoadConfig {
  spec: ScenarioSpec;
  /** ws URLs of the room, with the token if any, one per server process; client i uses i mod length */
  urls: string[];
  /** the server processes (CPU and RSS are summed over them) */
  serverPids: number[];
  /** also account PostgreSQL's and Redis's CPU (their processes on this box) apart from others */
  measureStores: boolean;
  /** the child exits by itself after this long */
  watchdogS: number;
  /** the fan-out edit loop stops after this long even if edits remain (lost ones time out) */
  loopLimitS: number;
  /** renew each client's awareness state this long after its last one (y-protocols: 15 s); 0 = never */
  awarenessRenewMs: number;
  /** minimum quiet time after the join storm before measuring */
  settleMinMs: number;
}

/** Protocol-level things a figure does not show but a reader should know about. */
export interface Diagnostics {
  notSynced: number;
  connectMs: number;
  settled: boolean;
  /** deliveries of a note to its own writer (left out of every figure) */
  echoesToWriter: number;
  /** same note delivered twice to the same receiver (second copy ignored) */
  duplicates: number;
  /** update messages that carried no note of this run (e.g. server-side content) */
  foreignUpdateMessages: number;
  /** distinct update messages received, and notes they carried in total */
  distinctMessages: number;
  notesPerMessage: number | null;
  /** socket closes during the run, by close code */
  closes: Record<string, number>;
  /** messages that were neither sync nor awareness, by first varint (message type) */
  otherMessageTypes: Record<string, number>;
  awarenessRenewals: number;
  recorderDropped: number;
}

export interface CpuWindow {
  seconds: number;
  serverCpuSec: number | null;
  serverCpuPct: number | null;
  serverCpuUsPerDelivery: number | null;
  clientCpuPct: number;
  clientCpuUsPerDelivery: number;
  clientLoopDelayP99Ms: number;
  /** CPU used by everything else on the box during the window (% of one core): machine noise */
  otherCpuPct: number | null;
  /**
   * CPU of every PostgreSQL and redis-server process on the box during the window (% of one core),
   * when the run uses them (left out of otherCpuPct then); null otherwise
   */
  storeCpuPct: number | null;
}

export interface FanoutResult {
  scenario: 'fanout';
  spec: FanoutSpec;
  latencyMs: Summary;
  /** per edit: time until the slowest receiver had it (complete edits only) */
  lastReceiverMs: Summary;
  expected: number;
  delivered: number;
  lost: number;
  editTimeouts: number;
  cpu: CpuWindow;
  serverRssMB: number | null;
  diagnostics: Diagnostics;
}

export interface ThroughputResult {
  scenario: 'throughput';
  spec: ThroughputSpec;
  edits: number;
  sendSeconds: number;
  achievedEditsPerSec: number;
  deliveriesPerSec: number;
  latencyMs: Summary;
  expected: number;
  delivered: number;
  lost: number;
  drainMs: number;
  scheduleLagMs: Summary;
  cpu: CpuWindow;
  peakServerCpuPct: number | null;
  peakClientCpuPct: number | null;
  serverRssBeforeMB: number | null;
  serverRssPeakMB: number | null;
  diagnostics: Diagnostics;
}

export type ScenarioResult = FanoutResult | ThroughputResult;

export type LoadMessage =
  { type: 'result'; result: ScenarioResult } | { type: 'error'; error: string };
