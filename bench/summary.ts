/**
 * The issue-15 summary table printed at the end of `npm run bench`: one row per figure the issue
 * tracks, ours | reference | ours/reference | target | met?. Every figure comes from the runs'
 * own tables (median over repetitions); a row whose runs lost notes, failed or were disturbed
 * says so under the table, and a row measured at a smaller size than the issue's plan (--quick,
 * --only) is marked "*".
 */
import { isNoisy, type RunRecord } from './orchestrate';
import { fmt, median, ratio } from './stats';
import { table } from './table';
import type { ScenarioResult, ScenarioSpec, ServerKind } from './types';

interface SummaryRow {
  /** the scenario (and client) the row reads; null: every run */
  matches: ((spec: ScenarioSpec) => boolean) | null;
  /** the issue's plan size (spec.n) for the row */
  issueN: number | null;
  label: (spec: ScenarioSpec | null) => string;
  value: (r: RunRecord) => number | null;
  /** ours/reference must be at most this */
  target: number;
  digits: number;
}

const thousands = (n: number): string => n.toLocaleString('en-US');
const isLite = (s: ScenarioSpec) => s.scenario === 'fanout' && s.client !== 'provider';
const isProviders = (s: ScenarioSpec) => s.scenario === 'fanout' && s.client === 'provider';

function get<K extends ScenarioResult['scenario']>(
  r: RunRecord,
  scenario: K,
): Extract<ScenarioResult, { scenario: K }> | null {
  return r.result?.scenario === scenario
    ? (r.result as Extract<ScenarioResult, { scenario: K }>)
    : null;
}

const ROWS: SummaryRow[] = [
  {
    matches: isLite,
    issueN: 250,
    label: (s) => `fan-out ${s?.n} lite: server CPU per delivery (µs)`,
    value: (r) => get(r, 'fanout')?.cpu.serverCpuUsPerDelivery ?? null,
    target: 0.8,
    digits: 1,
  },
  {
    matches: isLite,
    issueN: 250,
    label: (s) => `fan-out ${s?.n} lite: p99 (ms)`,
    value: (r) => get(r, 'fanout')?.latencyMs.p99 ?? null,
    target: 1.0,
    digits: 2,
  },
  {
    matches: (s) => s.scenario === 'throughput',
    issueN: 250,
    label: (s) =>
      `sustained ${s?.n} × ${s?.scenario === 'throughput' ? s.rate : '?'} edit/s: p99 (ms)`,
    value: (r) => get(r, 'throughput')?.latencyMs.p99 ?? null,
    target: 0.8,
    digits: 2,
  },
  {
    matches: (s) => s.scenario === 'throughput',
    issueN: 250,
    label: (s) =>
      `sustained ${s?.n} × ${s?.scenario === 'throughput' ? s.rate : '?'} edit/s: server CPU %`,
    value: (r) => get(r, 'throughput')?.cpu.serverCpuPct ?? null,
    target: 0.7,
    digits: 1,
  },
  {
    matches: isProviders,
    issueN: 500,
    label: (s) => `fan-out ${s?.n} providers with presence: p99 (ms)`,
    value: (r) => get(r, 'fanout')?.latencyMs.p99 ?? null,
    target: 0.8,
    digits: 2,
  },
  {
    matches: (s) => s.scenario === 'latejoin',
    issueN: 10_000,
    label: (s) => `late join ${thousands(s?.n ?? 0)} notes: join time (ms)`,
    value: (r) => get(r, 'latejoin')?.joinMs.p50 ?? null,
    target: 0.8,
    digits: 1,
  },
  {
    matches: (s) => s.scenario === 'memory',
    issueN: 1000,
    label: (s) =>
      `${thousands(s?.n ?? 0)} rooms × ${s?.scenario === 'memory' ? s.clientsPerRoom : '?'} idle clients: memory per room (KB)`,
    value: (r) => get(r, 'memory')?.kbPerRoom ?? null,
    target: 0.8,
    digits: 1,
  },
  {
    matches: null,
    issueN: null,
    label: () => 'idle process RSS at start (MB)',
    value: (r) => r.idleRssMB,
    target: 1.0,
    digits: 1,
  },
];

/** Why a run's figure cannot be taken at face value, or null. */
function problem(r: RunRecord): string | null {
  if (r.error) return `failed: ${r.error.split('\n')[0]?.slice(0, 160)}`;
  const res = r.result;
  const out: string[] = [];
  if (res?.scenario === 'fanout' || res?.scenario === 'throughput') {
    if (res.lost > 0) out.push(`lost ${res.lost} of ${res.expected} deliveries`);
  } else if (res?.scenario === 'latejoin') {
    if (res.failedJoins > 0) out.push(`${res.failedJoins} joins did not get all notes`);
  } else if (res?.scenario === 'memory') {
    if (res.lostNotes > 0 || res.notSynced > 0) {
      out.push(`${res.notSynced} clients not synced, ${res.lostNotes} notes lost`);
    }
  }
  if (isNoisy(r)) out.push('disturbed by other processes (NOISY)');
  return out.length > 0 ? out.join(', ') : null;
}

const SERVERS: readonly ServerKind[] = ['ours', 'reference'];

export function renderSummary(records: readonly RunRecord[]): string {
  const body: string[][] = [];
  const notes: string[] = [];
  let smaller = false;
  for (const row of ROWS) {
    const matching = records.filter(
      (r) => SERVERS.includes(r.server) && (row.matches === null || row.matches(r.spec)),
    );
    if (matching.length === 0) continue;
    // the issue's size when it was run, else the largest one run
    const n =
      row.issueN !== null && matching.some((r) => r.spec.n === row.issueN)
        ? row.issueN
        : Math.max(...matching.map((r) => r.spec.n));
    const runs = row.matches === null ? matching : matching.filter((r) => r.spec.n === n);
    const spec = row.matches === null ? null : (runs[0]?.spec ?? null);
    let label = row.label(spec);
    if (row.issueN !== null && n !== row.issueN) {
      label += ' *';
      smaller = true;
    }
    const vals = SERVERS.map((s) => median(runs.filter((r) => r.server === s).map(row.value)));
    const q = ratio(vals[0], vals[1]);
    // (a failed run is flagged in its own scenario's row, not again in the idle-RSS row)
    const troubles = runs.flatMap((r) => {
      const p = row.matches === null ? null : problem(r);
      return p ? [`${r.server} rep ${r.rep + 1}: ${p}`] : [];
    });
    const met = q === null ? 'no figure' : q <= row.target ? 'yes' : 'no';
    body.push([
      label,
      fmt(vals[0], row.digits),
      fmt(vals[1], row.digits),
      fmt(q, 2),
      `≤ ${row.target.toFixed(1)}`,
      troubles.length > 0 ? `${met} !` : met,
    ]);
    for (const t of troubles) notes.push(`! ${label}: ${t}`);
  }
  if (body.length === 0) return '';
  const out = [
    '== issue 15 summary (ours vs reference; median over repetitions) ==',
    table(['figure', 'ours', 'reference', 'ours/reference', 'target', 'met?'], body),
    ...notes,
  ];
  if (smaller) {
    out.push(
      "* measured at a smaller size than the issue's plan (--quick or --only): not the issue's figure",
    );
  }
  return out.join('\n');
}
