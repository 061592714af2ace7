/**
 * Load-generator child process (forked by orchestrate.ts with `--import tsx`, so it never shares
 * a core's event loop with the server). Receives one LoadConfig over IPC, runs the scenario, sends
 * back one LoadMessage and exits. It exits by itself when its watchdog fires or its parent goes.
 */
import { runLateJoin } from './scenarioLateJoin';
import { runMemory } from './scenarioMemory';
import { runProviderFanout } from './scenarioProviders';
import { runFanout, runThroughput } from './scenarios';
import type { LoadConfig, LoadMessage, ScenarioResult } from './types';

function reply(msg: LoadMessage, code: number): void {
  if (process.send) process.send(msg, () => process.exit(code));
  else process.exit(code);
}

async function run(cfg: LoadConfig): Promise<ScenarioResult> {
  const spec = cfg.spec;
  switch (spec.scenario) {
    case 'fanout':
      return spec.client === 'provider' ? runProviderFanout(cfg, spec) : runFanout(cfg, spec);
    case 'throughput':
      return runThroughput(cfg, spec);
    case 'latejoin':
      return runLateJoin(cfg, spec);
    case 'memory':
      return runMemory(cfg, spec);
  }
}

if (!process.send) {
  console.error('bench/load.ts is a child process of bench/run.ts; run `npm run bench` instead');
  process.exit(2);
}

// Until a config arrives the child would otherwise wait for ever.
const startup = setTimeout(() => process.exit(4), 30_000);
process.on('disconnect', () => process.exit(5)); // parent gone

// Every WebsocketProvider adds a process 'exit' listener (thousands in the memory scenario).
process.setMaxListeners(0);

process.once('message', (cfg: LoadConfig) => {
  clearTimeout(startup);
  setTimeout(() => {
    console.error(`[load] watchdog: run exceeded ${cfg.watchdogS} s, exiting`);
    process.exit(3);
  }, cfg.watchdogS * 1000).unref();
  run(cfg).then(
    (result) => reply({ type: 'result', result }, 0),
    (err: unknown) =>
      reply({ type: 'error', error: err instanceof Error ? err.message : String(err) }, 1),
  );
});
