/**
 * End to end, a capacity map of 2,000 capacities (issue 15) in Debian's Chromium, against the real
 * server: the tab opens and remote edits show quickly, typing and the diamond stay responsive, and
 * only the cards near the visible area are drawn while the keyboard still reaches every card.
 * The live, two-browser capacity map is capacity-map.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import {
  addRegion,
  cardsMap,
  createCapacity,
  setCardTitle,
  updateCapacity,
} from '../../shared/doc';
import { CAPACITY_KINDS, HELICES } from '../../shared/domain/s3';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { hasChromium } from '../support/chromium';
import { newPerson, screenshot } from '../support/browser';
import { connectSynced, type TestClient } from '../support/clients';
import { createWorkshop, waitFor } from '../support/server';
import { activeCapacity, capacityCard, capacityCell, joinCapacityMap } from '../support/s3Boards';
import { localLink, TIMEOUT } from '../support/workshopPage';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';

// Browser-side code is passed as strings: the test project is type-checked without DOM types.
/** Clicks the capacity tab and waits for the frame that shows the 2,000 cards: ms. */
const TIME_TAB_SWITCH = `(async () => {
  const start = performance.now();
  document.querySelector('[data-testid="board-tab-capacity-map"]').click();
  await new Promise((resolve) => {
    const check = () => {
      const count = document.querySelector('[data-testid="capacity-count"]')?.textContent ?? '';
      if (count.replace(/\\D/g, '').startsWith('2000')) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - start;
})()`;

/** Resolves with the (epoch ms) time the card first shows `text`. */
const seenAt = (id: string, text: string) => `new Promise((resolve) => {
  const card = document.querySelector('[data-capacity-id="${id}"]');
  const observer = new MutationObserver(() => {
    if (card.textContent.includes(${JSON.stringify(text)})) {
      observer.disconnect();
      resolve(performance.timeOrigin + performance.now());
    }
  });
  observer.observe(card, { subtree: true, characterData: true, childList: true });
})`;

const WATCH_LONG_TASKS = `(() => {
  const durations = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
  window.__longTasks = durations;
  return 0;
})()`;

/** Types 20 characters into the open title; ms from each input to the next painted frame. */
const TIME_TYPING = `(async () => {
  const area = document.querySelector('[data-testid="capacity-title-input"]');
  const times = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    area.value += 'x';
    area.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'x' }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    times.push(performance.now() - start);
  }
  return times;
})()`;

const TIME_DIAMOND = `(async () => {
  const start = performance.now();
  document.querySelector('[data-testid="capacity-mode-diamond"]').click();
  await new Promise((resolve) => {
    const check = () => {
      if (document.querySelectorAll('[data-testid="diamond-polygon"]').length === 5) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
  return performance.now() - start;
})()`;

/** The id of the lowest card wholly inside the map's scrolled view. */
const LAST_VISIBLE_CARD = `(() => {
  const view = document.querySelector('.cmap-scroll').getBoundingClientRect();
  const seen = [...document.querySelectorAll('[data-testid="capacity-card"]')].filter((card) => {
    const box = card.getBoundingClientRect();
    return box.top >= view.top && box.bottom <= view.bottom;
  });
  seen.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
  return seen[seen.length - 1].dataset.capacityId;
})()`;

const DRAWN_CARD_IDS = `[...document.querySelectorAll('[data-testid="capacity-card"]')].map(
  (card) => card.dataset.capacityId,
)`;

/** True when the card is drawn and wholly inside the map's scrolled view. */
const isCardInView = (id: string) => `(() => {
  const card = document.querySelector('[data-capacity-id="${id}"]');
  if (!card) return false;
  const view = document.querySelector('.cmap-scroll').getBoundingClientRect();
  const box = card.getBoundingClientRect();
  return box.top >= view.top && box.bottom <= view.bottom;
})()`;

