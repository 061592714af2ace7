/**
 * End to end, capacity map and S3-Synergy Diamond: the real server (in-process, serving the built
 * client) and Debian's Chromium. A facilitator sets the workshop's field and two regions in the
 * workshop settings; two participants (two browser contexts) from the two regions add capacities
 * with holders and see each other's live; cards move between cells by drag and by keyboard, delete
 * with undo; the diamond shows one polygon per region and follows a strength change; the SVG and
 * PNG downloads are real files. Then a board of 2,000 capacities is measured.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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
import { newPerson, screenshot, type Person } from '../support/browser';
import { connectSynced, type TestClient } from '../support/clients';
import { createWorkshop, waitFor } from '../support/server';
import { addCapacity, capacityCard, capacityCell } from '../support/s3Boards';
import { dragOnto, joinWorkshop, localLink, TIMEOUT } from '../support/workshopPage';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';

// Browser-side code is passed as strings: the test project is type-checked without DOM types.
const ACTIVE_CAPACITY = 'document.activeElement?.dataset?.capacityId ?? null';
const activeCapacity = (page: Page) => page.evaluate<string | null>(ACTIVE_CAPACITY);

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

/** Joins and opens the capacity map. */
async function joinCapacityMap(person: Person, link: string, name: string): Promise<void> {
  await joinWorkshop(person, link, name, 'capacity-map');
  await person.page.getByTestId('capacity-map').waitFor({ timeout: TIMEOUT });
}

async function readDownload(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return fs.readFileSync(file);
}

