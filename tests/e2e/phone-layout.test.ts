/**
 * A 360 × 740 phone in German (the longest labels of the five languages): a participant's page
 * never scrolls sideways on any board (the tabs and filters scroll within their own strip), the top
 * bar fits (secondary items in its menu), and the voting popovers (the participant's "My dots",
 * the facilitator's vote menu) open inside the viewport. Screenshots go to /tmp/a11y/phone-*.png.
 */
import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import {
  addRegion,
  createAction,
  createActivity,
  createCapacity,
  createCard,
  createOpportunity,
  listActions,
} from '../../shared/doc';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { newPerson, type Person } from '../support/browser';
import { hasChromium } from '../support/chromium';
import { connectSynced, type TestClient } from '../support/clients';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';
import { createWorkshop, waitFor } from '../support/server';
import { localLink, openTab, TIMEOUT } from '../support/workshopPage';

const PHONE = { width: 360, height: 740 };
const BOARDS = ['capacity-map', 'opportunity-board', 'activity-canvas', 'action-list', 'notes'];
const OUT = '/tmp/a11y';

/** How wide the page scrolls: more than the screen means the page itself scrolls sideways. */
const pageWidth = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth);

async function expectInViewport(box: Locator, what: string): Promise<void> {
  const rect = await box.boundingBox();
  expect(rect, `${what} has a box`).not.toBeNull();
  expect(rect!.x, `${what} left edge`).toBeGreaterThanOrEqual(0);
  expect(rect!.y, `${what} top edge`).toBeGreaterThanOrEqual(0);
  expect(rect!.x + rect!.width, `${what} right edge`).toBeLessThanOrEqual(PHONE.width);
  expect(rect!.y + rect!.height, `${what} bottom edge`).toBeLessThanOrEqual(PHONE.height);
}

/** Controls that reach past the screen's right edge with no scrolling strip to bring them in. */
function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('button, select, input, a, [role="tab"]')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= window.innerWidth + 1) continue;
      let strip = el.parentElement;
      while (strip) {
        const overflow = getComputedStyle(strip).overflowX;
        if ((overflow === 'auto' || overflow === 'scroll') && strip.scrollWidth > strip.clientWidth)
          break;
        strip = strip.parentElement;
      }
      if (!strip) out.push(`${el.tagName}.${el.className} "${el.textContent?.slice(0, 30)}"`);
    }
    return out;
  });
}

