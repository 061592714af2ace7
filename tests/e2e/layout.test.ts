/**
 * End to end, layout: on a phone (390 × 844) the page is never wider than the screen and the
 * controls people need are on screen and clickable (Share, Add capacity, the capacity panel's
 * close button); the capacity toolbar keeps Import and Add capacity on its first row on a laptop;
 * the wall screen presents the opportunity board at a size readable from across the room, without
 * toolbars or filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { hasChromium } from '../support/chromium';
import { newPerson, screenshot, type Person } from '../support/browser';
import { createWorkshop } from '../support/server';
import { joinWorkshop, localLink, openTab, TIMEOUT } from '../support/workshopPage';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';

const PHONE = { width: 390, height: 844 };

/** The element is inside the viewport horizontally and is what a tap at its centre hits. */
async function expectTappable(page: Page, locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: TIMEOUT });
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  const viewport = page.viewportSize()!;
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
  const hit = await locator.evaluate((element) => {
    const r = element.getBoundingClientRect();
    const top = element.ownerDocument.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return top !== null && (top === element || element.contains(top));
  });
  expect(hit).toBe(true);
}

async function documentWidth(page: Page): Promise<{ scroll: number; viewport: number }> {
  return page.evaluate<{ scroll: number; viewport: number }>(`({
    scroll: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    viewport: window.innerWidth,
  })`);
}

describe.skipIf(!hasChromium)('layout: phone, laptop and wall screen', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: E2eEnvironment;
  let workshop: CreateWorkshopResponse;
  const people: Person[] = [];

  beforeAll(async () => {
    env = await startE2e('layout');
    ({ server, browser } = env);
    workshop = await createWorkshop(server.url, 'Alpine digital tourism cEDW 2025', 'edw');
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

  it('fits a 390 px phone: Share, Add capacity and the panel close button are reachable', async () => {
    const facilitator = await person(PHONE);
    const page = await joinWorkshop(
      facilitator,
      localLink(server, workshop.links.facilitator),
      'Franz Facilitator',
    );
    await page.getByTestId('capacity-add').waitFor({ timeout: TIMEOUT });
    expect((await documentWidth(page)).scroll).toBeLessThanOrEqual(PHONE.width);
    // On a phone, Share sits in the top bar's menu.
    await expectTappable(page, page.getByTestId('top-bar-more'));
    await page.getByTestId('top-bar-more').click();
    await expectTappable(page, page.getByTestId('share-button'));
    await page.keyboard.press('Escape');
    await expectTappable(page, page.getByTestId('capacity-add'));
    await expectTappable(page, page.getByTestId('connection-status'));
    await screenshot(page, 'layout-phone-facilitator');

    await page.getByTestId('capacity-add').click();
    const panel = page.getByTestId('capacity-panel');
    await panel.waitFor({ timeout: TIMEOUT });
    expect((await documentWidth(page)).scroll).toBeLessThanOrEqual(PHONE.width);
    await expectTappable(page, page.getByTestId('capacity-panel-close'));
    await expectTappable(page, page.getByTestId('capacity-kind'));
    await expectTappable(page, page.getByTestId('holder-add-submit'));
    await screenshot(page, 'layout-phone-capacity-panel');
    await page.getByTestId('capacity-panel-close').click();
    await panel.waitFor({ state: 'detached', timeout: TIMEOUT });

    // A participant's phone: the same, and every board keeps to the screen width.
    const participant = await person(PHONE);
    const phone = await joinWorkshop(
      participant,
      localLink(server, workshop.links.participant),
      'Mia Mobile',
    );
    await expectTappable(phone, phone.getByTestId('capacity-add'));
    await phone.getByTestId('top-bar-more').click();
    await expectTappable(phone, phone.getByTestId('edit-name'));
    await phone.keyboard.press('Escape');
    for (const board of ['opportunity-board', 'activity-canvas', 'action-list', 'notes']) {
      await openTab(phone, board);
      await phone.waitForTimeout(300);
      expect((await documentWidth(phone)).scroll).toBeLessThanOrEqual(PHONE.width);
    }
    await screenshot(phone, 'layout-phone-participant-notes');
    expect([...facilitator.errors, ...participant.errors]).toEqual([]);
  });

  it('keeps Import and Add capacity on the first toolbar row at 1440 px, filters or not', async () => {
    const laptop = await person({ width: 1440, height: 900 });
    const page = await joinWorkshop(laptop, localLink(server, workshop.links.participant), 'Lea');
    const add = page.getByTestId('capacity-add');
    const mode = page.getByTestId('capacity-mode-map');
    await add.waitFor({ timeout: TIMEOUT });
    const rowOf = async (locator: Locator) => Math.round((await locator.boundingBox())!.y);
    const before = await rowOf(add);
    expect(Math.abs(before - (await rowOf(mode)))).toBeLessThanOrEqual(4);
    await page.getByTestId('capacity-filter-helix').selectOption('research');
    expect(await rowOf(add)).toBe(before);
    // The search placeholder is not cut off.
    const cut = await page
      .getByTestId('capacity-filter-search')
      .evaluate((input) => input.scrollWidth > input.clientWidth + 1);
    expect(cut).toBe(false);
    await screenshot(page, 'layout-laptop-capacity-toolbar');
    expect(laptop.errors).toEqual([]);
  });

  it('presents the opportunity board on the wall at a readable size, without toolbars', async () => {
    const editor = await person({ width: 1440, height: 900 });
    const page = await joinWorkshop(
      editor,
      localLink(server, workshop.links.participant),
      'Otto',
      'opportunity-board',
    );
    for (const title of ['Generative AI travel assistants', 'Smart mobility for resorts']) {
      await page.getByTestId('add-card').click();
      await page.keyboard.type(title);
      await page.keyboard.press('Escape');
    }

    const wall = await person({ width: 1920, height: 1080 });
    await wall.page.goto(localLink(server, workshop.links.projector));
    await openTab(wall.page, 'opportunity-board');
    const title = wall.page.locator('[data-testid="board"] .card__title').first();
    await title.waitFor({ timeout: TIMEOUT });
    // Fitted by the wall itself: card titles at least ~20 px on a 1080p screen.
    const zoomLevel = () =>
      wall.page.getByTestId('zoom-level').evaluate((el) => parseInt(el.textContent ?? '0', 10));
    await expect.poll(zoomLevel, { timeout: TIMEOUT }).toBeGreaterThanOrEqual(135);
    const fontSize = await title.evaluate((el) =>
      parseFloat(el.ownerDocument.defaultView!.getComputedStyle(el).fontSize),
    );
    expect((fontSize * (await zoomLevel())) / 100).toBeGreaterThanOrEqual(20);
    expect(await wall.page.getByTestId('add-card').isVisible()).toBe(false);
    expect(await wall.page.getByTestId('zoom-fit').isVisible()).toBe(false);
    await screenshot(wall.page, 'layout-wall-opportunities');

    await openTab(wall.page, 'capacity-map');
    await wall.page.locator('.cmap').waitFor({ timeout: TIMEOUT });
    expect(await wall.page.getByTestId('capacity-filter-search').isVisible()).toBe(false);
    await screenshot(wall.page, 'layout-wall-capacities');
    expect([...editor.errors, ...wall.errors]).toEqual([]);
  });
});