describe.skipIf(!hasChromium)('capacity map with 2,000 capacities', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: E2eEnvironment;
  let client: TestClient;
  let workshop: CreateWorkshopResponse;

  beforeAll(async () => {
    env = await startE2e('cmap-big');
    ({ server, browser } = env);
    workshop = await createWorkshop(server.url, 'Big capacity map', 'cedw');
    client = await connectSynced(server.url, workshop.id, workshop.tokens.facilitator);
  });

  afterAll(async () => {
    client?.destroy();
    await env?.close();
  });

  it('renders the tab and shows remote edits quickly', { timeout: 120_000 }, async () => {
    const doc = client.doc;
    const regions = ['Tyrol', 'Western Slovenia', 'Lombardy', 'Bavaria', 'Rhône-Alpes'].map(
      (name) => addRegion(doc, { name, country: '', nuts: '' }),
    );
    const ids: string[] = [];
    for (let chunk = 0; chunk < 8; chunk++) {
      doc.transact(() => {
        for (let i = chunk * 250; i < (chunk + 1) * 250; i++) {
          ids.push(
            createCapacity(doc, {
              title: `Capacity ${i} — ${['precision mechanics', 'tourism data', 'wood construction', 'robotics', 'hydrogen'][i % 5]}`,
              regionId: regions[i % 5],
              // Each region has its own mix of kinds, so the five polygons differ.
              kind: CAPACITY_KINDS[((i % 5) + (Math.floor(i / 5) % ((i % 5) + 2))) % 6],
              strength: (i * 7 + (i % 5) * 3) % 6,
              holders: [
                { name: `Organisation ${i}`, helix: HELICES[i % HELICES.length]! },
                { name: `Partner ${i}`, helix: HELICES[(i + 2) % HELICES.length]! },
              ],
            }),
          );
        }
      });
    }
    expect(cardsMap(doc).size).toBe(2000);
    await waitFor(() => client.provider.synced, 'seed to sync');

    const viewer = await newPerson(browser, { width: 1440, height: 900 });
    const page = viewer.page;
    await page.goto(localLink(server, workshop.links.participant));
    await page.getByTestId('join-name-input').fill('Perf Tester');
    await page.getByTestId('join-submit').click();
    // Start on another tab with the doc loaded, then time the switch to the capacity map.
    await page.getByTestId('board-tab-notes').click({ timeout: TIMEOUT });
    await page.getByTestId('board').waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(500);

    const renderMs: number[] = [];
    for (let run = 0; run < 3; run++) {
      await page.getByTestId('board-tab-notes').click();
      await page.getByTestId('board').waitFor();
      await page.waitForTimeout(200);
      const ms = await page.evaluate<number>(TIME_TAB_SWITCH);
      renderMs.push(ms);
    }
    const renderedCards = await page.getByTestId('capacity-card').count();

    // Remote edits: the Node client retitles a card on screen; time until the page shows it.
    const onScreen = await page
      .getByTestId('capacity-card')
      .first()
      .getAttribute('data-capacity-id');
    const latencies: number[] = [];
    for (let i = 0; i < 10; i++) {
      const expected = `Edited remotely ${i}`;
      const seen = page.evaluate<number>(seenAt(onScreen!, expected));
      await page.waitForTimeout(50);
      const sent = Date.now();
      setCardTitle(doc, onScreen!, expected);
      latencies.push((await seen) - sent);
    }
    // A remote strength change on a card far off screen must not cost the page a long task.
    await page.evaluate(WATCH_LONG_TASKS);
    for (let i = 0; i < 20; i++) {
      updateCapacity(doc, ids[1999 - i]!, { strength: (i % 5) + 1 });
      await page.waitForTimeout(20);
    }
    await page.waitForTimeout(300);
    const longDuring = await page.evaluate<number[]>('window.__longTasks');

    // Typing in a title with 2,000 cards on the board: time per keystroke to the card's update.
    await page.getByTestId('capacity-card').first().click();
    const title = page.getByTestId('capacity-title-input');
    await title.waitFor();
    const typingMs = await page.evaluate<number[]>(TIME_TYPING);

    // The diamond over 2,000 capacities.
    const diamondMs = await page.evaluate<number>(TIME_DIAMOND);
    await screenshot(page, 'cmap-08-diamond-2000');
    await page.getByTestId('capacity-mode-map').click();
    await page.getByTestId('capacity-grid').waitFor();
    await screenshot(page, 'cmap-09-map-2000');

    const median = (values: number[]) =>
      [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
    const report = {
      renderTabMs: renderMs.map(Math.round),
      cardsInDomAfterRender: renderedCards,
      remoteEditMs: {
        median: Math.round(median(latencies)),
        max: Math.round(Math.max(...latencies)),
      },
      longTasksDuringRemoteStrengthChanges: longDuring.map(Math.round),
      keystrokesMs: typingMs.map(Math.round),
      localKeystrokeToPaintMs: {
        median: Math.round(median(typingMs)),
        max: Math.round(Math.max(...typingMs)),
      },
      diamondFirstRenderMs: Math.round(diamondMs),
    };
    console.log('capacity map, 2,000 capacities:', JSON.stringify(report));
    fs.mkdirSync(path.resolve('tests/e2e/screenshots'), { recursive: true });
    fs.writeFileSync(
      path.resolve('tests/e2e/screenshots/cmap-perf.json'),
      JSON.stringify(report, null, 2),
    );
    // Timings are reported, not asserted (shared, noisy machines). What must hold on any machine:
    // the board renders a bounded slice of the 2,000 cards, and every remote edit arrives.
    expect(renderedCards).toBeGreaterThan(0);
    expect(renderedCards).toBeLessThan(400);
    expect(latencies).toHaveLength(10);
    expect(latencies.every((ms) => Number.isFinite(ms))).toBe(true);
    expect(viewer.errors).toEqual([]);
    await viewer.context.close();
  });

  it('draws only the cards near the visible area; the keys reach the others', async () => {
    const long = await createWorkshop(server.url, 'One long cell', 'cedw');
    const seeder = await connectSynced(server.url, long.id, long.tokens.facilitator);
    try {
      const doc = seeder.doc;
      const region = addRegion(doc, { name: 'Tyrol', country: '', nuts: '' });
      doc.transact(() => {
        for (let i = 0; i < 300; i++) {
          createCapacity(doc, {
            title: `Long cell ${i}`,
            regionId: region,
            kind: 'research',
            holders: [{ name: `Institute ${i}`, helix: 'research' }],
          });
        }
      });
      await waitFor(() => seeder.provider.synced, 'seed to sync');

      const viewer = await newPerson(browser, { width: 1440, height: 900 });
      const page = viewer.page;
      await joinCapacityMap(viewer, localLink(server, long.links.participant), 'Keyboard User');
      const cell = capacityCell(page, region, 'research');
      await cell.getByTestId('capacity-card').first().waitFor({ timeout: TIMEOUT });
      // A bounded slice of the 300 cards is in the DOM, not all of them.
      const drawn = await cell.getByTestId('capacity-card').count();
      expect(drawn).toBeGreaterThan(3);
      expect(drawn).toBeLessThan(40);

      // Once the cells have measured their cards: the last card the person sees, and the cards
      // drawn at that moment.
      let settled = -1;
      await expect
        .poll(async () => {
          const before = settled;
          settled = await cell.getByTestId('capacity-card').count();
          return settled === before;
        })
        .toBe(true);
      const lastVisible = await page.evaluate<string>(LAST_VISIBLE_CARD);
      const drawnIds = await page.evaluate<string[]>(DRAWN_CARD_IDS);
      await capacityCard(page, lastVisible).focus();
      expect(await activeCapacity(page)).toBe(lastVisible);
      // ArrowDown, one card at a time, until the focus is on a card that was not drawn: the
      // keys go on past the drawn slice (a card focused, every step).
      let reached: string | null = lastVisible;
      for (let i = 0; i < 40 && reached && drawnIds.includes(reached); i++) {
        await page.keyboard.press('ArrowDown');
        await expect.poll(() => activeCapacity(page)).not.toBe(reached);
        reached = await activeCapacity(page);
      }
      expect(reached).toBeTruthy();
      expect(drawnIds).not.toContain(reached);
      // It has the focus and is scrolled into view.
      await expect.poll(() => page.evaluate<boolean>(isCardInView(reached!))).toBe(true);
      expect(await activeCapacity(page)).toBe(reached);
      // End jumps to the cell's last card, far below anything drawn so far.
      await page.keyboard.press('End');
      await expect
        .poll(() => page.evaluate<string>(`document.activeElement?.textContent ?? ''`))
        .toContain('Long cell 299');
      const last = (await activeCapacity(page))!;
      expect(drawnIds).not.toContain(last);
      await expect.poll(() => page.evaluate<boolean>(isCardInView(last))).toBe(true);
      expect(await cell.getByTestId('capacity-card').count()).toBeLessThan(40);
      expect(viewer.errors).toEqual([]);
      await viewer.context.close();
    } finally {
      seeder.destroy();
    }
  });
});
