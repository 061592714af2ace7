/**
 * Test support: a private redis-server (/usr/bin/redis-server) on a free port, for tests that must
 * kill Redis and start it again. The machine's shared Redis (6379) is never touched. No
 * persistence (`--save "" --appendonly no`): a restart comes back empty, as a crashed cache would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:net';

export const REDIS_SERVER = process.env.TEST_REDIS_SERVER ?? '/usr/bin/redis-server';

/** True when a redis-server binary can be started here. */
export function redisServerInstalled(): boolean {
  try {
    fs.accessSync(REDIS_SERVER, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A port nothing listens on right now (127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export interface PrivateRedis {
  port: number;
  url: string;
  /** Running now? */
  readonly running: boolean;
  /** Kills it (SIGKILL by default) and resolves once it has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port (after kill). */
  start(): Promise<void>;
  /** Stops it for good (the test's cleanup). */
  stop(): Promise<void>;
}

/** Starts a private redis-server on a free port and resolves once it accepts connections. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const start = async (): Promise<void> => {
    if (child) throw new Error('redis-server is running already');
    const proc = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = proc;
    exited = new Promise<void>((resolve) =>
      proc.once('exit', () => {
        if (child === proc) child = null;
        resolve();
      }),
    );
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`redis-server on ${port} did not start:\n${output}`)),
        10_000,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Ready to accept connections/i.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', onData);
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server on ${port} exited with ${code}:\n${output}`));
      });
    });
  };

  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    const proc = child;
    if (!proc) return;
    proc.kill(signal);
    await exited;
  };

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get running() {
      return child !== null;
    },
    kill,
    start,
    stop: () => kill('SIGKILL'),
  };
}
