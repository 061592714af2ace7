/**
 * Text tables: one per scenario, the servers side by side (ours, the reference, and for throughput
 * ours on PostgreSQL with one process and with two), with ratios ours/reference and x2/x1.
 */
import { describe, isNoisy, NOISY_OTHER_CPU_PCT, type RunRecord } from './orchestrate';
import { fmt, median, ratio } from './stats';
import { renderSummary } from './summary';
import { table } from './table';
import {
  SERVER_KINDS,
  SERVER_LABELS,
  type FanoutResult,
  type LateJoinResult,
  type MemoryResult,
  type ScenarioResult,
  type ServerKind,
  type ThroughputResult,
} from './types';

interface Row<R> {
  label: string;
  get: (r: R) => number | null;
  digits?: number;
  /** show ours/reference */
  ratio?: boolean;
}

/** Every table: the server's RSS right after it was ready, before any room or client. */
const IDLE_RSS_ROW: Row<ScenarioResult> = {
  label: 'srv RSS MB at start (idle)',
  get: (r) => r.serverIdleRssMB ?? null,
  digits: 1,
  ratio: true,
};

const FANOUT_ROWS: Row<FanoutResult>[] = [
  { label: 'latency p50 ms', get: (r) => r.latencyMs.p50, ratio: true },
  { label: 'latency p95 ms', get: (r) => r.latencyMs.p95, ratio: true },
  { label: 'latency p99 ms', get: (r) => r.latencyMs.p99, ratio: true },
  { label: 'latency max ms', get: (r) => r.latencyMs.max },
  { label: 'last receiver p50 ms', get: (r) => r.lastReceiverMs.p50, ratio: true },
  { label: 'delivered', get: (r) => r.delivered, digits: 0 },
  { label: 'expected', get: (r) => r.expected, digits: 0 },
  { label: 'lost', get: (r) => r.lost, digits: 0 },
  { label: 'edit timeouts', get: (r) => r.editTimeouts, digits: 0 },
  { label: 'echoes to writer (excluded)', get: (r) => r.diagnostics.echoesToWriter, digits: 0 },
  { label: 'notes per message', get: (r) => r.diagnostics.notesPerMessage },
  {
    label: 'srv CPU µs/delivery',
    get: (r) => r.cpu.serverCpuUsPerDelivery,
    digits: 1,
    ratio: true,
  },
  { label: 'srv CPU %', get: (r) => r.cpu.serverCpuPct, digits: 1 },
  { label: 'srv RSS MB (end)', get: (r) => r.serverRssMB, digits: 0 },
  { label: 'cli CPU %', get: (r) => r.cpu.clientCpuPct, digits: 1 },
  { label: 'cli CPU µs/delivery', get: (r) => r.cpu.clientCpuUsPerDelivery, digits: 1 },
  { label: 'cli event-loop delay p99 ms', get: (r) => r.cpu.clientLoopDelayP99Ms, digits: 1 },
  { label: 'other processes CPU %', get: (r) => r.cpu.otherCpuPct, digits: 1 },
  IDLE_RSS_ROW,
];

const THROUGHPUT_ROWS: Row<ThroughputResult>[] = [
  { label: 'achieved edits/s', get: (r) => r.achievedEditsPerSec, digits: 1 },
  { label: 'deliveries/s', get: (r) => r.deliveriesPerSec, digits: 0 },
  { label: 'latency p50 ms', get: (r) => r.latencyMs.p50, ratio: true },
  { label: 'latency p95 ms', get: (r) => r.latencyMs.p95, ratio: true },
  { label: 'latency p99 ms', get: (r) => r.latencyMs.p99, ratio: true },
  { label: 'latency max ms', get: (r) => r.latencyMs.max },
  { label: 'delivered', get: (r) => r.delivered, digits: 0 },
  { label: 'expected', get: (r) => r.expected, digits: 0 },
  { label: 'lost', get: (r) => r.lost, digits: 0 },
  { label: 'echoes to writer (excluded)', get: (r) => r.diagnostics.echoesToWriter, digits: 0 },
  { label: 'notes per message', get: (r) => r.diagnostics.notesPerMessage },
  { label: 'srv CPU %', get: (r) => r.cpu.serverCpuPct, digits: 1, ratio: true },
  { label: 'srv CPU % peak 1 s', get: (r) => r.peakServerCpuPct, digits: 0 },
  {
    label: 'srv CPU µs/delivery',
    get: (r) => r.cpu.serverCpuUsPerDelivery,
    digits: 1,
    ratio: true,
  },
  { label: 'srv RSS MB before', get: (r) => r.serverRssBeforeMB, digits: 0 },
  { label: 'srv RSS MB peak', get: (r) => r.serverRssPeakMB, digits: 0 },
  { label: 'cli CPU %', get: (r) => r.cpu.clientCpuPct, digits: 1 },
  { label: 'cli CPU % peak 1 s', get: (r) => r.peakClientCpuPct, digits: 0 },
  { label: 'cli event-loop delay p99 ms', get: (r) => r.cpu.clientLoopDelayP99Ms, digits: 1 },
  { label: 'schedule lag p99 ms', get: (r) => r.scheduleLagMs.p99, digits: 1 },
  { label: 'other processes CPU %', get: (r) => r.cpu.otherCpuPct, digits: 1 },
  { label: 'PostgreSQL+Redis CPU %', get: (r) => r.cpu.storeCpuPct ?? null, digits: 1 },
  { label: 'drain after send ms', get: (r) => r.drainMs, digits: 0 },
  IDLE_RSS_ROW,
];

