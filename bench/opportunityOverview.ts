/**
 * Frame times of the opportunity board with 2,000 opportunities (20 named groups), in Debian's
 * Chromium at 1440×900: how long the board takes to open (fitted, zoomed out), how many elements it
 * draws, then a rAF frame recorder while dragging the empty board for 5 s and while Ctrl+wheel
 * zooming in and out for 5 s, fitted (overview) and at 100 %. Serves a built client:
 *   CLIENT_DIR=/tmp/x-client npx tsx bench/opportunityOverview.ts
 * (build it with `npx vite build --outDir /tmp/x-client`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createOpportunity, createOpportunityGroup } from '../shared/doc';
import { startServer } from '../server/app';
import { launchBrowser, newPerson } from '../tests/support/browser';
import { connectSynced } from '../tests/support/clients';
import { createWorkshop, TEST_LIMITS } from '../tests/support/server';

const GROUPS_X = 5;
const GROUPS_Y = 4;
const PER_SIDE = 10;
const STEP_X = 240;
const STEP_Y = 200;
const GROUP_W = PER_SIDE * STEP_X + 80;
const GROUP_H = PER_SIDE * STEP_Y + 120;

/** Records frame intervals with rAF in the page until stopped; returns them (ms). */
async function recordFrames(page: Page, during: () => Promise<void>): Promise<number[]> {
  // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await during();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames.slice(1);
  });
}

function summarise(name: string, frames: number[]) {
  const sorted = [...frames].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  const over50 = frames.filter((f) => f > 50).length / Math.max(1, frames.length);
  return {
    scenario: name,
    frames: frames.length,
    p95: +p95.toFixed(1),
    max: +max.toFixed(1),
    over50: `${(over50 * 100).toFixed(1)} %`,
  };
}

const elements = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('[data-testid="board"] *').length);
const zoom = (page: Page) =>
  page.evaluate(() => {
    const world = document.querySelector<HTMLElement>('.board__world');
    return /scale\(([\d.]+)\)/.exec(world?.style.transform ?? '')?.[1] ?? '?';
  });

async function panFor(page: Page, ms: number) {
  const end = Date.now() + ms;
  let dir = 1;
  while (Date.now() < end) {
    await page.mouse.move(720, 450);
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) await page.mouse.move(720 + dir * i * 10, 450 + dir * i * 5);
    await page.mouse.up();
    dir = -dir;
  }
}

/** Ctrl+wheel in `ticks` steps in, then as many out, and again (a tick zooms by 1.28). */
async function zoomFor(page: Page, ms: number, ticks: number) {
  const end = Date.now() + ms;
  await page.mouse.move(720, 450);
  await page.keyboard.down('Control');
  let dir = -1;
  while (Date.now() < end) {
    for (let i = 0; i < ticks && Date.now() < end; i++) {
      await page.mouse.wheel(0, dir * 100);
      await page.waitForTimeout(16);
    }
    dir = -dir;
  }
  await page.keyboard.up('Control');
}

async function main() {
  const clientDir = path.resolve(process.env.CLIENT_DIR ?? 'dist/client');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'transforma-bench-overview-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logLevel: 'silent',
    clientDir,
    ...TEST_LIMITS,
  });
  const browser = await launchBrowser();
  try {
    const workshop = await createWorkshop(server.url, 'Overview bench', 'cedw');
    const client = await connectSynced(server.url, workshop.id, workshop.tokens.facilitator);
    for (let gy = 0; gy < GROUPS_Y; gy++) {
      for (let gx = 0; gx < GROUPS_X; gx++) {
        const fx = gx * (GROUP_W + 200);
        const fy = gy * (GROUP_H + 200);
        client.doc.transact(() => {
          const ids: string[] = [];
          for (let i = 0; i < PER_SIDE * PER_SIDE; i++) {
            ids.push(
              createOpportunity(client.doc, {
                title: `Opportunity ${gx}-${gy}-${i} with a title of a few words`,
                x: fx + 40 + (i % PER_SIDE) * STEP_X,
                y: fy + 80 + Math.floor(i / PER_SIDE) * STEP_Y,
                createdBy: 'Bench',
              }),
            );
          }
          createOpportunityGroup(client.doc, `Group ${gx}-${gy}`, ids, {
            x: fx,
            y: fy,
            width: GROUP_W,
            height: GROUP_H,
          });
        });
      }
    }
    await new Promise((r) => setTimeout(r, 1000));
    const person = await newPerson(browser, { width: 1440, height: 900 });
    const page = person.page;
    const link = server.url + new URL(workshop.links.participant).pathname;
    await page.goto(link + new URL(workshop.links.participant).hash);
    await page.getByTestId('join-name-input').fill('Bench');
    await page.getByTestId('join-submit').click();
    await page.getByTestId('join-dialog').waitFor({ state: 'detached', timeout: 30_000 });
    await page.waitForSelector('[data-testid="connection-status"][data-status="connected"]');
    const started = Date.now();
    await page.getByTestId('board-tab-opportunity-board').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="group-frame"]').length >= 20,
      undefined,
      { timeout: 60_000 },
    );
    // Opened: the fitted view has been painted (two frames after the fit).
    await page.waitForFunction(() => {
      const world = document.querySelector<HTMLElement>('.board__world');
      return !!world && !/scale\(1\)/.test(world.style.transform);
    });
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    const openMs = Date.now() - started;
    const rows = [];
    console.log(`open: ${openMs} ms, zoom ${await zoom(page)}, elements ${await elements(page)}`);
    rows.push(summarise('fitted pan', await recordFrames(page, () => panFor(page, 5000))));
    rows.push(summarise('zoom 7–33 %', await recordFrames(page, () => zoomFor(page, 5000, 6))));
    console.log(`after zooming: zoom ${await zoom(page)}`);
    rows.push(summarise('zoom 7–145 %', await recordFrames(page, () => zoomFor(page, 5000, 12))));
    await page.getByTestId('zoom-fit').click();
    await page.waitForTimeout(500);
    // 100 %: reset the zoom about the centre.
    await page.getByTestId('zoom-level').click();
    await page.waitForTimeout(1000);
    console.log(`100 %: zoom ${await zoom(page)}, elements ${await elements(page)}`);
    rows.push(summarise('100 % pan', await recordFrames(page, () => panFor(page, 5000))));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    console.table(rows);
    console.log(`JS heap: ${heap ? (heap.usedSize / 1e6).toFixed(0) : '?'} MB`);
    console.log(`errors: ${person.errors.length ? person.errors.join('; ') : 'none'}`);
    client.destroy();
    await person.context.close();
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
