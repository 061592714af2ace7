/**
 * Before the end-to-end tests: build the client once (the server under test serves dist/client, or
 * E2E_CLIENT_DIR: a run of its own builds there and leaves dist/client alone) and
 * make sure Chromium is there. Without Chromium the tests skip with a message, except in CI
 * (CI=true), where a skipped end-to-end test would hide a broken install: there it is a failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { CHROMIUM_PATH } from '../support/chromium';

export default async function setup(): Promise<void> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    const message = `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium).`;
    if (process.env.CI === 'true') throw new Error(`${message} CI must run the end-to-end tests.`);
    console.warn(`${message} Skipping the end-to-end tests.`);
    return;
  }
  // Vitest runs with NODE_ENV=test, which would make Vite bundle development React.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const outDir = process.env.E2E_CLIENT_DIR
      ? path.resolve(process.env.E2E_CLIENT_DIR)
      : undefined;
    await build({
      configFile: 'vite.config.ts',
      logLevel: 'warn',
      mode: 'production',
      ...(outDir ? { build: { outDir, emptyOutDir: true } } : {}),
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