const LATEJOIN_ROWS: Row<LateJoinResult>[] = [
  { label: 'join ms p50 (median)', get: (r) => r.joinMs.p50, ratio: true },
  { label: 'join ms max', get: (r) => r.joinMs.max, ratio: true },
  { label: 'full-state message arrives ms p50', get: (r) => r.stateArrivalMs.p50, ratio: true },
  { label: 'full-state message bytes', get: (r) => r.stateMessageBytes, digits: 0 },
  { label: 'doc state bytes (seeder)', get: (r) => r.docStateBytes, digits: 0 },
  { label: 'warm-up join ms', get: (r) => r.warmupJoinMs, digits: 1 },
  { label: 'failed joins', get: (r) => r.failedJoins, digits: 0 },
  { label: 'notes present (fewest)', get: (r) => r.minNotesPresent, digits: 0 },
  { label: 'seeding ms', get: (r) => r.seedMs, digits: 0 },
  { label: 'srv RSS MB (end)', get: (r) => r.serverRssMB, digits: 0 },
  IDLE_RSS_ROW,
];

const MEMORY_ROWS: Row<MemoryResult>[] = [
  { label: 'KB per room', get: (r) => r.kbPerRoom, digits: 1, ratio: true },
  { label: 'srv RSS MB baseline (before rooms)', get: (r) => r.rssBaselineMB, digits: 1 },
  { label: 'srv RSS MB loaded (idle 5 s)', get: (r) => r.rssLoadedMB, digits: 1, ratio: true },
  { label: 'clients', get: (r) => r.clients, digits: 0 },
  { label: 'not synced', get: (r) => r.notSynced, digits: 0 },
  { label: 'receivers missing notes', get: (r) => r.incompleteReceivers, digits: 0 },
  { label: 'notes lost', get: (r) => r.lostNotes, digits: 0 },
  { label: 'fill s', get: (r) => r.fillMs / 1000, digits: 1 },
  IDLE_RSS_ROW,
];

function section<R extends ScenarioResult>(
  rows: Row<R>[],
  byServer: Map<ServerKind, R[]>,
  servers: readonly ServerKind[],
): string {
  // ratios: ours/reference, and two processes / one (both on PostgreSQL)
  const pairs: [string, ServerKind, ServerKind][] = (
    [
      ['ours/ref', 'ours', 'reference'],
      ['x2/x1', 'ours-pg-x2', 'ours-pg'],
    ] as [string, ServerKind, ServerKind][]
  ).filter(([, a, b]) => servers.includes(a) && servers.includes(b));
  const header = ['metric', ...servers.map((k) => SERVER_LABELS[k]), ...pairs.map(([l]) => l)];
  const body = rows.map((row) => {
    const all = servers.map((s) => (byServer.get(s) ?? []).map(row.get));
    const vals = all.map((xs) => median(xs));
    const cells = [row.label];
    for (const [i, xs] of all.entries()) {
      const d = row.digits ?? 2;
      const finite = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
      const spread =
        finite.length > 1 ? ` (${fmt(Math.min(...finite), d)}–${fmt(Math.max(...finite), d)})` : '';
      cells.push(fmt(vals[i], d) + spread);
    }
    for (const [, a, b] of pairs) {
      const va = vals[servers.indexOf(a)];
      const vb = vals[servers.indexOf(b)];
      cells.push(row.ratio ? fmt(ratio(va, vb), 2) : '');
    }
    return cells;
  });
  return table(header, body);
}

