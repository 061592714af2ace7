/**
 * npm run bench -- [--quick] [--only fanout|throughput|scale-out|providers|latejoin|memory]
 *                  [--reps N] [--retry-noisy N] [--servers ours,reference] [--no-scale-out]
 *
 * Runs the relay scenarios against our server (server/main.ts) and the reference y-websocket
 * server, prints one table per scenario, then the issue-15 summary table, and writes the raw
 * records to bench/results/<time>.json. Throughput also runs on our server on PostgreSQL, one
 * process and two (PostgreSQL + Redis): the scale-out columns. See bench/README.md for what the
 * figures mean.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runPlan, type PlanItem, type RunRecord } from './orchestrate';
import { renderReport } from './report';
import { scaleOutProblem } from './scaleOutStores';
import { BENCH_DIR, OUR_ENTRY, killAllChildren, versions } from './servers';
import {
  DEFAULT_SERVER_KINDS,
  SCALE_OUT_KINDS,
  SERVER_KINDS,
  type ScenarioSpec,
  type ServerKind,
} from './types';

const USAGE =
  'usage: npm run bench -- [--quick] [--only fanout|throughput|scale-out|providers|latejoin|memory] [--reps N] [--retry-noisy N] [--servers ours,reference] [--no-scale-out]';
const ONLY = ['fanout', 'throughput', 'scale-out', 'providers', 'latejoin', 'memory'] as const;
type Only = (typeof ONLY)[number];

function fail(msg: string): never {
  console.error(`${msg}\n${USAGE}`);
  process.exit(2);
}

/**
 * Fan-out (lite) on the chosen servers; throughput on them and, with scale-out, on ours-pg and
 * ours-pg-x2 too (the same 250-client room on one process and on two, beside the single-process
 * SQLite and reference figures); then fan-out with real providers, late join and memory on the
 * chosen servers. --only picks one group (scale-out: just that throughput table).
 */
function buildPlan(
  quick: boolean,
  only: Only | undefined,
  servers: readonly ServerKind[],
  scaleOut: boolean,
): PlanItem[] {
  const fanout: ScenarioSpec[] = (quick ? [25] : [25, 100, 250]).map((n) => ({
    scenario: 'fanout',
    n,
    edits: quick ? 30 : 100,
    gapMs: 50,
    editTimeoutMs: 3000,
  }));
  const throughput: ScenarioSpec[] = [
    { scenario: 'throughput', n: 250, rate: 1, durationS: quick ? 5 : 15 },
  ];
  const providers: ScenarioSpec = {
    scenario: 'fanout',
    client: 'provider',
    n: quick ? 25 : 500,
    edits: quick ? 30 : 100,
    gapMs: 50,
    editTimeoutMs: 3000,
  };
  const latejoin: ScenarioSpec = {
    scenario: 'latejoin',
    n: quick ? 1000 : 10_000,
    joins: 5,
    seedBatch: 100,
  };
  const memory: ScenarioSpec = {
    scenario: 'memory',
    n: quick ? 50 : 1000,
    clientsPerRoom: 2,
    items: 50,
    settleMs: 5000,
  };
  const withScaleOut = scaleOut ? [...servers, ...SCALE_OUT_KINDS] : [...servers];
  const fanoutItems = fanout.map((spec) => ({ spec, servers }));
  const throughputItems = throughput.map((spec) => ({ spec, servers: withScaleOut }));
  const providerItems = [{ spec: providers, servers }];
  const latejoinItems = [{ spec: latejoin, servers }];
  const memoryItems = [{ spec: memory, servers }];
  if (only === 'fanout') return fanoutItems;
  if (only === 'throughput' || only === 'scale-out') return throughputItems;
  if (only === 'providers') return providerItems;
  if (only === 'latejoin') return latejoinItems;
  if (only === 'memory') return memoryItems;
  return [...fanoutItems, ...throughputItems, ...providerItems, ...latejoinItems, ...memoryItems];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      scenario: { type: 'string' },
      'no-scale-out': { type: 'boolean', default: false },
      reps: { type: 'string', default: '1' },
      servers: { type: 'string', default: DEFAULT_SERVER_KINDS.join(',') },
      'retry-noisy': { type: 'string', default: '0' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const only = (values.only ?? values.scenario) as Only | undefined;
  if (only !== undefined && !ONLY.includes(only)) {
    fail(`--only must be ${ONLY.join(', ')}, not ${only}`);
  }
  const reps = Number(values.reps);
  if (!Number.isInteger(reps) || reps < 1 || reps > 20) fail('--reps must be an integer 1..20');
  const retryNoisy = Number(values['retry-noisy']);
  if (!Number.isInteger(retryNoisy) || retryNoisy < 0 || retryNoisy > 5) {
    fail('--retry-noisy must be an integer 0..5');
  }
  let servers = values.servers.split(',').map((s) => s.trim()) as ServerKind[];
  if (servers.some((s) => !SERVER_KINDS.includes(s))) fail(`--servers: ${SERVER_KINDS.join(', ')}`);
  // The scale-out pair is added to throughput by itself (not with --no-scale-out).
  servers = servers.filter((s) => !SCALE_OUT_KINDS.includes(s));
  if (servers.includes('ours') && !existsSync(OUR_ENTRY)) {
    console.error(`warning: ${OUR_ENTRY} does not exist yet; measuring the reference server only`);
    servers = servers.filter((s) => s !== 'ours');
  }
  if (only === 'scale-out' && values['no-scale-out']) fail('--only scale-out with --no-scale-out');
  let scaleOut =
    !values['no-scale-out'] &&
    existsSync(OUR_ENTRY) &&
    (only === undefined || only === 'throughput' || only === 'scale-out');
  if (scaleOut) {
    const problem = await scaleOutProblem();
    if (problem) {
      if (only === 'scale-out') fail(`scale-out: ${problem}`);
      console.error(`warning: ${problem}; no scale-out columns (ours on PostgreSQL x1, x2)`);
      scaleOut = false;
    }
  }
  if (servers.length === 0 && !scaleOut) fail('no server to measure');

  const plan = buildPlan(values.quick, only, servers, scaleOut);
  // seconds a run may take at most (memory: creating up to 1,000 workshops, then 2,000 clients)
  const runSeconds = plan.reduce(
    (n, item) => n + item.servers.length * (item.spec.scenario === 'memory' ? 600 : 360),
    0,
  );
  const t0 = performance.now();
  const log = (msg: string) =>
    console.error(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

  // Hard limit for the whole run; children are killed on every way out.
  const limitS = 60 + runSeconds * reps * (1 + retryNoisy);
  setTimeout(() => {
    console.error(`bench: exceeded ${limitS} s, giving up`);
    process.exit(3);
  }, limitS * 1000).unref();
  process.on('exit', killAllChildren);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      console.error(`bench: ${sig}, stopping children`);
      process.exit(130); // the exit handler kills the children and drops the schemas
    });
  }

  const records: RunRecord[] = await runPlan(plan, { reps, retryNoisy, log });
  const wallS = (performance.now() - t0) / 1000;
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const meta = { versions: versions(), reps, wallS, command };
  console.log(renderReport(records, meta));

  const dir = join(BENCH_DIR, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ ...meta, plan, records }, null, 2));
  console.log(`\nraw results: ${file}`);
  if (records.some((r) => r.error)) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
