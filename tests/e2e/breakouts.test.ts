/**
 * End to end, breakout groups: the real server (in-process, serving the built client) and Chromium.
 * A facilitator, two participants (one on a phone) and the wall screen. The facilitator splits the
 * room at random into two groups, one candidate activity each; each participant is brought to their
 * own activity and sees their own group and its own timer; the wall shows the groups' activities side
 * by side, live; after End everyone in the plenary sees the roll-up, and Clear closes it everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/app';
import {
  cardBody,
  createAction,
  createActivity,
  createCapacity,
  createOpportunity,
  getCard,
} from '../../shared/doc';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { hasChromium } from '../support/chromium';
import { newPerson, type Person } from '../support/browser';
import { connectSynced, type TestClient } from '../support/clients';
import { joinAs } from '../support/controlClients';
import { createWorkshop } from '../support/server';
import { joinWorkshop, localLink, TIMEOUT } from '../support/workshopPage';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';

const TOURISM = 'Digital services for alpine tourism';
const MOBILITY = 'Green mobility for mountain valleys';

async function activeTab(page: Page): Promise<string | null> {
  const tab = page.locator('[role="tab"][aria-selected="true"]');
  return (await tab.getAttribute('data-testid'))?.replace('board-tab-', '') ?? null;
}

/** Seeds the workshop the way a session would have left it: two candidate activities. */
function seed(doc: Y.Doc): { tourism: string; mobility: string } {
  const ict = createCapacity(doc, { title: 'ICT start-up scene' });
  const hotels = createCapacity(doc, { title: 'Hotel and ski-lift operators' });
  const ai = createOpportunity(doc, { title: 'Generative AI' });
  const climate = createOpportunity(doc, { title: 'Climate-neutral transport' });
  const tourism = createActivity(doc, {
    title: TOURISM,
    capacityIds: [ict, hotels],
    opportunityIds: [ai],
  });
  const mobility = createActivity(doc, {
    title: MOBILITY,
    capacityIds: [hotels],
    opportunityIds: [climate],
  });
  const body = cardBody(getCard(doc, tourism)!)!;
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [
    new Y.XmlText('Booking, guiding and mobility apps built with local firms.'),
  ]);
  body.insert(0, [paragraph]);
  createAction(doc, { activityId: tourism, title: 'Pilot a shared booking platform' });
  return { tourism, mobility };
}

