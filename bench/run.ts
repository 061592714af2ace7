/**
 * npm run bench -- [--quick] [--only fanout|throughput] [--reps N] [--retry-noisy N]
 *                  [--servers ours,reference]
 *
 * Runs the relay scenarios against our server (server/main.ts) and the reference y-websocket
 * server, prints one table per scenario and writes the raw records to bench/results/<time>.json.
 * See bench/README.md for what the figures mean.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runPlan, type RunRecord } from './orchestrate';
import { renderReport } from './report';
import { BENCH_DIR, OUR_ENTRY, killAllChildren, versions } from './servers';
import { SERVER_KINDS, type ScenarioSpec, type ServerKind } from './types';

const USAGE =
  'usage: npm run bench -- [--quick] [--only fanout|throughput] [--reps N] [--retry-noisy N] [--servers ours,reference]';

function fail(msg: string): never {
  console.error(`${msg}\n${USAGE}`);
  process.exit(2);
}

function buildPlan(quick: boolean, only: string | undefined): ScenarioSpec[] {
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
  if (only === 'fanout') return fanout;
  if (only === 'throughput') return throughput;
  return [...fanout, ...throughput];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      reps: { type: 'string', default: '1' },
      servers: { type: 'string', default: SERVER_KINDS.join(',') },
      'retry-noisy': { type: 'string', default: '0' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.only !== undefined && values.only !== 'fanout' && values.only !== 'throughput') {
    fail(`--only must be fanout or throughput, not ${values.only}`);
  }
  const reps = Number(values.reps);
  if (!Number.isInteger(reps) || reps < 1 || reps > 20) fail('--reps must be an integer 1..20');
  const retryNoisy = Number(values['retry-noisy']);
  if (!Number.isInteger(retryNoisy) || retryNoisy < 0 || retryNoisy > 5) {
    fail('--retry-noisy must be an integer 0..5');
  }
  let servers = values.servers.split(',').map((s) => s.trim()) as ServerKind[];
  if (servers.some((s) => !SERVER_KINDS.includes(s))) fail(`--servers: ${SERVER_KINDS.join(', ')}`);
  if (servers.includes('ours') && !existsSync(OUR_ENTRY)) {
    console.error(`warning: ${OUR_ENTRY} does not exist yet; measuring the reference server only`);
    servers = servers.filter((s) => s !== 'ours');
  }
  if (servers.length === 0) fail('no server to measure');

  const plan = buildPlan(values.quick, values.only);
  const t0 = performance.now();
  const log = (msg: string) =>
    console.error(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

  // Hard limit for the whole run; children are killed on every way out.
  const limitS = 60 + plan.length * servers.length * reps * (1 + retryNoisy) * 360;
  setTimeout(() => {
    console.error(`bench: exceeded ${limitS} s, giving up`);
    process.exit(3);
  }, limitS * 1000).unref();
  process.on('exit', killAllChildren);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      console.error(`bench: ${sig}, stopping children`);
      process.exit(130);
    });
  }

  const records: RunRecord[] = await runPlan(plan, { servers, reps, retryNoisy, log });
  const wallS = (performance.now() - t0) / 1000;
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const meta = { versions: versions(), reps, wallS, command };
  console.log(renderReport(records, meta));

  const dir = join(BENCH_DIR, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ ...meta, plan, servers, records }, null, 2));
  console.log(`\nraw results: ${file}`);
  if (records.some((r) => r.error)) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
