/**
 * Scrolling the capacity map with 2,000 capacities (issue 15): frame times while the wheel scrolls.
 *
 *   E2E_CLIENT_DIR=/tmp/cmap-client npx tsx bench/capacityMapScroll.ts [--seconds 5]
 *
 * Starts the server in-process (serving the built client in E2E_CLIENT_DIR, or dist/client), seeds
 * 2,000 capacities over five regions through a Node Yjs client, opens the map in Debian's Chromium
 * (1440×900), times the tab's first render, then scrolls with page.mouse.wheel (down, and back up
 * at the end) for N seconds while a requestAnimationFrame recorder notes every frame's length.
 * Prints open time, frame p50/p95/max, the share of frames over 50 ms, the cards in the DOM after
 * scrolling and the JS heap. Prints figures only; asserts nothing.
 */
import { addRegion, createCapacity } from '../shared/doc';
import { CAPACITY_KINDS, HELICES } from '../shared/domain/s3';
import { newPerson } from '../tests/support/browser';
import { connectSynced } from '../tests/support/clients';
import { startE2e } from '../tests/support/e2eEnvironment';
import { createWorkshop, waitFor } from '../tests/support/server';
import { localLink, TIMEOUT } from '../tests/support/workshopPage';

const i = process.argv.indexOf('--seconds');
const SECONDS = i >= 0 ? Number(process.argv[i + 1]) : 5;

// Browser-side code as strings: this file is type-checked without DOM types.
const START_FRAMES = `(() => {
  const frames = [];
  let last = performance.now();
  window.__frames = frames;
  window.__recording = true;
  const scroller = document.querySelector('.cmap-scroll');
  window.__maxScroll = 0;
  const tick = (now) => {
    frames.push(now - last);
    window.__maxScroll = Math.max(window.__maxScroll, scroller.scrollTop);
    last = now;
    if (window.__recording) requestAnimationFrame(tick);
  };
  requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
  return 0;
})()`;
const STOP_FRAMES = `(() => { window.__recording = false; return window.__frames; })()`;
const OPEN_TAB = `(async () => {
  const start = performance.now();
  document.querySelector('[data-testid="board-tab-capacity-map"]').click();
  await new Promise((resolve) => {
    const check = () => {
      if (document.querySelector('[data-testid="capacity-card"]')) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - start;
})()`;
const HEAP_MB = `Math.round(performance.memory.usedJSHeapSize / 1048576)`;

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function main(): Promise<void> {
  const env = await startE2e('cmap-scroll-bench');
  try {
    const workshop = await createWorkshop(env.server.url, 'Capacity map scroll', 'cedw');
    const client = await connectSynced(env.server.url, workshop.id, workshop.tokens.facilitator);
    const doc = client.doc;
    const regions = ['Tyrol', 'Western Slovenia', 'Lombardy', 'Bavaria', 'Rhône-Alpes'].map(
      (name) => addRegion(doc, { name, country: '', nuts: '' }),
    );
    doc.transact(() => {
      for (let n = 0; n < 2000; n++) {
        createCapacity(doc, {
          title: `Capacity ${n} — ${['precision mechanics', 'tourism data', 'robotics'][n % 3]}`,
          regionId: regions[n % 5],
          kind: CAPACITY_KINDS[((n % 5) + (Math.floor(n / 5) % ((n % 5) + 2))) % 6],
          strength: (n * 7) % 6,
          holders: [
            { name: `Organisation ${n}`, helix: HELICES[n % HELICES.length]! },
            { name: `Partner ${n}`, helix: HELICES[(n + 2) % HELICES.length]! },
          ],
        });
      }
    });
    await waitFor(() => client.provider.synced, 'seed to sync');

    const viewer = await newPerson(env.browser, { width: 1440, height: 900 });
    const page = viewer.page;
    await page.goto(localLink(env.server, workshop.links.participant));
    await page.getByTestId('join-name-input').fill('Scroll Bench');
    await page.getByTestId('join-submit').click();
    await page.getByTestId('board-tab-notes').click({ timeout: TIMEOUT });
    await page.getByTestId('board').waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(500);
    const openMs = await page.evaluate<number>(OPEN_TAB);
    await page.waitForTimeout(500);

    const grid = page.getByTestId('capacity-grid');
    const box = (await grid.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.evaluate(START_FRAMES);
    const end = Date.now() + SECONDS * 1000;
    const turn = Date.now() + SECONDS * 800;
    while (Date.now() < end) {
      await page.mouse.wheel(0, Date.now() < turn ? 240 : -600);
      await page.waitForTimeout(16);
    }
    const frames = (await page.evaluate<number[]>(STOP_FRAMES)).sort((a, b) => a - b);
    const cards = await page.getByTestId('capacity-card').count();
    const heapMb = await page.evaluate<number>(HEAP_MB);
    const scrolledPx = await page.evaluate<number>('Math.round(window.__maxScroll)');
    const over50 = frames.filter((f) => f > 50).length;
    console.log(
      JSON.stringify({
        openMs: Math.round(openMs),
        frames: frames.length,
        p50: +quantile(frames, 0.5).toFixed(1),
        p95: +quantile(frames, 0.95).toFixed(1),
        max: +frames[frames.length - 1]!.toFixed(1),
        over50Pct: +((100 * over50) / frames.length).toFixed(1),
        scrolledPx,
        cardsInDom: cards,
        heapMb,
        errors: viewer.errors.length,
      }),
    );
    client.destroy();
  } finally {
    await env.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