describe.skipIf(!hasChromium)('breakout groups', () => {
  let env: E2eEnvironment;
  let server: RunningServer;
  let browser: Browser;
  let workshop: CreateWorkshopResponse;
  let seeder: TestClient;
  let ids: { tourism: string; mobility: string };
  const people: Person[] = [];
  let fiona: Person;
  let ana: Person;
  let ben: Person;
  let wall: Person;
  let anaId: string;

  beforeAll(async () => {
    env = await startE2e('breakouts');
    ({ server, browser } = env);
    workshop = await createWorkshop(server.url, 'Alpine tourism EDW', 'edw');
    seeder = await connectSynced(server.url, workshop.id, workshop.tokens.facilitator);
    ids = seed(seeder.doc);
  });

  afterAll(async () => {
    seeder?.destroy();
    await Promise.all(people.map((p) => p.context.close().catch(() => {})));
    await env?.close();
  });

  async function person(viewport?: { width: number; height: number }): Promise<Person> {
    const created = await newPerson(browser, viewport);
    people.push(created);
    return created;
  }

  /** A participant who joined through the API opens their own link. */
  async function openAsJoined(p: Person, identityToken: string): Promise<void> {
    await p.page.goto(`${server.url}/w/${workshop.id}#token=${identityToken}`);
    await expect
      .poll(() => p.page.getByTestId('connection-status').getAttribute('data-status'), {
        timeout: TIMEOUT,
      })
      .toBe('connected');
  }

  it('opens the workshop for Fiona (facilitator), Ana and Ben (who joined) and the wall', async () => {
    fiona = await person({ width: 1440, height: 900 });
    ana = await person();
    ben = await person({ width: 390, height: 800 });
    wall = await person({ width: 1600, height: 900 });
    const anaJoined = await joinAs(server.url, workshop, { name: 'Ana Novak', helix: 'business' });
    const benJoined = await joinAs(server.url, workshop, { name: 'Ben Keller', helix: 'research' });
    anaId = anaJoined.identityId;
    await joinWorkshop(fiona, localLink(server, workshop.links.facilitator), 'Fiona');
    await openAsJoined(ana, anaJoined.identityToken);
    await openAsJoined(ben, benJoined.identityToken);
    await wall.page.goto(localLink(server, workshop.links.projector));
    await wall.page.getByTestId('wall').waitFor({ timeout: TIMEOUT });
  }, 150_000); // four browsers load the app: slow on a busy machine

  it('splits the online participants at random into two groups, one activity each', async () => {
    await fiona.page.getByTestId('breakouts-button').click();
    const dialog = fiona.page.getByTestId('breakout-setup');
    await dialog.waitFor({ timeout: TIMEOUT });
    expect(await dialog.getByTestId('split-random').isChecked()).toBe(true);
    expect(await dialog.getByTestId('group-count').textContent()).toBe('2');
    // Ana and Ben are online; Fiona (a facilitator) is not split but can be placed by hand.
    await expect
      .poll(() => dialog.getByTestId('split-pool').textContent(), { timeout: TIMEOUT })
      .toBe('2 people to split');
    const groups = dialog.getByTestId('plan-group');
    await expect.poll(() => groups.count()).toBe(2);
    const cards = dialog.getByTestId('plan-group-card');
    expect(
      await cards.evaluateAll((els) => els.map((el) => (el as HTMLSelectElement).value)),
    ).toEqual([ids.tourism, ids.mobility]);
    for (const group of await groups.all()) {
      expect(await group.getByTestId('plan-person').count()).toBe(1);
    }
    await dialog.getByTestId('plan-waiting').getByText('Fiona').waitFor();
    await dialog.getByTestId('breakout-minutes').fill('15');
    await fiona.page.screenshot({ path: '/tmp/h5-setup-dialog.png' });
    await dialog.getByTestId('breakout-start').click();
    await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });
  });

  it('brings each participant to their own activity, with their own group and timer', async () => {
    const expected = new Map<Person, string>();
    for (const p of [ana, ben]) {
      const banner = p.page.getByTestId('group-banner');
      await banner.waitFor({ timeout: TIMEOUT });
      const name = (await banner.getByTestId('group-banner-name').textContent()) ?? '';
      expect(name).toMatch(/^You’re in /);
      const group = name.replace('You’re in ', '');
      expect([TOURISM, MOBILITY]).toContain(group);
      expected.set(p, group);
      expect(await banner.getByTestId('group-banner-area').textContent()).toBe(
        `Activities · ${group}`,
      );
      // Brought to the group's area: the activity canvas with the group's activity open.
      await expect.poll(() => activeTab(p.page), { timeout: TIMEOUT }).toBe('activity-canvas');
      await expect
        .poll(() => p.page.getByTestId('activity-name-input').inputValue(), { timeout: TIMEOUT })
        .toBe(group);
      const timer = banner.getByTestId('timer');
      await expect
        .poll(() => timer.getAttribute('data-status'), { timeout: TIMEOUT })
        .toBe('running');
      const seconds = Number(await timer.getAttribute('data-remaining-seconds'));
      expect(seconds).toBeGreaterThan(14 * 60);
      expect(seconds).toBeLessThanOrEqual(15 * 60);
    }
    // Split at random into two groups of one: never together.
    expect(expected.get(ana)).not.toBe(expected.get(ben));
    await ben.page.screenshot({ path: '/tmp/h5-banner-phone.png' });

    // Leaving the area and coming back with one click.
    await ana.page.getByTestId('board-tab-notes').click();
    await expect.poll(() => activeTab(ana.page)).toBe('notes');
    await ana.page.getByTestId('group-banner-go').click();
    await expect.poll(() => activeTab(ana.page), { timeout: TIMEOUT }).toBe('activity-canvas');
    await ana.page.getByTestId('activity-panel').waitFor({ timeout: TIMEOUT });

    // The facilitator pauses Ana's group only: Ana's timer stops, Ben's goes on.
    await fiona.page.getByTestId('breakouts-button').click();
    const panel = fiona.page.getByTestId('breakout-panel');
    await panel.waitFor({ timeout: TIMEOUT });
    const anasGroup = panel.locator('[data-testid="breakout-panel-group"]', {
      has: fiona.page.locator(`[data-person-id="${anaId}"]`),
    });
    await anasGroup.getByTestId('group-timer-pause').click();
    const anaTimer = ana.page.getByTestId('group-banner').getByTestId('timer');
    const benTimer = ben.page.getByTestId('group-banner').getByTestId('timer');
    await expect
      .poll(() => anaTimer.getAttribute('data-status'), { timeout: TIMEOUT })
      .toBe('paused');
    expect(await benTimer.getAttribute('data-status')).toBe('running');
    const paused = await anaTimer.getAttribute('data-remaining-seconds');
    const benBefore = Number(await benTimer.getAttribute('data-remaining-seconds'));
    await expect
      .poll(() => benTimer.getAttribute('data-remaining-seconds').then(Number), {
        timeout: TIMEOUT,
      })
      .toBeLessThan(benBefore);
    expect(await anaTimer.getAttribute('data-remaining-seconds')).toBe(paused);
    await fiona.page.screenshot({ path: '/tmp/h5-panel.png' });
  });

  it('shows the groups side by side on the wall, live, then after End to everyone in the plenary', async () => {
    const rollUp = wall.page.getByTestId('rollup');
    await rollUp.waitFor({ timeout: TIMEOUT });
    expect(await rollUp.getAttribute('data-status')).toBe('running');
    const columns = rollUp.getByTestId('rollup-group');
    await expect.poll(() => columns.count()).toBe(2);
    // Each group's own timer in its column, one paused, one running.
    const timers = rollUp.getByTestId('rollup-timer').getByTestId('timer');
    await expect
      .poll(() => timers.evaluateAll((els) => els.map((el) => el.dataset.status).sort()), {
        timeout: TIMEOUT,
      })
      .toEqual(['paused', 'running']);
    // One column per group, each holding its group's activity.
    const columnOf = (activityId: string) =>
      columns.filter({
        has: wall.page.locator(`[data-testid="rollup-activity"][data-activity-id="${activityId}"]`),
      });
    const tourism = columnOf(ids.tourism);
    const mobility = columnOf(ids.mobility);
    await expect.poll(() => tourism.textContent(), { timeout: TIMEOUT }).toContain(TOURISM);
    const tourismText = (await tourism.textContent()) ?? '';
    expect(tourismText).toContain('Booking, guiding and mobility apps built with local firms.');
    expect(tourismText).toContain('ICT start-up scene');
    expect(tourismText).toContain('Generative AI');
    expect(tourismText).toContain('Pilot a shared booking platform');
    expect(await tourism.getByTestId('rollup-actions-count').textContent()).toBe('1 action');
    expect(await mobility.textContent()).toContain(MOBILITY);
    expect(await mobility.textContent()).toContain('Climate-neutral transport');
    expect(await mobility.getByTestId('rollup-actions-count').textContent()).toBe('0 actions');
    // Members by name in each column; the columns sit side by side.
    const names = await columns.evaluateAll((els) =>
      els.map((el) => el.querySelector('.rollup__members')?.textContent?.replace('Members: ', '')),
    );
    expect(names.sort()).toEqual(['Ana Novak', 'Ben Keller'].sort());
    const [first, second] = [
      await columns.nth(0).boundingBox(),
      await columns.nth(1).boundingBox(),
    ];
    expect(second!.x).toBeGreaterThanOrEqual(first!.x + first!.width);
    expect(Math.abs(second!.y - first!.y)).toBeLessThan(2);

    await wall.page.screenshot({ path: '/tmp/h5-rollup-wall-live.png' });

    // A group's work shows up live: Ben's group adds an action.
    const bensActivity = (await ben.page.getByTestId('group-banner-name').textContent())?.includes(
      MOBILITY,
    )
      ? ids.mobility
      : ids.tourism;
    const before = bensActivity === ids.mobility ? 0 : 1;
    createAction(seeder.doc, { activityId: bensActivity, title: 'Map the valley bus lines' });
    const bensColumn = bensActivity === ids.mobility ? mobility : tourism;
    await expect
      .poll(() => bensColumn.getByTestId('rollup-actions-count').textContent(), {
        timeout: TIMEOUT,
      })
      .toBe(`${before + 1} action${before + 1 === 1 ? '' : 's'}`);

    // End: the groups are over for the participants; the roll-up stays, for the facilitator too.
    const panel = fiona.page.getByTestId('breakout-panel');
    if (!(await panel.isVisible())) await fiona.page.getByTestId('breakouts-button').click();
    await panel.getByTestId('breakout-end').click();
    for (const p of [ana, ben]) {
      await expect
        .poll(() => p.page.getByTestId('group-banner').count(), { timeout: TIMEOUT })
        .toBe(0);
    }
    await expect.poll(() => rollUp.getAttribute('data-status'), { timeout: TIMEOUT }).toBe('ended');
    const fionaRollUp = fiona.page.getByTestId('rollup');
    await fionaRollUp.waitFor({ timeout: TIMEOUT });
    expect(await fionaRollUp.getByTestId('rollup-group').count()).toBe(2);
    await wall.page.waitForTimeout(300); // let the columns settle before the picture
    await wall.page.screenshot({ path: '/tmp/h5-rollup-wall.png' });
    await fiona.page.screenshot({ path: '/tmp/h5-rollup-facilitator.png' });
    // Back in the plenary, the participants see the groups side by side too, and may close it;
    // only the facilitator clears the groups.
    const anasRollUp = ana.page.getByTestId('rollup');
    await anasRollUp.waitFor({ timeout: TIMEOUT });
    expect(await anasRollUp.getByTestId('rollup-group').count()).toBe(2);
    expect(await anasRollUp.getByTestId('rollup-clear').count()).toBe(0);
    await anasRollUp.getByTestId('rollup-close').click();
    await anasRollUp.waitFor({ state: 'detached', timeout: TIMEOUT });
    await ben.page.getByTestId('rollup').waitFor({ timeout: TIMEOUT });

    await fionaRollUp.getByTestId('rollup-clear').click();
    await expect.poll(() => rollUp.count(), { timeout: TIMEOUT }).toBe(0);
    await expect.poll(() => fionaRollUp.count(), { timeout: TIMEOUT }).toBe(0);
    await expect.poll(() => ben.page.getByTestId('rollup').count(), { timeout: TIMEOUT }).toBe(0);
    for (const p of people) expect(p.errors, 'page errors').toEqual([]);
  });
});
