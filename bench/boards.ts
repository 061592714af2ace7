/**
 * The boards with 2,000 capacities and 2,000 opportunities, in headless Chromium at 1440×900
 * (issue 15). Prints each figure next to its target; asserts nothing.
 *
 *   npm run bench:boards [-- --project-dir DIR] [-- --json FILE] [-- --seconds 5] [-- --profile DIR]
 *
 * Builds the client (vite build into a temp dir) and the server (build:server's esbuild, into
 * DIR/bench/.boards-server-<pid>/ so its imports resolve) of the checkout DIR (default this one),
 * starts the compiled server (NODE_ENV=production, free port, temp DATA_DIR and CLIENT_DIR), seeds a
 * workshop through a Node y-websocket client, joins it as the facilitator and measures, with a
 * requestAnimationFrame recorder in the page: the capacity map (open, wheel scroll, remote edits),
 * then the opportunity board (open, pan, ctrl+wheel zoom, pan at 100 %), and the JS heap after each.
 * Everything it starts or writes is removed on exit, failure, Ctrl-C or its own time limit.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import type * as Y from 'yjs';
import {
  addRegion,
  cardsMap,
  createCapacity,
  createOpportunity,
  createOpportunityGroup,
  getCard,
} from '../shared/doc';
import { CAPACITY_KINDS, HELICES } from '../shared/domain/s3';
import { writePlainText } from '../shared/import/rows';
import { launchBrowser, newPerson } from '../tests/support/browser';
import { connectClient, connectSynced } from '../tests/support/clients';
import { createWorkshop, waitFor } from '../tests/support/server';
import { BENCH_DIR, freePort, PROJECT_DIR } from './servers';
import { profiled } from './boardsProfile';
import { REGIONS, capacityText, opportunityText } from './boardsSeedText';
import {
  openBoard,
  SCROLL_TOP,
  countIn,
  p95,
  type Frames,
  recordFrames,
  heapMb,
  paced,
  panFor,
  zoomFor,
  remoteEdits,
} from './boardsPage';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const DIR = resolve(arg('project-dir', PROJECT_DIR));
const JSON_OUT = arg('json', '');
const SECONDS = Number(arg('seconds', '5'));
/** Where to write the page's CPU profiles of the scroll and the zoom (boardsProfile.ts); '' = none. */
const PROFILE_DIR = arg('profile', '') && resolve(arg('profile', ''));
const TIME_LIMIT_MS = 6 * 60_000;
const N = 2000;
const VIEWPORT = { width: 1440, height: 900 };

// ---- cleanup: every process and directory this run makes goes, whatever happens ----------------

const children = new Set<ChildProcess>();
const dirs = new Set<string>();
function cleanupNow(): void {
  for (const child of children) {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}
process.on('exit', cleanupNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanupNow();
    process.exit(130);
  });
}
setTimeout(() => {
  console.error(`bench:boards gave up after ${TIME_LIMIT_MS / 60_000} min`);
  process.exit(1);
}, TIME_LIMIT_MS).unref();

