/** Shapes shared by the orchestrator (run.ts / orchestrate.ts) and the load-generator child. */
import type { Summary } from './stats';

export type ServerKind = 'ours' | 'reference';
export const SERVER_KINDS: readonly ServerKind[] = ['ours', 'reference'];

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
  /** ws URL of the room, with the token if any; every client uses it */
  url: string;
  serverPid: number;
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
