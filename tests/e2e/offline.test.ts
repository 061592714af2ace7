/**
 * End to end, offline-first (issue 13): a participant on a venue network that drops can reload the
 * workshop page offline and keep working. The service worker (vite.config.ts) serves the app shell
 * and every board's chunk from its precache, so even a board never opened online opens offline;
 * the doc comes from IndexedDB; what was written offline reaches the others when the network is
 * back. Without a service worker, a board whose code cannot be downloaded says so, with Reload and
 * Try again, instead of a blank panel.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { newPerson, screenshot, type Person } from '../support/browser';
import { hasChromium } from '../support/chromium';
import { E2E_CLIENT_DIR, startE2e, type E2eEnvironment } from '../support/e2eEnvironment';
import { createWorkshop } from '../support/server';
import { cardTitled, joinWorkshop, localLink, openTab, TIMEOUT } from '../support/workshopPage';

const status = (page: Page) => page.getByTestId('connection-status').getAttribute('data-status');

async function addCard(page: Page, title: string): Promise<void> {
  await page.getByTestId('add-card').click({ timeout: TIMEOUT });
  const input = page.getByTestId('card-title-input');
  await input.waitFor({ timeout: TIMEOUT });
  await input.pressSequentially(title, { delay: 10 });
  await input.press('Enter');
  await cardTitled(page, title).waitFor({ timeout: TIMEOUT });
}

describe.skipIf(!hasChromium)('offline-first', () => {
  let env: E2eEnvironment;
  let server: RunningServer;
  let browser: Browser;
  let workshop: CreateWorkshopResponse;
  let clientDir: string;
  const people: Person[] = [];

  beforeAll(async () => {
    // A copy of the built client, which the last test changes as a new deploy would.
    clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'transforma-e2e-offline-client-'));
    fs.cpSync(E2E_CLIENT_DIR, clientDir, { recursive: true });
    env = await startE2e('offline', { clientDir });
    ({ server, browser } = env);
    workshop = await createWorkshop(server.url, 'Offline', 'edw');
  });

  afterAll(async () => {
    await Promise.all(people.map((p) => p.context.close().catch(() => {})));
    await env?.close();
    if (clientDir) fs.rmSync(clientDir, { recursive: true, force: true });
  });

  it('reloads offline, opens a board never visited, and shares offline edits once back online', async () => {
    const link = localLink(server, workshop.links.participant);
    const ben = await newPerson(browser);
    const anna = await newPerson(browser);
    people.push(ben, anna);
    await joinWorkshop(ben, link, 'Ben', 'notes');
    const page = await joinWorkshop(anna, link, 'Anna', 'notes');

    // The service worker installed (every chunk precached) and controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: TIMEOUT,
    });
    await addCard(page, 'Written online');
    await cardTitled(ben.page, 'Written online').waitFor({ timeout: TIMEOUT });

    // Offline, the page reloads from the service worker's cache, the doc from IndexedDB.
    await anna.context.setOffline(true);
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await expect.poll(() => status(page), { timeout: TIMEOUT }).toBe('offline');
    await openTab(page, 'notes');
    await cardTitled(page, 'Written online').waitFor({ timeout: TIMEOUT });
    await screenshot(page, 'offline-01-reloaded');

    // A board never opened online: its code was precached, never downloaded by the page.
    await openTab(page, 'action-list');
    await page.getByTestId('action-list').waitFor({ timeout: TIMEOUT });
    expect(await page.getByTestId('chunk-failed').count()).toBe(0);

    // Written offline, kept on this device, shared when the network is back.
    await openTab(page, 'notes');
    await addCard(page, 'Written offline');
    expect(await cardTitled(ben.page, 'Written offline').count()).toBe(0);
    await anna.context.setOffline(false);
    await expect.poll(() => status(page), { timeout: TIMEOUT }).toBe('connected');
    await cardTitled(ben.page, 'Written offline').waitFor({ timeout: TIMEOUT });
    await screenshot(ben.page, 'offline-02-synced');
    expect(anna.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });

  it('says a board could not be loaded, with Reload and Try again, instead of a blank panel', async () => {
    // No service worker here: the board's code comes from the network, which refuses it.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-GB',
      serviceWorkers: 'block',
    });
    const carla: Person = { context, page: await context.newPage(), errors: [] };
    people.push(carla);
    carla.page.on('pageerror', (error) => carla.errors.push(`pageerror: ${error.message}`));
    // When each request for the board's code was refused (the browser may ask twice at once).
    const refusedAt: number[] = [];
    await context.route(/\/assets\/ActivityCanvasView-[^/]*\.js$/, (route) => {
      refusedAt.push(Date.now());
      return route.abort('internetdisconnected');
    });
    const page = await joinWorkshop(carla, localLink(server, workshop.links.participant), 'Carla');

    await openTab(page, 'activity-canvas');
    await page.getByTestId('chunk-failed').waitFor({ timeout: TIMEOUT });
    // Two attempts (the first and the retry a second later) before saying so; the rest of the
    // page is still there.
    const attempts = refusedAt.filter((t, i) => i === 0 || t - refusedAt[i - 1]! > 500).length;
    expect(attempts).toBe(2);
    expect(await page.getByTestId('chunk-reload').isVisible()).toBe(true);
    expect(await page.getByTestId('board-tab-notes').isVisible()).toBe(true);
    await screenshot(page, 'offline-03-chunk-failed');

    // The network is back: "Try again" loads the board without reloading the page.
    await context.unroute(/\/assets\/ActivityCanvasView-[^/]*\.js$/);
    await page.getByTestId('chunk-retry').click();
    await page.getByTestId('activity-canvas').waitFor({ timeout: TIMEOUT });
    expect(await page.getByTestId('chunk-failed').count()).toBe(0);
    expect(carla.errors).toEqual([]);
  });

  it('offers a new version with a Reload prompt, and never swaps it in by itself', async () => {
    const dana = await newPerson(browser);
    people.push(dana);
    const page = await joinWorkshop(dana, localLink(server, workshop.links.participant), 'Dana');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: TIMEOUT,
    });
    await page.evaluate('window.__sameDocument = true');

    // A new deploy: another service worker (here the same one, a byte longer) is found.
    fs.appendFileSync(path.join(clientDir, 'sw.js'), '\n// the next deploy\n');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await page.getByTestId('update-prompt').waitFor({ timeout: TIMEOUT });
    // Installed and waiting: the page keeps running, nothing reloaded by itself.
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
    await screenshot(page, 'offline-04-update-prompt');

    // "Reload": the new worker takes over and the page starts again on it.
    const reloaded = page.waitForEvent('load', { timeout: TIMEOUT });
    await page.getByTestId('update-reload').click();
    await reloaded;
    expect(await page.evaluate('window.__sameDocument')).toBeUndefined();
    await page.getByTestId('connection-status').waitFor({ timeout: TIMEOUT });
    expect(
      await page.evaluate(() =>
        navigator.serviceWorker.getRegistration().then((r) => !!r?.active && !r.waiting),
      ),
    ).toBe(true);
    expect(await page.getByTestId('update-prompt').count()).toBe(0);
  });
});