// ---- build and serve the checkout under test -----------------------------------------------------

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(cmd, args, { cwd: DIR, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

function buildClient(): string {
  const out = mkdtempSync(join(tmpdir(), 'boards-client-'));
  dirs.add(out);
  const vite = join(DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  run(process.execPath, [vite, 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], {
    ...process.env,
    NODE_ENV: 'production',
  });
  return out;
}

/** build:server's esbuild command, into a folder inside DIR (its bare imports resolve there). */
function buildServer(): string {
  const out = join(DIR, 'bench', `.boards-server-${process.pid}`);
  dirs.add(out);
  const pkg = JSON.parse(readFileSync(join(DIR, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const script = pkg.scripts['build:server']!;
  const args = script
    .slice(script.indexOf('esbuild ') + 'esbuild '.length)
    .split(/\s+/)
    .map((a) => (a.startsWith('--outdir=') ? `--outdir=${out}` : a));
  run(join(DIR, 'node_modules', '.bin', 'esbuild'), args);
  return join(out, 'main.js');
}

async function startServer(entry: string, clientDir: string): Promise<string> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'boards-data-'));
  dirs.add(dataDir);
  const watchdog = pathToFileURL(join(BENCH_DIR, 'watchdog.mjs')).href;
  const child = spawn(process.execPath, ['--import', watchdog, entry], {
    cwd: DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      CLIENT_DIR: clientDir,
      // Set, so the server does not generate one and print it.
      ORGANISER_TOKEN: randomBytes(24).toString('base64url'),
      BENCH_PARENT_PID: String(process.pid),
      BENCH_WATCHDOG_S: String(TIME_LIMIT_MS / 1000),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.add(child);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return base;
    if (Date.now() > deadline) throw new Error('server not ready in 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ---- seed ----------------------------------------------------------------------------------------

function seed(doc: Y.Doc): void {
  const regions = REGIONS.map(([name, country, nuts]) => addRegion(doc, { name, country, nuts }));
  for (let start = 0; start < N; start += 250) {
    doc.transact(() => {
      for (let n = start; n < start + 250; n++) {
        const c = capacityText(n);
        const id = createCapacity(doc, {
          title: c.title,
          regionId: regions[n % regions.length]!,
          kind: CAPACITY_KINDS[Math.floor(n / regions.length) % CAPACITY_KINDS.length],
          field: c.field,
          strength: (n * 7) % 6,
          holders: c.holders.map((name, h) => ({
            name,
            helix: HELICES[(n + h) % HELICES.length]!,
          })),
          createdBy: 'Bench',
        });
        writePlainText(getCard(doc, id)!.get('body') as Y.XmlFragment, c.description);
      }
    });
  }
  // 12 groups of 100 (10 × 10 grid each) in a 4 × 3 block, then 800 loose cards in rows below.
  const STEP_X = 240;
  const STEP_Y = 200;
  const GROUP_W = 10 * STEP_X + 80;
  const GROUP_H = 10 * STEP_Y + 120;
  let n = 0;
  const opportunity = (x: number, y: number): string => {
    const o = opportunityText(n++);
    const id = createOpportunity(doc, { title: o.title, x, y, createdBy: 'Bench' });
    writePlainText(getCard(doc, id)!.get('body') as Y.XmlFragment, o.body);
    return id;
  };
  for (let g = 0; g < 12; g++) {
    const fx = (g % 4) * (GROUP_W + 200);
    const fy = Math.floor(g / 4) * (GROUP_H + 200);
    doc.transact(() => {
      const ids: string[] = [];
      for (let i = 0; i < 100; i++) {
        ids.push(opportunity(fx + 40 + (i % 10) * STEP_X, fy + 80 + Math.floor(i / 10) * STEP_Y));
      }
      createOpportunityGroup(doc, opportunityText(g).group, ids, {
        x: fx,
        y: fy,
        width: GROUP_W,
        height: GROUP_H,
      });
    });
  }
  const looseTop = 3 * (GROUP_H + 200);
  doc.transact(() => {
    for (let i = 0; i < N - 1200; i++)
      opportunity((i % 40) * STEP_X, looseTop + Math.floor(i / 40) * STEP_Y);
  });
}

// ---- the run ---------------------------------------------------------------------------------------

interface Row {
  figure: string;
  value: number;
  unit: string;
  target?: number;
}

async function measure(base: string, browser: Browser): Promise<Row[]> {
  const workshop = await createWorkshop(base, 'Boards bench', 'cedw');
  const writer = await connectSynced(base, workshop.id, workshop.tokens.facilitator);
  const seeded = Date.now();
  seed(writer.doc);
  // The server acknowledges nothing: a second client that syncs sees the seed once it is applied.
  const probe = connectClient(base, workshop.id, workshop.tokens.facilitator);
  try {
    await waitFor(
      () => probe.provider.synced && cardsMap(probe.doc).size >= 2 * N,
      'the seed',
      90_000,
    );
  } finally {
    if (writer.closeCodes.length > 0) console.error(`seed client closed: ${writer.closeCodes}`);
    probe.destroy();
  }
  console.error(`seeded ${N} capacities and ${N} opportunities in ${Date.now() - seeded} ms`);

  const person = await newPerson(browser, VIEWPORT);
  const page = person.page;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const link = new URL(workshop.links.facilitator);
  await page.goto(base + link.pathname + link.hash);
  await page.getByTestId('join-name-input').fill('Bench');
  await page.getByTestId('join-submit').click();
  await page.getByTestId('join-dialog').waitFor({ state: 'detached', timeout: 30_000 });
  await page.waitForSelector('[data-testid="connection-status"][data-status="connected"]', {
    timeout: 30_000,
  });
  // Start from a light board, so opening the map or the opportunity board is what gets timed.
  const other =
    await page.evaluate<string>(`[...document.querySelectorAll('[data-testid^="board-tab-"]')]
    .map((t) => t.dataset.testid.slice('board-tab-'.length))
    .find((b) => b !== 'capacity-map' && b !== 'opportunity-board')`);
  console.error(`joined; starting from the ${other} board`);
  await page.getByTestId(`board-tab-${other}`).click();
  await page.waitForTimeout(1000);

  const rows: Row[] = [];
  const add = (figure: string, value: number, unit: string, target?: number) => {
    console.error(`  ${figure}: ${+value.toFixed(1)} ${unit}`);
    rows.push({ figure, value, unit, ...(target === undefined ? {} : { target }) });
  };
  const addFrames = (what: string, f: Frames) => {
    add(`${what}: frame p95`, f.p95, 'ms', 16.7);
    add(`${what}: frame max`, f.max, 'ms', 50);
    add(`${what}: frames over 50 ms`, f.over50Pct, '%', 0);
  };

  /** Opens a board from its tab (its testid names the tab and the board's root): time and size. */
  const addOpen = async (name: string, board: string, content: string) => {
    add(`${name}: open`, await page.evaluate<number>(openBoard(board, board, content)), 'ms', 500);
    add(`${name}: DOM elements after open`, await page.evaluate<number>(countIn(board)), '');
  };

  // Capacity map.
  await addOpen('capacity map', 'capacity-map', '[data-testid="capacity-card"]');
  await page.waitForTimeout(500);
  const edits = await remoteEdits(page, writer);
  const seen = edits.filter(Number.isFinite).sort((a, b) => a - b);
  add('remote edit on screen: p95', p95(seen), 'ms', 50);
  add('remote edits seen within 5 s (of 20)', seen.length, '');
  const grid = (await page.getByTestId('capacity-grid').boundingBox())!;
  await page.mouse.move(grid.x + grid.width / 2, grid.y + Math.min(grid.height, 700) / 2);
  let scrolled = NaN;
  const scroll = await profiled(cdp, PROFILE_DIR, 'capacity-map-scroll', () =>
    recordFrames(page, async () => {
      // Down at ~3,000 px/s for four fifths of the time, then back up.
      await paced(SECONDS * 800, 33, () => page.mouse.wheel(0, 100));
      scrolled = await page.evaluate<number>(SCROLL_TOP);
      await paced(SECONDS * 200, 33, () => page.mouse.wheel(0, -400));
    }),
  );
  addFrames('capacity map wheel scroll', scroll);
  add('capacity map: scrolled down by', scrolled, 'px');
  add(
    'capacity map: DOM elements after scroll',
    await page.evaluate<number>(countIn('capacity-map')),
    '',
  );
  add('capacity map: JS heap', await heapMb(cdp), 'MB', 150);

  // Opportunity board.
  await addOpen('opportunity board', 'opportunity-board', '[data-testid="board"] *');
  const zoomText = async () =>
    Number((await page.getByTestId('zoom-level').textContent())?.replace(/\D/g, '') || NaN);
  add('opportunity board: opens at zoom', await zoomText(), '%');
  await page.waitForTimeout(500);
  addFrames(
    'opportunity board pan (as opened)',
    await recordFrames(page, () => panFor(page, SECONDS * 1000)),
  );
  addFrames(
    'opportunity board ctrl+wheel zoom',
    await profiled(cdp, PROFILE_DIR, 'opportunity-board-zoom', () =>
      recordFrames(page, () => zoomFor(page, SECONDS * 1000)),
    ),
  );
  await page.getByTestId('zoom-level').click(); // back to 100 %
  await page.waitForTimeout(1000);
  add('opportunity board: zoom after reset', await zoomText(), '%');
  add(
    'opportunity board: DOM elements at 100 %',
    await page.evaluate<number>(countIn('opportunity-board')),
    '',
  );
  addFrames(
    'opportunity board pan at 100 %',
    await recordFrames(page, () => panFor(page, SECONDS * 1000)),
  );
  add('opportunity board: JS heap', await heapMb(cdp), 'MB', 150);
  if (person.errors.length > 0)
    console.error(`page errors:\n  ${person.errors.slice(0, 10).join('\n  ')}`);
  writer.destroy();
  await person.context.close();
  return rows;
}

function print(rows: Row[], commit: string, load: number[]): void {
  const fmt = (r: Row) =>
    Number.isFinite(r.value) ? `${+r.value.toFixed(1)} ${r.unit}`.trim() : 'n/a';
  const table = rows.map((r) => [
    r.figure,
    fmt(r),
    r.target === undefined ? '—' : `≤ ${r.target} ${r.unit}`,
    r.target === undefined ? '' : r.value <= r.target ? 'yes' : 'NO',
  ]);
  const head = ['figure', 'measured', 'target', 'met?'];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(
    `\nBoards, ${N} capacities + ${N} opportunities, Chromium 1440×900 — ${DIR} @ ${commit}`,
  );
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const t of table) console.log(line(t));
  console.log(
    `machine load (1-min average) before / after: ${load.map((l) => l.toFixed(1)).join(' / ')} on ` +
      `${cpus().length} cores; frame times are only comparable between runs on a quiet machine`,
  );
}

async function main(): Promise<void> {
  const commit =
    spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: DIR,
      encoding: 'utf8',
    }).stdout.trim() || 'no commit';
  console.error(`building client and server of ${DIR} (${commit})…`);
  const clientDir = buildClient();
  const entry = buildServer();
  const base = await startServer(entry, clientDir);
  const browser = await launchBrowser();
  try {
    const load = [loadavg()[0]!];
    const rows = await measure(base, browser);
    load.push(loadavg()[0]!);
    print(rows, commit, load);
    if (JSON_OUT) {
      writeFileSync(
        JSON_OUT,
        `${JSON.stringify({ dir: DIR, commit, seconds: SECONDS, load, rows }, null, 2)}\n`,
      );
    }
  } finally {
    await browser.close();
    cleanupNow();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
