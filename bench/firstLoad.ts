/**
 * First load of the start page (and of a workshop's join page), as a new visitor gets it (issue 15).
 *
 *   npm run build            # this script builds nothing: it serves dist/server + the client dir
 *   npm run bench:first-load [-- --client-dir /tmp/firstload-client] [-- --runs 3]
 *
 * Starts the compiled server (dist/server/main.js, NODE_ENV=production, fresh temp DATA_DIR, free
 * port, CLIENT_DIR = --client-dir or dist/client), opens each page in Debian's Chromium through
 * playwright-core with a fresh browser context per load (empty cache, no service worker), and
 * prints, per page and profile, the median of N loads of: bytes on the wire (CDP
 * Network.loadingFinished encodedDataLength) and uncompressed (dataReceived dataLength) split
 * JS/CSS/HTML/other, the JS chunks loaded, first paint and first contentful paint. Profiles:
 * "fast" (no throttling) and "slow-phone" (150 ms RTT, 1.6 Mbps down/up, 4× CPU slowdown).
 * Bytes the service worker fetches after load (precache) are counted separately: they are not on
 * the page's critical path. Prints figures only; asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium';
import { freePort, PROJECT_DIR } from './servers';

interface Profile {
  name: string;
  throttle: boolean;
}
const PROFILES: Profile[] = [
  { name: 'fast', throttle: false },
  { name: 'slow-phone', throttle: true },
];
type Kind = 'js' | 'css' | 'html' | 'other';

interface LoadResult {
  wire: Record<Kind, number>;
  raw: Record<Kind, number>;
  chunks: Map<string, number>;
  fp: number;
  fcp: number;
  swBytes: number;
  swCount: number;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const CLIENT_DIR = resolve(PROJECT_DIR, arg('client-dir', 'dist/client'));
const RUNS = Number(arg('runs', '3'));
const SERVER_ENTRY = join(PROJECT_DIR, 'dist', 'server', 'main.js');

function kindOf(type: string, url: string): Kind {
  if (type === 'Script' || /\.m?js(\?|$)/.test(url)) return 'js';
  if (type === 'Stylesheet' || /\.css(\?|$)/.test(url)) return 'css';
  if (type === 'Document') return 'html';
  return 'other';
}

async function startServer(): Promise<{ base: string; child: ChildProcess; dataDir: string }> {
  for (const p of [SERVER_ENTRY, join(CLIENT_DIR, 'index.html')]) {
    if (!existsSync(p)) throw new Error(`${p} missing: run \`npm run build\` first`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'firstload-data-'));
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: PROJECT_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CLIENT_DIR,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error('server not ready in 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, child, dataDir };
}

async function loadOnce(browser: Browser, url: string, throttle: boolean): Promise<LoadResult> {
  const context = await browser.newContext();
  const res: LoadResult = {
    wire: { js: 0, css: 0, html: 0, other: 0 },
    raw: { js: 0, css: 0, html: 0, other: 0 },
    chunks: new Map(),
    fp: NaN,
    fcp: NaN,
    swBytes: 0,
    swCount: 0,
  };
  // Requests made by the service worker (precache) show up here, not in the page's CDP session.
  context.on('requestfinished', (req) => {
    if (!req.serviceWorker()) return;
    res.swCount += 1;
    void req
      .sizes()
      .then((s) => (res.swBytes += s.responseBodySize + s.responseHeadersSize))
      .catch(() => {});
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (throttle) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: 200_000,
        uploadThroughput: 200_000,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    const reqs = new Map<string, { url: string; type: string; raw: number }>();
    cdp.on('Network.requestWillBeSent', (e) =>
      reqs.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', raw: 0 }),
    );
    cdp.on('Network.responseReceived', (e) => {
      const r = reqs.get(e.requestId);
      if (r) r.type = e.type;
    });
    cdp.on('Network.dataReceived', (e) => {
      const r = reqs.get(e.requestId);
      if (r) r.raw += e.dataLength;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = reqs.get(e.requestId);
      if (!r || r.url.startsWith('data:')) return;
      const kind = kindOf(r.type, r.url);
      res.wire[kind] += e.encodedDataLength;
      res.raw[kind] += r.raw;
      if (kind === 'js') res.chunks.set(new URL(r.url).pathname, e.encodedDataLength);
    });
    await page.goto(url, { waitUntil: 'load' });
    const paints = await page.waitForFunction(
      () => {
        const entries = performance.getEntriesByType('paint');
        const fcp = entries.find((p) => p.name === 'first-contentful-paint');
        if (!fcp) return null;
        const fp = entries.find((p) => p.name === 'first-paint') ?? fcp;
        return { fp: fp.startTime, fcp: fcp.startTime };
      },
      undefined,
      { timeout: 60_000 },
    );
    const { fp, fcp } = (await paints.jsonValue())!;
    res.fp = fp;
    res.fcp = fcp;
    // The page's own load is over; let the service worker install (precache), then count it.
    await page
      .evaluate(() =>
        'serviceWorker' in navigator
          ? Promise.race([
              navigator.serviceWorker.ready.then(() => true),
              new Promise((r) => setTimeout(r, 20_000)),
            ])
          : false,
      )
      .catch(() => {});
    await page.waitForTimeout(500);
  } finally {
    await context.close();
  }
  return res;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number): string => `${Math.round(n)} ms`;

function report(title: string, profile: string, loads: LoadResult[]): void {
  const row = (label: string, f: (l: LoadResult) => number, fmt: (n: number) => string) =>
    console.log(`  ${label.padEnd(28)} ${fmt(median(loads.map(f))).padStart(12)}`);
  console.log(`\n${title} — ${profile} (median of ${loads.length})`);
  const kinds: Kind[] = ['js', 'css', 'html', 'other'];
  const sum = (r: Record<Kind, number>) => kinds.reduce((a, k) => a + r[k], 0);
  row('total compressed', (l) => sum(l.wire), kb);
  row('total uncompressed', (l) => sum(l.raw), kb);
  for (const k of kinds) {
    console.log(
      `  ${`  ${k} compressed / raw`.padEnd(28)} ${kb(median(loads.map((l) => l.wire[k]))).padStart(12)} / ${kb(median(loads.map((l) => l.raw[k])))}`,
    );
  }
  row('first paint', (l) => l.fp, ms);
  row('first contentful paint', (l) => l.fcp, ms);
  console.log(
    `  ${'service worker after load'.padEnd(28)} ${kb(median(loads.map((l) => l.swBytes))).padStart(12)} (${median(loads.map((l) => l.swCount))} requests; not on the critical path)`,
  );
  console.log('  JS chunks (compressed):');
  for (const [path, size] of [...loads[0]!.chunks].sort((a, b) => b[1] - a[1])) {
    console.log(`    ${kb(size).padStart(10)}  ${path}`);
  }
}

async function main(): Promise<void> {
  const { base, child, dataDir } = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const created = await fetch(`${base}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x', template: 'edw' }),
    });
    if (created.status !== 201) throw new Error(`POST /api/workshops → ${created.status}`);
    const body = (await created.json()) as { links?: { participant?: string } };
    const link = body.links?.participant;
    if (!link) throw new Error(`no links.participant in ${JSON.stringify(body)}`);
    const join = new URL(link);
    const pages = [
      { title: 'Start page /', url: `${base}/` },
      {
        title: `Join page ${join.pathname.replace(/[^/]+$/, '…')}`,
        url: `${base}${join.pathname}${join.search}${join.hash}`,
      },
    ];
    console.log(`client: ${CLIENT_DIR}\nserver: ${SERVER_ENTRY} at ${base}`);
    for (const p of pages) {
      for (const profile of PROFILES) {
        const loads: LoadResult[] = [];
        for (let i = 0; i < RUNS; i++) loads.push(await loadOnce(browser, p.url, profile.throttle));
        report(p.title, profile.name, loads);
      }
    }
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
