/**
 * End to end, facilitation: the real server (in-process, serving the built client) and Chromium.
 * A facilitator, two participants (whose clocks are minutes off, one ahead, one behind) and the wall
 * screen: starting a phase brings everyone to its board with the same phase name and the same
 * remaining time; pause, resume and extend show everywhere; a locked board cannot be edited by a
 * participant until it is unlocked; follow-me brings participants along (and they can break away
 * and come back); the wall shows the join QR code once enabled. A phone-sized top bar still fits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { hasChromium } from '../support/chromium';
import { newPerson, screenshot, type Person } from '../support/browser';
import { createWorkshop } from '../support/server';
import { joinWorkshop, localLink, TIMEOUT } from '../support/workshopPage';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';

/** Shifts this browser's clock by `ms` (Date.now and new Date()), before any page script runs. */
const skewClock = (ms: number) => `(() => {
  const RealDate = Date;
  const shift = ${ms};
  class SkewedDate extends RealDate {
    constructor(...args) { super(...(args.length ? args : [RealDate.now() + shift])); }
    static now() { return RealDate.now() + shift; }
  }
  globalThis.Date = SkewedDate;
})()`;

/** The right edge of the rightmost visible thing in the top bar (px). */
const TOP_BAR_RIGHT = `Math.max(...[...document.querySelectorAll('.top-bar *')]
  .map((el) => el.getBoundingClientRect())
  .filter((r) => r.width > 0)
  .map((r) => r.right))`;

async function activeTab(page: Page): Promise<string | null> {
  const tab = page.locator('[role="tab"][aria-selected="true"]');
  return (await tab.getAttribute('data-testid'))?.replace('board-tab-', '') ?? null;
}

async function remainingSeconds(page: Page, testId = 'timer'): Promise<number> {
  const value = await page.getByTestId(testId).getAttribute('data-remaining-seconds');
  return Number(value);
}

async function timerStatus(page: Page, testId = 'timer'): Promise<string | null> {
  return page.getByTestId(testId).getAttribute('data-status');
}

