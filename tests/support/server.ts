/** Test support: a real server on a random port with its own data directory. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../server/app';
import type { ServerConfigInput } from '../../server/config';
import type { CreateWorkshopResponse, WorkshopTemplate } from '../../shared/domain/workshop';

export function tempDataDir(prefix = 'transforma-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Every test runs from 127.0.0.1, so the per-IP limits meant for the public would throttle the
 * suite itself; tests of the limits set their own low values.
 */
export const TEST_LIMITS: Partial<ServerConfigInput> = {
  rateWorkshopCreate: 100_000,
  rateJoin: 100_000,
  rateApi: 1_000_000,
  maxConnectionsPerIp: 10_000,
};

export async function startTestServer(
  overrides: Partial<ServerConfigInput> = {},
): Promise<RunningServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: overrides.dataDir ?? tempDataDir(),
    logLevel: 'silent',
    clientDir: path.join(os.tmpdir(), 'transforma-no-client'),
    ...TEST_LIMITS,
    ...overrides,
  });
}

export async function createWorkshop(
  baseUrl: string,
  title = 'Alpine digital tourism',
  template: WorkshopTemplate = 'edw',
): Promise<CreateWorkshopResponse> {
  const res = await fetch(`${baseUrl}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, template }),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreateWorkshopResponse;
}

export function wsBase(baseUrl: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/yjs`;
}

/** Polls until `check` returns true (or throws with `what` after `timeoutMs`). */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