describe.skipIf(!hasChromium)('capacity map and diamond, live between browsers', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: E2eEnvironment;
  let workshop: CreateWorkshopResponse;
  const people: Person[] = [];

  beforeAll(async () => {
    env = await startE2e('cmap');
    ({ server, browser } = env);
    workshop = await createWorkshop(server.url, 'Alpine digital tourism cEDW', 'cedw');
  });

  afterAll(async () => {
    await Promise.all(people.map((p) => p.context.close().catch(() => {})));
    await env?.close();
  });

  async function person(viewport?: { width: number; height: number }): Promise<Person> {
    const created = await newPerson(browser, viewport);
    people.push(created);
    return created;
  }

  const regionIds: Record<string, string> = {};
  let fiona: Person;
  let anna: Person;
  let ben: Person;

  it('lets the facilitator set the field and two regions in the workshop settings', async () => {
    fiona = await person();
    await joinCapacityMap(
      fiona,
      localLink(server, workshop.links.facilitator),
      'Fiona Facilitator',
    );
    const page = fiona.page;
    await page.getByTestId('workshop-settings-button').click();
    const settings = page.getByTestId('workshop-settings');
    await settings.waitFor();

    await settings.getByTestId('settings-field').fill('Digital services for alpine tourism');
    await settings.getByTestId('settings-field').press('Enter');
    // The workshop's language is the UI's default for everyone who has not picked one (issue 13):
    // German follows at once; back to English for the rest of this run.
    await settings.getByTestId('settings-language').selectOption('de');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de');
    await settings.getByTestId('settings-language').selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');

    // A bad NUTS code is refused with a clear message; nothing is added.
    await settings.getByTestId('region-add-name').fill('Tyrol');
    await settings.getByTestId('region-add-country').fill('Austria');
    await settings.getByTestId('region-add-nuts').fill('a3');
    await settings.getByTestId('region-add-submit').click();
    await expect.poll(() => settings.getByRole('alert').textContent()).toContain('NUTS code');
    expect(await settings.getByTestId('region-row').count()).toBe(0);
    await settings.getByTestId('region-add-nuts').fill('at33');
    expect(await settings.getByTestId('region-add-nuts').inputValue()).toBe('AT33');
    await settings.getByTestId('region-add-submit').click();
    await settings.getByTestId('region-add-name').fill('Westslowenien');
    await settings.getByTestId('region-add-country').fill('Slovenia');
    await settings.getByTestId('region-add-submit').click();
    await expect.poll(() => settings.getByTestId('region-row').count()).toBe(2);

    // Rename the second region and give it a NUTS code.
    const second = settings.getByTestId('region-row').nth(1);
    await second.getByTestId('region-name').fill('Western Slovenia');
    await second.getByTestId('region-name').press('Tab');
    await second.getByTestId('region-nuts').fill('SI04');
    await second.getByTestId('region-nuts').press('Enter');
    await expect
      .poll(() => settings.getByTestId('region-row').nth(1).getByTestId('region-name').inputValue())
      .toBe('Western Slovenia');

    // A third region, then removed after confirmation.
    await settings.getByTestId('region-add-name').fill('Region to remove');
    await settings.getByTestId('region-add-submit').click();
    await expect.poll(() => settings.getByTestId('region-row').count()).toBe(3);
    await settings.getByTestId('region-row').nth(2).getByTestId('region-remove').click();
    await settings.getByTestId('region-remove-confirm-button').click();
    await expect.poll(() => settings.getByTestId('region-row').count()).toBe(2);

    for (const row of await settings.getByTestId('region-row').all()) {
      const name = await row.getByTestId('region-name').inputValue();
      regionIds[name] = (await row.getAttribute('data-region-id'))!;
    }
    expect(Object.keys(regionIds).sort()).toEqual(['Tyrol', 'Western Slovenia']);
    await screenshot(page, 'cmap-01-settings');
    await settings.getByTestId('workshop-settings-close').click();
    await settings.waitFor({ state: 'detached' });

    // Participants never see the settings button.
    expect(await page.getByTestId('capacity-row').count()).toBe(3);
  });

  it('lets two participants from two regions add capacities with holders, live', async () => {
    anna = await person();
    ben = await person();
    const participantLink = localLink(server, workshop.links.participant);
    await joinCapacityMap(anna, participantLink, 'Anna Innsbruck');
    await joinCapacityMap(ben, participantLink, 'Ben Ljubljana');
    const a = anna.page;
    const b = ben.page;
    expect(await a.getByTestId('workshop-settings-button').count()).toBe(0);

    // The region rows the facilitator made are there for both.
    await expect.poll(() => a.getByTestId('capacity-row').count()).toBe(3);
    expect(await b.locator('.cmap-toolbar__field').textContent()).toBe(
      'Digital services for alpine tourism',
    );

    const tyrol = regionIds['Tyrol']!;
    const slovenia = regionIds['Western Slovenia']!;
    const annaId = await addCapacity(a, tyrol, 'industry', 'Alpine tourism operators', [
      { name: 'Tirol Werbung', helix: 'government' },
      { name: 'Hotel cluster Tyrol', helix: 'cluster' },
    ]);
    const benId = await addCapacity(b, slovenia, 'research', 'ICT research and start-ups', [
      { name: 'University of Ljubljana', helix: 'research' },
      { name: 'Outfit7', helix: 'business' },
    ]);

    // Each sees the other's card, in the right cell, with holders and their helix.
    const benOnA = capacityCell(a, slovenia, 'research').locator(
      `[data-testid="capacity-card"][data-capacity-id="${benId}"]`,
    );
    await expect
      .poll(() => benOnA.getByTestId('capacity-card-title').textContent(), { timeout: TIMEOUT })
      .toBe('ICT research and start-ups');
    await expect.poll(() => benOnA.locator('.helix-chip').count()).toBe(2);
    expect(await benOnA.locator('.helix-chip[data-helix="research"]').textContent()).toContain(
      'University of Ljubljana',
    );
    const annaOnB = capacityCell(b, tyrol, 'industry').locator(
      `[data-testid="capacity-card"][data-capacity-id="${annaId}"]`,
    );
    await expect
      .poll(() => annaOnB.getByTestId('capacity-card-title').textContent(), { timeout: TIMEOUT })
      .toBe('Alpine tourism operators');
    expect(await annaOnB.locator('.helix-chip[data-helix="cluster"]').count()).toBe(1);

    // Ben sets a strength, an evidence link (a bad one first) and a description.
    const panel = b.getByTestId('capacity-panel');
    await panel.getByTestId('strength-4').click();
    await panel.getByTestId('capacity-evidence').fill('not a link');
    await panel.getByTestId('capacity-evidence').press('Enter');
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('http');
    await panel.getByTestId('capacity-evidence').fill('https://www.uni-lj.si/research');
    await panel.getByTestId('capacity-evidence').press('Enter');
    await panel.getByTestId('capacity-description-edit').click();
    const editor = panel.getByTestId('card-body-editor');
    await editor.waitFor({ timeout: TIMEOUT });
    await b.keyboard.type('Strong in ', { delay: 5 });
    await b.keyboard.press('Control+b');
    await b.keyboard.type('machine learning', { delay: 5 });
    await b.keyboard.press('Control+b');
    await expect.poll(() => benOnA.getAttribute('data-strength'), { timeout: TIMEOUT }).toBe('4');

    // Anna opens Ben's capacity: she sees the description and edits the title with him.
    await benOnA.click();
    const annaPanel = a.getByTestId('capacity-panel');
    await expect
      .poll(() => annaPanel.getByTestId('capacity-description').locator('strong').textContent(), {
        timeout: TIMEOUT,
      })
      .toBe('machine learning');
    await screenshot(b, 'cmap-02-panel-editing');
    await b.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    const annaTitle = annaPanel.getByTestId('capacity-title-input');
    await annaTitle.click();
    await annaTitle.press('End');
    await annaTitle.pressSequentially(' (AI)', { delay: 5 });
    await expect
      .poll(() => panel.getByTestId('capacity-title-input').inputValue(), { timeout: TIMEOUT })
      .toBe('ICT research and start-ups (AI)');
    await annaPanel.getByTestId('capacity-panel-close').click();
    await panel.getByTestId('capacity-panel-close').click();

    // A few more capacities so the map and the diamond have shape.
    await addCapacity(a, tyrol, 'skills', 'Hospitality training', [
      { name: 'MCI Innsbruck', helix: 'research' },
    ]);
    await a.getByTestId('strength-3').click();
    await addCapacity(a, tyrol, 'infrastructure', 'Ski-area data platforms', []);
    await a.getByTestId('strength-5').click();
    await a.getByTestId('capacity-panel-close').click();
    await addCapacity(b, slovenia, 'technology', 'Computer vision', [
      { name: 'Jožef Stefan Institute', helix: 'research' },
    ]);
    await b.getByTestId('strength-5').click();
    await b.getByTestId('capacity-panel-close').click();
    await expect.poll(() => a.getByTestId('capacity-card').count(), { timeout: TIMEOUT }).toBe(5);
    await a.mouse.move(5, 300);
    await screenshot(a, 'cmap-03-map');

    // Filters: helix "business" keeps only Ben's capacity with Outfit7.
    await a.getByTestId('capacity-filter-helix').selectOption('business');
    await expect.poll(() => a.getByTestId('capacity-card').count()).toBe(1);
    await a.getByTestId('capacity-filter-clear').click();
    await a.getByTestId('capacity-filter-region').selectOption(tyrol);
    await expect.poll(() => a.getByTestId('capacity-card').count()).toBe(3);
    await a.getByTestId('capacity-filter-kind').selectOption('industry');
    await expect.poll(() => a.getByTestId('capacity-card').count()).toBe(1);
    await a.getByTestId('capacity-filter-clear').click();
    await expect.poll(() => a.getByTestId('capacity-card').count()).toBe(5);

    // Drag Anna's card to Tyrol × technology: Ben sees it move.
    await dragOnto(a, capacityCard(a, annaId), capacityCell(a, tyrol, 'technology'));
    await expect
      .poll(
        () =>
          capacityCell(b, tyrol, 'technology').locator(`[data-capacity-id="${annaId}"]`).count(),
        {
          timeout: TIMEOUT,
        },
      )
      .toBe(1);

    // Keyboard: Alt+ArrowLeft (twice) moves it back to industry, the focus staying on it.
    await capacityCard(a, annaId).focus();
    await a.keyboard.press('Alt+ArrowLeft');
    await expect
      .poll(() =>
        capacityCell(a, tyrol, 'research').locator(`[data-capacity-id="${annaId}"]`).count(),
      )
      .toBe(1);
    await expect.poll(() => activeCapacity(a)).toBe(annaId);
    await a.keyboard.press('Alt+ArrowLeft');
    await expect
      .poll(
        () => capacityCell(b, tyrol, 'industry').locator(`[data-capacity-id="${annaId}"]`).count(),
        {
          timeout: TIMEOUT,
        },
      )
      .toBe(1);
    await expect.poll(() => activeCapacity(a)).toBe(annaId);
    // Arrow keys move the focus between cards; Enter opens the focused one.
    await a.keyboard.press('ArrowRight');
    const focused = await activeCapacity(a);
    expect(focused).not.toBe(annaId);
    expect(focused).toBeTruthy();
    await a.keyboard.press('ArrowLeft');
    await a.keyboard.press('Enter');
    await expect
      .poll(() => a.getByTestId('capacity-panel').getAttribute('data-capacity-id'))
      .toBe(annaId);
    await a.keyboard.press('Escape');
    await a.getByTestId('capacity-panel').waitFor({ state: 'detached' });

    // Delete with the keyboard, then undo.
    await capacityCard(a, annaId).focus();
    await a.keyboard.press('Delete');
    await expect.poll(() => capacityCard(b, annaId).count(), { timeout: TIMEOUT }).toBe(0);
    await a.getByTestId('capacity-undo').click();
    await expect
      .poll(() => capacityCard(b, annaId).getByTestId('capacity-card-title').textContent(), {
        timeout: TIMEOUT,
      })
      .toBe('Alpine tourism operators');
    expect(await capacityCard(b, annaId).locator('.helix-chip').count()).toBe(2);
  });

  it('shows both regions in the diamond, live, and downloads it as SVG and PNG', async () => {
    const a = anna.page;
    const b = ben.page;
    await a.getByTestId('capacity-mode-diamond').click();
    const chart = a.getByTestId('diamond-chart');
    await chart.waitFor({ timeout: TIMEOUT });
    await expect.poll(() => chart.getByTestId('diamond-polygon').count()).toBe(2);
    const legend = (await chart.getByTestId('diamond-legend-name').allTextContents()).join(' | ');
    expect(legend).toContain('Tyrol');
    expect(legend).toContain('Western Slovenia');
    // Default axes: one per kind.
    expect(await chart.getByTestId('diamond-axis-label').count()).toBe(CAPACITY_KINDS.length);

    // Ben judges his computer-vision capacity weaker: Anna's diamond follows.
    const slovenia = regionIds['Western Slovenia']!;
    const polygon = chart.locator(`[data-testid="diamond-polygon"][data-region-id="${slovenia}"]`);
    const before = await polygon.getAttribute('data-values');
    // Axis order: industry, research, technology, skills, infrastructure, other.
    expect(before).toBe('0,4,5,0,0,0');
    const vision = b.getByTestId('capacity-card').filter({ hasText: 'Computer vision' }).first();
    await vision.click();
    await b.getByTestId('capacity-panel').getByTestId('strength-2').click();
    await expect
      .poll(() => polygon.getAttribute('data-values'), { timeout: TIMEOUT })
      .toBe('0,4,2,0,0,0');
    await a.mouse.move(5, 5);
    await screenshot(a, 'cmap-04-diamond-overlay');

    const svg = await readDownload(a, () => a.getByTestId('diamond-download-svg').click());
    const text = svg.toString('utf8');
    expect(text).toContain('<svg');
    expect(text).toContain('Western Slovenia');
    expect(text.match(/<polygon[^>]*stroke-width="2.5"/g)?.length).toBe(2);
    const png = await readDownload(a, () => a.getByTestId('diamond-download-png').click());
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);

    // Side by side: one small chart per region.
    await a.getByTestId('diamond-layout-side-by-side').click();
    await expect.poll(() => a.getByTestId('diamond-multiple').count()).toBe(2);
    await screenshot(a, 'cmap-05-diamond-side-by-side');
  });

  it('lets the facilitator define the diamond axes, live for everyone', async () => {
    const f = fiona.page;
    const a = anna.page;
    await f.getByTestId('capacity-mode-diamond').click();
    await f.getByTestId('diamond-edit-axes').click();
    const editor = f.getByTestId('diamond-axes-editor');
    await editor.waitFor();
    // Rename the first axis, remove "Other", add an axis collecting the field tag "ICT".
    await editor.getByTestId('diamond-axis-label-input').first().fill('Industry & services');
    await editor.getByTestId('diamond-axis-label-input').first().press('Enter');
    await editor.getByTestId('diamond-axis-remove').last().click();
    await expect.poll(() => editor.getByTestId('diamond-axis').count()).toBe(5);
    await editor.getByTestId('diamond-axis-add').click();
    await expect.poll(() => editor.getByTestId('diamond-axis').count()).toBe(6);
    await a.getByTestId('diamond-layout-overlay').click();
    await expect
      .poll(
        async () =>
          (await a.getByTestId('diamond-axis-label').first().textContent())?.replace(/\s/g, ''),
        { timeout: TIMEOUT },
      )
      .toBe('Industry&services');
    await screenshot(f, 'cmap-06-diamond-axes');
    await editor.getByTestId('diamond-axes-reset').click();
    await editor.getByTestId('diamond-axes-reset-confirm').click();
    await expect
      .poll(() => a.getByTestId('diamond-axis-label').count(), { timeout: TIMEOUT })
      .toBe(CAPACITY_KINDS.length);
  });

  it('shows the map read-only on the wall screen', async () => {
    const wall = await person({ width: 1600, height: 900 });
    await wall.page.goto(localLink(server, workshop.links.projector));
    await wall.page.getByTestId('board-tab-capacity-map').click({ timeout: TIMEOUT });
    await expect
      .poll(() => wall.page.getByTestId('capacity-card').count(), { timeout: TIMEOUT })
      .toBe(5);
    expect(await wall.page.getByTestId('capacity-add').count()).toBe(0);
    expect(await wall.page.getByTestId('capacity-cell-add').count()).toBe(0);
    await wall.page.getByTestId('capacity-card').first().click();
    await wall.page.getByTestId('capacity-panel').waitFor();
    await wall.page.waitForTimeout(300);
    expect(await wall.page.getByTestId('capacity-title-input').count()).toBe(0);
    expect(await wall.page.getByTestId('capacity-delete').count()).toBe(0);
    await screenshot(wall.page, 'cmap-07-wall-screen');
  });

  it('has no console errors', () => {
    for (const p of people) expect(p.errors).toEqual([]);
  });
});

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
