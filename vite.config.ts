/**
 * One config for the client build (Vite) and the test suite (Vitest projects):
 *   unit        pure code in shared/ and server/ (no network)
 *   integration real y-websocket / socket.io clients against a real server on a random port
 *   component   client UI parts and hooks in happy-dom (tests next to the code, *.test.tsx in client/src)
 *   e2e         real Chromium (Debian's package, driven by playwright-core) against the built client
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
/** The path aliases of tsconfig.base.json, for the client build and every test project. */
const alias = [
  { find: /^@shared\//, replacement: `${projectRoot}shared/` },
  { find: /^@client\//, replacement: `${projectRoot}client/src/` },
];
const devServerPort = Number(process.env.PORT ?? 8080);
const backend = `http://127.0.0.1:${devServerPort}`;

export default defineConfig({
  root: 'client',
  plugins: [react()],
  resolve: { alias },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/yjs': { target: backend.replace('http', 'ws'), ws: true },
      '/socket.io': { target: backend, ws: true },
    },
  },
  test: {
    root: projectRoot,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          root: projectRoot,
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          root: projectRoot,
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        resolve: { alias },
        test: {
          name: 'component',
          root: projectRoot,
          include: ['client/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          root: projectRoot,
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
