/**
 * Starting and stopping the servers under test, each in its own child process on a free
 * 127.0.0.1 port:
 *
 *   ours       the compiled server, as `npm start` runs it (node <build>/main.js; the build is
 *              `npm run build:server`'s esbuild, made once per bench process into
 *              bench/.server-build-<pid>/ so a running `npm start` keeps its dist/server), fresh
 *              temp DATA_DIR (deleted after), NODE_ENV=production, LOG_LEVEL=warn; ready =
 *              /healthz 200
 *   reference  node node_modules/@y/websocket-server/src/server.js (its bin), no YPERSISTENCE;
 *              ready = GET / 200
 *   ours-pg    ours with DATABASE_URL = a fresh schema (bench_<random>) of the PostgreSQL at
 *              BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), dropped after
 *   ours-pg-x2 two of ours on one fresh schema, with REDIS_URL (BENCH_REDIS_URL, default
 *              redis://127.0.0.1:6379) and a fresh REDIS_PREFIX (its keys deleted after)
 *
 * Both get bench/watchdog.mjs preloaded so they exit if the bench dies. Every child started here
 * is tracked and killed (by pid) on exit.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  BENCH_REDIS_URL,
  createSchema,
  deleteRedisKeys,
  dropLeftSchemasSync,
  dropSchema,
} from './scaleOutStores';
import type { ServerKind } from './types';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const PROJECT_DIR = dirname(BENCH_DIR);
export const OUR_ENTRY = join(PROJECT_DIR, 'server', 'main.ts');
/** Where this bench process compiles our server (inside the project: its imports resolve there). */
const OUR_BUILD_DIR = join(PROJECT_DIR, 'bench', `.server-build-${process.pid}`);

/** Compiles our server once per bench process, with the build script's esbuild options. */
function ourCompiledEntry(): string {
  const entry = join(OUR_BUILD_DIR, 'main.js');
  if (existsSync(entry)) return entry;
  const script = (
    JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts['build:server']!;
  const esbuildArgs = script
    .slice(script.indexOf('esbuild ') + 'esbuild '.length)
    .split(/\s+/)
    .map((arg) => (arg.startsWith('--outdir=') ? `--outdir=${OUR_BUILD_DIR}` : arg));
  execFileSync(join(PROJECT_DIR, 'node_modules', '.bin', 'esbuild'), esbuildArgs, {
    cwd: PROJECT_DIR,
    stdio: 'inherit',
  });
  tempDirs.add(OUR_BUILD_DIR);
  return entry;
}
const REFERENCE_PKG = join(PROJECT_DIR, 'node_modules', '@y', 'websocket-server');
const WATCHDOG = pathToFileURL(join(BENCH_DIR, 'watchdog.mjs')).href;
const HOST = '127.0.0.1';

// ---- child tracking -----------------------------------------------------------------------------

const live = new Set<ChildProcess>();
const tempDirs = new Set<string>();

export function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
}

/** Synchronous last-resort cleanup (exit / signal handlers): SIGKILL every tracked child by pid. */
export function killAllChildren(): void {
  for (const child of live) {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  live.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
  dropLeftSchemasSync();
}

// ---- versions ---------------------------------------------------------------------------------------

function pkgVersion(dir: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      name?: string;
      version?: string;
    };
    return `${pkg.name ?? '?'}@${pkg.version ?? '?'}`;
  } catch {
    return 'unknown';
  }
}

export function versions(): Record<string, string> {
  const nm = join(PROJECT_DIR, 'node_modules');
  let commit = 'no commit';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: PROJECT_DIR,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // repository without commits
  }
  return {
    node: process.version,
    yjs: pkgVersion(join(nm, 'yjs')),
    'y-protocols': pkgVersion(join(nm, 'y-protocols')),
    lib0: pkgVersion(join(nm, 'lib0')),
    'ws (clients)': pkgVersion(join(nm, 'ws')),
    reference: `${pkgVersion(REFERENCE_PKG)} (${pkgVersion(join(REFERENCE_PKG, 'node_modules', 'ws'))})`,
    ours: `${pkgVersion(PROJECT_DIR)} (${commit}), server/main.ts`,
  };
}