describe.skipIf(!hasChromium)('a 360 × 740 phone in German', () => {
  let env: E2eEnvironment;
  let server: RunningServer;
  let browser: Browser;
  let workshop: CreateWorkshopResponse;
  let seed: TestClient;
  let anna: Person;
  const people: Person[] = [];

  beforeAll(async () => {
    env = await startE2e('phone-layout');
    ({ server, browser } = env);
    fs.mkdirSync(OUT, { recursive: true });
    workshop = await createWorkshop(server.url, 'Alpine digital tourism cEDW', 'cedw');
    seed = await connectSynced(server.url, workshop.id, workshop.tokens.facilitator);
    const tyrol = addRegion(seed.doc, { name: 'Tyrol', country: 'AT', nuts: 'AT33' });
    const slovenia = addRegion(seed.doc, { name: 'Western Slovenia', country: 'SI', nuts: 'SI04' });
    createCapacity(seed.doc, { title: 'Alpine tourism', kind: 'industry', regionId: tyrol });
    createCapacity(seed.doc, { title: 'Mechatronics', kind: 'research', regionId: slovenia });
    const opportunity = createOpportunity(seed.doc, { title: 'Generative AI' });
    const activity = createActivity(seed.doc, {
      title: 'Digital services for tourism',
      opportunityIds: [opportunity],
    });
    createActivity(seed.doc, { title: 'Alpine health data' });
    createAction(seed.doc, { activityId: activity, title: 'Booking pilot', createdBy: 'Fiona' });
    createCard(seed.doc, { title: 'Ask the ski schools', x: 40, y: 40 });
    await waitFor(() => listActions(seed.doc).length === 1, 'the seeded action', TIMEOUT);
  });

  afterAll(async () => {
    seed?.destroy();
    await Promise.all(people.map((p) => p.context.close().catch(() => {})));
    await env?.close();
  });

  it('never scrolls the page sideways, on any board', async () => {
    anna = await newPerson(browser, PHONE);
    people.push(anna);
    const page = anna.page;
    await page.goto(localLink(server, workshop.links.participant));
    await page.getByTestId('join-language').selectOption('de');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.lang), { timeout: TIMEOUT })
      .toBe('de');
    await page.screenshot({ path: `${OUT}/phone-join-de.png` });
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.getByTestId('join-name-input').fill('Anna');
    await page.getByTestId('join-submit').click();
    await page.getByTestId('join-dialog').waitFor({ state: 'detached', timeout: TIMEOUT });
    for (const board of BOARDS) {
      await openTab(page, board);
      await page.locator('.board-panel__loading').waitFor({ state: 'detached', timeout: TIMEOUT });
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${OUT}/phone-${board}-de.png` });
      // A control past the right edge is only allowed in a strip that scrolls (tabs, filters,
      // a table): never cut off by the page.
      expect(await cutOff(page), `controls cut off on ${board}`).toEqual([]);
      expect(await pageWidth(page), `page width on ${board}`).toBeLessThanOrEqual(PHONE.width);
      // The active tab is scrolled into its strip, not cut off.
      const tab = await page.getByTestId(`board-tab-${board}`).boundingBox();
      expect(tab!.x, `${board} tab`).toBeGreaterThanOrEqual(0);
      expect(tab!.x + tab!.width, `${board} tab`).toBeLessThanOrEqual(PHONE.width);
    }
  });

  it('fits the top bar: every item inside the screen, the rest in its menu', async () => {
    const page = anna.page;
    const items = page.locator('.top-bar button:visible, .top-bar select:visible');
    for (const item of await items.all()) await expectInViewport(item, 'a top-bar control');
    const more = page.getByTestId('top-bar-more');
    await more.click();
    const menu = page.getByTestId('top-bar-menu');
    await menu.waitFor({ timeout: TIMEOUT });
    await expectInViewport(menu, 'the top-bar menu');
    // The language picker is whole, labelled, and still switches the language.
    const language = menu.getByTestId('language-switcher');
    await expectInViewport(language, 'the language picker');
    expect(await language.inputValue()).toBe('de');
    await page.screenshot({ path: `${OUT}/phone-top-bar-menu-de.png` });
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden', timeout: TIMEOUT });
  });

  it('opens the voting popovers inside the screen', async () => {
    // A facilitator, on a phone too, opens the vote menu and starts a vote on the activities.
    const fiona = await newPerson(browser, PHONE);
    people.push(fiona);
    const f = fiona.page;
    await f.goto(localLink(server, workshop.links.facilitator));
    await f.getByTestId('join-language').selectOption('de');
    await f.getByTestId('join-name-input').fill('Fiona');
    await f.getByTestId('join-submit').click();
    await f.getByTestId('join-dialog').waitFor({ state: 'detached', timeout: TIMEOUT });
    // The facilitator's menu and the Share panel opened from it fit the phone.
    await f.getByTestId('top-bar-more').click();
    const menu = f.getByTestId('top-bar-menu');
    await expectInViewport(menu, "the facilitator's top-bar menu");
    await f.screenshot({ path: `${OUT}/phone-facilitator-menu-de.png` });
    await menu.getByTestId('share-button').click();
    const share = f.getByTestId('share-links');
    await share.waitFor({ timeout: TIMEOUT });
    await expectInViewport(share, 'the share panel');
    await f.screenshot({ path: `${OUT}/phone-share-de.png` });
    await f.keyboard.press('Escape');
    await openTab(f, 'activity-canvas');
    await f.getByTestId('vote-menu').click();
    const popover = f.getByTestId('vote-menu-panel');
    await popover.waitFor({ timeout: TIMEOUT });
    await f.screenshot({ path: `${OUT}/phone-vote-menu.png` });
    await expectInViewport(popover, 'the vote menu');
    expect(await pageWidth(f)).toBeLessThanOrEqual(PHONE.width);
    await f.getByTestId('vote-menu-start').click();
    const dialog = f.getByTestId('vote-dialog');
    await dialog.waitFor({ timeout: TIMEOUT });
    await f.screenshot({ path: `${OUT}/phone-vote-dialog.png` });
    await dialog.getByTestId('vote-start').click();
    await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });

    const page = anna.page;
    await openTab(page, 'activity-canvas');
    await page.getByTestId('vote-ballot-open').click({ timeout: TIMEOUT });
    const ballot = page.getByTestId('vote-ballot');
    await ballot.waitFor({ timeout: TIMEOUT });
    await ballot.getByTestId('vote-plus').first().click();
    await page.screenshot({ path: `${OUT}/phone-ballot-de.png` });
    await expectInViewport(ballot, 'the ballot');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.keyboard.press('Escape');
    await page.screenshot({ path: `${OUT}/phone-vote-bar-de.png` });
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });
});
