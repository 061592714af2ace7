/**
 * Test support: what every end-to-end test file starts — the real server in-process on a random
 * port with its own data directory, serving the built client, and one Chromium — and stops.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/app';
import type { ServerConfigInput } from '../../server/config';
import { launchBrowser } from './browser';
import { TEST_LIMITS } from './server';

/** The built client; E2E_CLIENT_DIR lets a run use its own build. */
export const E2E_CLIENT_DIR = path.resolve(process.env.E2E_CLIENT_DIR ?? 'dist/client');

export interface E2eEnvironment {
  server: RunningServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function startE2e(
  name: string,
  overrides: Partial<ServerConfigInput> = {},
): Promise<E2eEnvironment> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `transforma-e2e-${name}-`));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logLevel: 'silent',
    clientDir: E2E_CLIENT_DIR,
    ...TEST_LIMITS,
    ...overrides,
  });
  const browser = await launchBrowser();
  return {
    server,
    browser,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