// ---- helpers ------------------------------------------------------------------------------------------

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function httpStatus(url: string): Promise<number | null> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return null;
  }
}

// ---- the handle ---------------------------------------------------------------------------------

export interface ServerHandle {
  kind: ServerKind;
  /** the first process (ours-pg-x2: A) */
  pid: number;
  /** every process serving the room */
  pids: number[];
  port: number;
  /** until every process was ready */
  startMs: number;
  /**
   * A fresh room; resolves to the ws URLs its clients connect to, one per process (the room is
   * created on the first process; a client on another one reaches the same workshop).
   */
  newRoom(title: string): Promise<string[]>;
  alive(): boolean;
  /** exit code / signal of the processes that died */
  exitInfo(): string | null;
  /** output lines printed after it was ready (with LOG_LEVEL=warn: warnings and errors) */
  laterOutput(): string[];
  outputTail(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  readyTimeoutMs?: number;
  watchdogS?: number;
  /** extra environment for our server's processes (not the reference's) */
  ourEnv?: Record<string, string>;
}

/** One server process. */
interface Proc {
  pid: number;
  port: number;
  alive(): boolean;
  exit(): string | null;
  later: string[];
  tail(): string;
  stop(): Promise<void>;
}

async function spawnProc(
  kind: 'ours' | 'reference',
  extraEnv: Record<string, string>,
  opts: StartOptions,
): Promise<Proc> {
  const readyTimeoutMs = opts.readyTimeoutMs ?? 60_000;
  const port = await freePort();
  const dataDir = kind === 'ours' ? mkdtempSync(join(tmpdir(), 'transforma-bench-')) : null;
  if (dataDir) tempDirs.add(dataDir);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST,
    PORT: String(port),
    BENCH_PARENT_PID: String(process.pid),
    BENCH_WATCHDOG_S: String(opts.watchdogS ?? 900),
  };
  delete env.YPERSISTENCE;
  // Only the scale-out kinds use PostgreSQL and Redis; an operator's own variables do not leak in.
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX']) delete env[name];
  let args: string[];
  if (kind === 'ours') {
    if (!existsSync(OUR_ENTRY)) throw new Error(`${OUR_ENTRY} does not exist (yet)`);
    Object.assign(
      env,
      { DATA_DIR: dataDir, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
      opts.ourEnv,
      extraEnv,
    );
    args = ['--import', WATCHDOG, ourCompiledEntry()];
  } else {
    args = ['--import', WATCHDOG, join(REFERENCE_PKG, 'src', 'server.js')];
  }

  const child = spawn(process.execPath, args, {
    cwd: PROJECT_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  let tail = '';
  let ready = false;
  const later: string[] = [];
  let exit: string | null = null;
  const onData = (buf: Buffer): void => {
    const s = buf.toString('utf8');
    tail = (tail + s).slice(-8000);
    if (ready && later.length < 200) {
      for (const line of s.split('\n')) if (line.trim() && later.length < 200) later.push(line);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve();
    });
  });

  const stop = async (): Promise<void> => {
    if (exit === null && child.pid !== undefined) {
      child.kill('SIGTERM');
      if (
        (await Promise.race([exited.then(() => true), sleep(5000).then(() => false)])) === false
      ) {
        child.kill('SIGKILL');
        await Promise.race([exited, sleep(2000)]);
      }
    }
    if (dataDir) {
      rmSync(dataDir, { recursive: true, force: true });
      tempDirs.delete(dataDir);
    }
  };

  const base = `http://${HOST}:${port}`;
  const probeUrl = kind === 'ours' ? `${base}/healthz` : `${base}/`;
  const deadline = performance.now() + readyTimeoutMs;
  while (!ready && exit === null && performance.now() < deadline) {
    if ((await httpStatus(probeUrl)) === 200) ready = true;
    else await sleep(100);
  }
  if (!ready) {
    await stop();
    throw new Error(
      `${kind} server did not become ready on ${probeUrl} within ${readyTimeoutMs} ms` +
        `${exit ? ` (${exit})` : ''}; output:\n${tail.slice(-2000)}`,
    );
  }
  return {
    pid: child.pid as number,
    port,
    alive: () => exit === null,
    exit: () => exit,
    later,
    tail: () => tail,
    stop,
  };
}

async function createWorkshopOn(
  port: number,
  title: string,
): Promise<{ id: string; token: string }> {
  const res = await fetch(`http://${HOST}:${port}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, template: 'edw' }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  let body: { id?: unknown; tokens?: { participant?: unknown } } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // reported below
  }
  const id = body.id;
  const token = body.tokens?.participant;
  if (res.status !== 201 || typeof id !== 'string' || typeof token !== 'string') {
    throw new Error(
      `POST /api/workshops answered ${res.status} (want 201 with id and tokens.participant): ${text.slice(0, 300)}`,
    );
  }
  return { id, token };
}

export async function startServer(
  kind: ServerKind,
  opts: StartOptions = {},
): Promise<ServerHandle> {
  const t0 = performance.now();
  const procs: Proc[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    await Promise.all(procs.map((p) => p.stop()));
    for (const cleanup of cleanups.splice(0)) {
      await cleanup().catch((e: unknown) =>
        console.error(`bench: cleanup failed: ${e instanceof Error ? e.message : String(e)}`),
      );
    }
  };
  try {
    if (kind === 'ours' || kind === 'reference') {
      procs.push(await spawnProc(kind, {}, opts));
    } else {
      const schema = await createSchema();
      cleanups.push(() => dropSchema(schema.name));
      const env: Record<string, string> = { DATABASE_URL: schema.url };
      if (kind === 'ours-pg-x2') {
        const prefix = `bench:${randomBytes(4).toString('hex')}:`;
        cleanups.push(() => deleteRedisKeys(prefix));
        Object.assign(env, { REDIS_URL: BENCH_REDIS_URL, REDIS_PREFIX: prefix });
        // One after the other: the first runs the migrations, the second finds them done.
        procs.push(await spawnProc('ours', env, opts));
        procs.push(await spawnProc('ours', env, opts));
      } else {
        procs.push(await spawnProc('ours', env, opts));
      }
    }
  } catch (e) {
    await stopAll();
    throw e;
  }
  const first = procs[0] as Proc;
  const names = procs.length > 1 ? procs.map((_, i) => String.fromCharCode(65 + i)) : [''];
  let rooms = 0;
  return {
    kind,
    pid: first.pid,
    pids: procs.map((p) => p.pid),
    port: first.port,
    startMs: performance.now() - t0,
    alive: () => procs.every((p) => p.alive()),
    exitInfo: () => {
      const dead = procs.flatMap((p, i) => (p.exit() ? [`${names[i]} ${p.exit()}`.trim()] : []));
      return dead.length > 0 ? dead.join(', ') : null;
    },
    laterOutput: () =>
      procs.flatMap((p, i) => p.later.map((l) => (names[i] ? `${names[i]}: ${l}` : l))),
    outputTail: () =>
      procs.map((p, i) => (names[i] ? `--- ${names[i]} ---\n${p.tail()}` : p.tail())).join('\n'),
    stop: stopAll,
    async newRoom(title: string): Promise<string[]> {
      rooms++;
      if (kind === 'reference') {
        return [
          `ws://${HOST}:${first.port}/yjs/bench-${rooms}-${Math.random().toString(36).slice(2, 8)}`,
        ];
      }
      const { id, token } = await createWorkshopOn(first.port, title);
      return procs.map(
        (p) =>
          `ws://${HOST}:${p.port}/yjs/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`,
      );
    },
  };
}
