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
  /**
   * lite (default): raw-protocol clients (lite-client.ts); provider: real y-websocket
   * WebsocketProviders, each with its own Y.Doc and presence (provider-client.ts)
   */
  client?: 'lite' | 'provider';
}

export interface ThroughputSpec {
  scenario: 'throughput';
  n: number;
  /** edits per second per client */
  rate: number;
  durationS: number;
}

/** One seeder writes k notes, then `joins` fresh providers join one after another (+1 warm-up). */
export interface LateJoinSpec {
  scenario: 'latejoin';
  /** notes seeded (n: so the plan and the tables can treat every spec alike) */
  n: number;
  joins: number;
  /** notes per seeding transaction */
  seedBatch: number;
}

/** n rooms × clientsPerRoom providers; the first of each room writes `items` notes. */
export interface MemorySpec {
  scenario: 'memory';
  /** rooms */
  n: number;
  clientsPerRoom: number;
  items: number;
  /** idle time after the fill, before the RSS samples */
  settleMs: number;
}

export type ScenarioSpec = FanoutSpec | ThroughputSpec | LateJoinSpec | MemorySpec;

/** What the orchestrator sends to the load child. */
export interface LoadConfig {
  spec: ScenarioSpec;
  /** ws URLs of the room, with the token if any, one per server process; client i uses i mod length */
  urls: string[];
  /** memory: one ws URL per room (created by the orchestrator, after the RSS baseline) */
  roomUrls?: string[];
  /** memory: server RSS before the rooms were created (the baseline of "KB per room") */
  baselineRssMB?: number | null;
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

/** Set by the orchestrator, not the load child: RSS (MB) right after the server was ready. */
interface IdleRss {
  serverIdleRssMB?: number | null;
}

export interface FanoutResult extends IdleRss {
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

export interface ThroughputResult extends IdleRss {
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

export interface LateJoinResult extends IdleRss {
  scenario: 'latejoin';
  spec: LateJoinSpec;
  seedMs: number;
  /** Y.encodeStateAsUpdate of the seeder's doc: what a joiner must receive */
  docStateBytes: number;
  warmupJoinMs: number | null;
  /** per measured join: provider constructed -> synced and all notes present */
  joinMs: Summary;
  /** per measured join: arrival of its largest message (the full state) */
  stateArrivalMs: Summary;
  stateMessageBytes: number | null;
  /** joins that did not get all notes within the join timeout */
  failedJoins: number;
  /** notes the slowest joiner had at the end (k when nothing is missing) */
  minNotesPresent: number;
  serverRssMB: number | null;
  closes: Record<string, number>;
}

export interface MemoryResult extends IdleRss {
  scenario: 'memory';
  spec: MemorySpec;
  fillMs: number;
  clients: number;
  notSynced: number;
  /** receivers that did not get all `items` notes of their room within 30 s */
  incompleteReceivers: number;
  /** notes missing at those receivers at the end of the fill */
  lostNotes: number;
  rssBaselineMB: number | null;
  /** median of 5 samples, 1 s apart, after settleMs idle */
  rssLoadedMB: number | null;
  kbPerRoom: number | null;
  closes: Record<string, number>;
}

export type ScenarioResult = FanoutResult | ThroughputResult | LateJoinResult | MemoryResult;

export type LoadMessage =
  { type: 'result'; result: ScenarioResult } | { type: 'error'; error: string };