export function renderReport(
  allRecords: readonly RunRecord[],
  meta: { versions: Record<string, string>; reps: number; wallS: number; command: string },
): string {
  const records = allRecords.filter((r) => !r.discarded);
  const discarded = allRecords.length - records.length;
  const out: string[] = [];
  out.push(`Transforma relay bench — ${new Date().toISOString()}`);
  out.push(`command: ${meta.command}`);
  for (const [k, v] of Object.entries(meta.versions)) out.push(`  ${k.padEnd(14)} ${v}`);
  out.push(
    `runs: ${records.length}${discarded > 0 ? ` (+${discarded} disturbed and re-run, in the JSON only)` : ''}, reps per cell: ${meta.reps}${meta.reps > 1 ? ' (cells: median (min–max))' : ''}, wall ${meta.wallS.toFixed(0)} s`,
  );
  out.push(
    'latencies are edit -> remote receiver; lower is better everywhere except edits/s and deliveries/s;',
  );
  out.push('ours/ref < 1 means our server is faster / cheaper.');
  if (records.some((r) => r.server === 'ours-pg' || r.server === 'ours-pg-x2')) {
    out.push(
      'scale-out: "ours PG x1" = one process on PostgreSQL; "ours PG+Redis x2" = two processes on the same',
      "PostgreSQL and Redis, the room's clients split between them (a delivery to a client on the other",
      'process crosses Redis); x2/x1 > 1 means two processes are slower. Server CPU sums both processes;',
      'PostgreSQL+Redis CPU is every postgres and redis-server process on the box, kept out of "other".',
    );
  }

  const all = new Set(records.map((r) => r.server));
  const order = SERVER_KINDS.filter((k) => all.has(k));
  const groups = new Map<string, RunRecord[]>();
  for (const r of records) {
    const k = describe(r.spec);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  for (const [title, recs] of groups) {
    out.push('', `== ${title} ==`);
    const byServer = new Map<ServerKind, ScenarioResult[]>();
    for (const r of recs) {
      if (r.result) byServer.set(r.server, [...(byServer.get(r.server) ?? []), r.result]);
    }
    const servers = order.filter((k) => recs.some((r) => r.server === k));
    const first = recs[0]?.spec;
    if (first?.scenario === 'fanout') {
      out.push(section(FANOUT_ROWS, byServer as Map<ServerKind, FanoutResult[]>, servers));
    } else if (first?.scenario === 'latejoin') {
      out.push(section(LATEJOIN_ROWS, byServer as Map<ServerKind, LateJoinResult[]>, servers));
    } else if (first?.scenario === 'memory') {
      out.push(section(MEMORY_ROWS, byServer as Map<ServerKind, MemoryResult[]>, servers));
    } else {
      out.push(section(THROUGHPUT_ROWS, byServer as Map<ServerKind, ThroughputResult[]>, servers));
    }
    for (const r of recs) {
      if (r.error) out.push(`! ${r.server} rep ${r.rep + 1}: ${r.error}`);
      const res = r.result;
      const d = res && 'diagnostics' in res ? res.diagnostics : undefined;
      const notes: string[] = [];
      if (res && 'closes' in res && Object.keys(res.closes).length > 0) {
        notes.push(`socket closes ${JSON.stringify(res.closes)}`);
      }
      if (res?.scenario === 'latejoin' && res.failedJoins > 0) {
        notes.push(`${res.failedJoins} joins did not get all ${res.spec.n} notes`);
      }
      if (res?.scenario === 'memory' && (res.lostNotes > 0 || res.notSynced > 0)) {
        notes.push(`${res.notSynced} clients not synced, ${res.lostNotes} notes lost`);
      }
      if (d) {
        if (Object.keys(d.closes).length > 0)
          notes.push(`socket closes ${JSON.stringify(d.closes)}`);
        if (Object.keys(d.otherMessageTypes).length > 0) {
          notes.push(`other messages ${JSON.stringify(d.otherMessageTypes)}`);
        }
        if (d.duplicates > 0) notes.push(`${d.duplicates} duplicate deliveries`);
        if (d.foreignUpdateMessages > 0) {
          notes.push(`${d.foreignUpdateMessages} update messages without a note of this run`);
        }
        if (!d.settled) notes.push('join storm did not settle before measuring');
        if (d.recorderDropped > 0) notes.push(`${d.recorderDropped} arrivals not recorded`);
      }
      if (!r.quiet)
        notes.push('the box was busy with other work before this run (see other CPU %)');
      if (isNoisy(r)) {
        notes.push(
          `other processes used ${res && 'cpu' in res ? res.cpu.otherCpuPct?.toFixed(0) : '?'} % of a core during the run (> ${NOISY_OTHER_CPU_PCT}): NOISY`,
        );
      }
      const srvLines = r.serverOutput.filter((l) => !l.startsWith('--- output tail'));
      if (srvLines.length > 0 && !r.error) notes.push(`${srvLines.length} server output lines`);
      if (notes.length > 0) out.push(`! ${r.server} rep ${r.rep + 1}: ${notes.join('; ')}`);
      for (const l of srvLines.slice(0, 5)) out.push(`    ${r.server} said: ${l.slice(0, 300)}`);
    }
  }
  out.push('', renderSummary(records));
  return out.join('\n');
}