describe.skipIf(!hasChromium)('facilitation: agenda, timer, locks, follow-me, wall', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: E2eEnvironment;
  let workshop: CreateWorkshopResponse;
  const people: Person[] = [];
  let fiona: Person;
  let anna: Person;
  let ben: Person;
  let wall: Person;

  beforeAll(async () => {
    env = await startE2e('facilitation');
    ({ server, browser } = env);
    workshop = await createWorkshop(server.url, 'Alpine health EDW', 'edw');
  });

  afterAll(async () => {
    await Promise.all(people.map((p) => p.context.close().catch(() => {})));
    await env?.close();
  });

  async function person(
    viewport?: { width: number; height: number },
    clockSkewMs = 0,
  ): Promise<Person> {
    const created = await newPerson(browser, viewport);
    if (clockSkewMs) await created.context.addInitScript(skewClock(clockSkewMs));
    people.push(created);
    return created;
  }

  /** Every screen's remaining seconds, read at (nearly) the same moment. */
  async function everyonesSeconds(): Promise<number[]> {
    return Promise.all([
      remainingSeconds(fiona.page),
      remainingSeconds(anna.page),
      remainingSeconds(ben.page),
      remainingSeconds(wall.page, 'wall-timer'),
    ]);
  }

  async function expectAgreement(): Promise<number[]> {
    const seconds = await everyonesSeconds();
    expect(Math.max(...seconds) - Math.min(...seconds)).toBeLessThanOrEqual(1);
    return seconds;
  }

  async function fionaTimer(action: string): Promise<void> {
    const controls = fiona.page.getByTestId('timer-controls');
    if (!(await controls.isVisible())) await fiona.page.getByTestId('timer-toggle').click();
    await controls.getByTestId(action).click();
  }

  it('brings everyone to the phase board with the same phase name and timer', async () => {
    fiona = await person();
    anna = await person(undefined, 3 * 60_000); // three minutes ahead
    ben = await person(undefined, -2 * 60_000 - 17_000); // two minutes and a bit behind
    wall = await person({ width: 1600, height: 900 });
    await joinWorkshop(fiona, localLink(server, workshop.links.facilitator), 'Fiona');
    await joinWorkshop(anna, localLink(server, workshop.links.participant), 'Anna');
    await joinWorkshop(ben, localLink(server, workshop.links.participant), 'Ben', 'notes');
    await wall.page.goto(localLink(server, workshop.links.projector));
    await wall.page.getByTestId('wall').waitFor({ timeout: TIMEOUT });
    // Nothing running yet: no side panel, the board takes the whole wall.
    expect(await wall.page.getByTestId('wall-panel').count()).toBe(0);

    await fiona.page.getByTestId('agenda-button').click();
    const agenda = fiona.page.getByTestId('agenda-panel');
    await agenda.waitFor();
    const phase = agenda.locator('[data-testid="agenda-phase"][data-phase-id="map-capacities"]');
    expect(await phase.getByTestId('agenda-phase-name').inputValue()).toBe('Map capacities');
    await phase.getByTestId('agenda-start').click();
    await phase.getByTestId('agenda-end').waitFor({ timeout: TIMEOUT });
    await agenda.getByTestId('agenda-log').waitFor();
    await screenshot(fiona.page, 'facilitation-01-agenda');
    await fiona.page.keyboard.press('Escape');

    for (const p of [fiona, anna, ben, wall]) {
      await expect.poll(() => activeTab(p.page), { timeout: TIMEOUT }).toBe('capacity-map');
    }
    for (const p of [fiona, anna, ben]) {
      await expect
        .poll(() => p.page.getByTestId('current-phase').textContent(), { timeout: TIMEOUT })
        .toContain('Map capacities');
    }
    await expect
      .poll(() => wall.page.getByTestId('wall-phase').textContent(), { timeout: TIMEOUT })
      .toBe('Map capacities');
    await wall.page.getByTestId('wall-timer').waitFor({ timeout: TIMEOUT });
    await anna.page.getByTestId('timer').waitFor({ timeout: TIMEOUT });
    await ben.page.getByTestId('timer').waitFor({ timeout: TIMEOUT });
    // Let the clock estimates settle (a few round trips at connect).
    await fiona.page.waitForTimeout(600);
    const seconds = await expectAgreement();
    expect(seconds[0]).toBeGreaterThan(40 * 60 - 10);
    expect(seconds[0]).toBeLessThanOrEqual(40 * 60);
  });

  it('shows pause, resume and extend everywhere', async () => {
    await fionaTimer('timer-pause');
    for (const p of [fiona, anna, ben]) {
      await expect.poll(() => timerStatus(p.page), { timeout: TIMEOUT }).toBe('paused');
    }
    await expect.poll(() => timerStatus(wall.page, 'wall-timer')).toBe('paused');
    const paused = await everyonesSeconds();
    expect(new Set(paused).size).toBe(1);
    await fiona.page.waitForTimeout(1200);
    expect(await everyonesSeconds()).toEqual(paused);

    await fionaTimer('timer-resume');
    for (const p of [fiona, anna, ben]) {
      await expect.poll(() => timerStatus(p.page), { timeout: TIMEOUT }).toBe('running');
    }
    await fionaTimer('timer-plus-5');
    await expect
      .poll(() => remainingSeconds(anna.page), { timeout: TIMEOUT })
      .toBeGreaterThan(paused[0]! + 290);
    await expect
      .poll(() => remainingSeconds(wall.page, 'wall-timer'), { timeout: TIMEOUT })
      .toBeGreaterThan(paused[0]! + 290);
    await expectAgreement();
    await screenshot(anna.page, 'facilitation-02-participant-timer');
  });

  it('keeps a participant from editing a locked board until it is unlocked', async () => {
    await fiona.page.keyboard.press('Escape');
    await fiona.page.getByTestId('lock-menu').click();
    await fiona.page.getByTestId('lock-board-capacity-map').click();
    await anna.page.getByTestId('lock-banner').waitFor({ timeout: TIMEOUT });
    expect(await anna.page.getByTestId('lock-banner').textContent()).toContain(
      'This board is locked by the facilitator',
    );
    await anna.page.getByTestId('tab-lock-capacity-map').waitFor();
    await anna.page.getByTestId('capacity-map').waitFor({ timeout: TIMEOUT });
    expect(await anna.page.getByTestId('capacity-add').count()).toBe(0);
    expect(await anna.page.getByTestId('capacity-cell-add').count()).toBe(0);
    // The facilitator can still edit.
    await fiona.page.keyboard.press('Escape');
    await fiona.page.getByTestId('capacity-add').waitFor();
    await screenshot(anna.page, 'facilitation-03-locked');

    await fiona.page.getByTestId('lock-menu').click();
    await fiona.page.getByTestId('lock-board-capacity-map').click();
    await fiona.page.keyboard.press('Escape');
    await expect
      .poll(() => anna.page.getByTestId('lock-banner').count(), { timeout: TIMEOUT })
      .toBe(0);
    const before = await anna.page.getByTestId('capacity-card').count();
    await anna.page.getByTestId('capacity-add').click({ timeout: TIMEOUT });
    await anna.page.getByTestId('capacity-panel').waitFor({ timeout: TIMEOUT });
    await anna.page.getByTestId('capacity-title-input').pressSequentially('Medtech cluster');
    await expect
      .poll(() => anna.page.getByTestId('capacity-card').count(), { timeout: TIMEOUT })
      .toBe(before + 1);
    await expect
      .poll(() => fiona.page.getByTestId('capacity-card').count(), { timeout: TIMEOUT })
      .toBe(before + 1);
    await anna.page.keyboard.press('Escape');
  });

  it('brings participants to the facilitator’s board with follow-me; one can break away', async () => {
    await fiona.page.getByTestId('follow-toggle').click();
    await fiona.page.getByTestId('follow-leading').waitFor({ timeout: TIMEOUT });
    await anna.page.getByTestId('follow-status').waitFor({ timeout: TIMEOUT });
    await ben.page.getByTestId('follow-status').waitFor({ timeout: TIMEOUT });

    await fiona.page.getByTestId('board-tab-notes').click();
    for (const p of [anna, ben, wall]) {
      await expect.poll(() => activeTab(p.page), { timeout: TIMEOUT }).toBe('notes');
    }
    // Followers see the facilitator's viewport on the free board too (same area on any screen).
    const worldY = async (page: Page) => {
      const style = (await page.locator('.board__world').getAttribute('style')) ?? '';
      return Number(/translate3d\([^,]+,\s*(-?[\d.]+)px/.exec(style)?.[1] ?? NaN);
    };
    const board = fiona.page.getByTestId('board');
    const box = (await board.boundingBox())!;
    const startY = await worldY(fiona.page);
    await fiona.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await fiona.page.mouse.wheel(0, 300);
    await expect.poll(() => worldY(fiona.page)).toBeLessThan(startY - 250);
    const leaderY = await worldY(fiona.page);
    await expect
      .poll(async () => Math.abs((await worldY(anna.page)) - leaderY), { timeout: TIMEOUT })
      .toBeLessThan(2);
    await expect.poll(() => worldY(wall.page), { timeout: TIMEOUT }).toBeLessThan(startY - 100);

    // Ben breaks away; he stays where he is when the facilitator moves on, then comes back.
    await ben.page.getByTestId('follow-stop').click();
    await ben.page.getByTestId('follow-rejoin').waitFor();
    await fiona.page.getByTestId('board-tab-opportunity-board').click();
    await expect.poll(() => activeTab(anna.page), { timeout: TIMEOUT }).toBe('opportunity-board');
    await ben.page.waitForTimeout(400);
    expect(await activeTab(ben.page)).toBe('notes');
    await ben.page.getByTestId('follow-rejoin').click();
    await expect.poll(() => activeTab(ben.page), { timeout: TIMEOUT }).toBe('opportunity-board');
    // A tab click of his own is breaking away too.
    await ben.page.getByTestId('board-tab-notes').click();
    await ben.page.getByTestId('follow-rejoin').waitFor({ timeout: TIMEOUT });
    expect(await activeTab(ben.page)).toBe('notes');
    await screenshot(anna.page, 'facilitation-04-following');

    await fiona.page.getByTestId('follow-stop-leading').click();
    await expect
      .poll(() => anna.page.getByTestId('follow-status').count(), { timeout: TIMEOUT })
      .toBe(0);
  });

  it('shows the join QR code on the wall once enabled, and hides cursors when asked', async () => {
    await fiona.page.getByTestId('agenda-button').click();
    await fiona.page.getByTestId('wall-show-join').click();
    await wall.page.getByTestId('wall-qr').waitFor({ timeout: TIMEOUT });
    const link = await wall.page.getByTestId('wall-join-link').textContent();
    expect(link).toContain(`/w/${workshop.id}`);
    expect(link).not.toMatch(/^https?:/);
    await fiona.page.getByTestId('wall-show-cursors').click();
    await expect
      .poll(() => wall.page.getByTestId('wall').getAttribute('data-cursors'), { timeout: TIMEOUT })
      .toBe('hidden');
    await fiona.page.keyboard.press('Escape');
    // Back to the phase board for the picture of the room.
    await fiona.page.getByTestId('agenda-button').click();
    await fiona.page
      .locator('[data-testid="agenda-phase"][data-phase-id="map-opportunities"]')
      .getByTestId('agenda-start')
      .click();
    await expect
      .poll(() => wall.page.getByTestId('wall-phase').textContent(), { timeout: TIMEOUT })
      .toBe('Map opportunities');
    await wall.page.waitForTimeout(500);
    await screenshot(wall.page, 'facilitation-05-wall');
    await fiona.page.keyboard.press('Escape');
  });

  it('fits the top bar on a 390 px phone', async () => {
    const phone = await person({ width: 390, height: 844 });
    await joinWorkshop(phone, localLink(server, workshop.links.participant), 'Pia');
    await phone.page.getByTestId('current-phase').waitFor({ timeout: TIMEOUT });
    await phone.page.getByTestId('timer').waitFor({ timeout: TIMEOUT });
    expect(await phone.page.evaluate<number>(TOP_BAR_RIGHT)).toBeLessThanOrEqual(390);
    const bar = await phone.page.locator('.top-bar').boundingBox();
    expect(bar!.height).toBeLessThanOrEqual(60);
    await screenshot(phone.page, 'facilitation-06-phone');
    const phoneFacilitator = await person({ width: 390, height: 844 });
    await joinWorkshop(phoneFacilitator, localLink(server, workshop.links.facilitator), 'Fay');
    await screenshot(phoneFacilitator.page, 'facilitation-07-phone-facilitator');
    await phoneFacilitator.page.getByTestId('timer-toggle').waitFor({ timeout: TIMEOUT });
    expect(await phoneFacilitator.page.evaluate<number>(TOP_BAR_RIGHT)).toBeLessThanOrEqual(390);
    // Share is in the top bar's menu on a phone.
    await phoneFacilitator.page.getByTestId('top-bar-more').click();
    await phoneFacilitator.page.getByTestId('share-button').waitFor();
  });

  it('logged no errors', () => {
    for (const p of people) expect(p.errors).toEqual([]);
  });
});
