/**
 * End to end, the room's smaller fixes (issue 10, items 10, 11, 13, 14): a new capacity takes its
 * creator's join region; a custom timer asks before replacing the phase's; the facilitator and the
 * wall see the vote's turnout; the action panel is headed by the action; the activity list fits
 * its panel on a laptop and a phone; an archived workshop shows no results bar and no "Groups".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import type { RunningServer } from '../../server/app';
import {
  addRegion,
  cardsMap,
  createAction,
  createActivity,
  createCapacity,
  linkToActivity,
  setActivityStatus,
} from '../../shared/doc';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { hasChromium } from '../support/chromium';
import { newPerson, screenshot, type Person } from '../support/browser';
import { connectSynced, type TestClient } from '../support/clients';
import {
  ask,
  commandOk,
  connectControl,
  joinAs,
  type ControlClient,
} from '../support/controlClients';
import { createWorkshop, waitFor } from '../support/server';
import { joinWorkshop, localLink, openTab, TIMEOUT } from '../support/workshopPage';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';

const PHONE = { width: 390, height: 844 };

/** Elements of the activity list reaching past its right edge (class names), and its overflow. */
const ACTIVITY_LIST_OVERFLOW = `(() => {
  const list = document.querySelector('[data-testid="activity-list"]');
  const right = list.getBoundingClientRect().right;
  const past = [...list.querySelectorAll('*')]
    .filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > right + 0.5)
    .map((el) => el.className || el.tagName);
  // Text running out of its own box (a long word), unless the box clips it on purpose (ellipsis).
  const spilling = [...list.querySelectorAll('*')]
    .filter((el) => getComputedStyle(el).overflowX === 'visible' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.className || el.tagName);
  return { past: [...past, ...spilling], scroll: list.scrollWidth - list.clientWidth };
})()`;

async function activityListOverflow(page: Page) {
  return page.evaluate<{ past: string[]; scroll: number }>(ACTIVITY_LIST_OVERFLOW);
}

describe.skipIf(!hasChromium)("the room's smaller fixes", () => {
  let env: E2eEnvironment;
  let server: RunningServer;
  let browser: Browser;
  let workshop: CreateWorkshopResponse;
  let seed: TestClient;
  const sockets: Socket[] = [];
  const people: Person[] = [];
  let fiona: Person;
  let anna: Person;
  let wall: Person;
  let control: ControlClient;
  const ids = { tyrol: '', slovenia: '', tourism: '', health: '', parked: '', action: '' };

  beforeAll(async () => {
    env = await startE2e('room');
    ({ server, browser } = env);
    workshop = await createWorkshop(server.url, 'Alpine EDW', 'edw');
    seed = await connectSynced(server.url, workshop.id, workshop.tokens.facilitator);
    ids.tyrol = addRegion(seed.doc, { name: 'Tyrol', country: 'AT', nuts: 'AT33' });
    ids.slovenia = addRegion(seed.doc, { name: 'Western Slovenia', country: 'SI', nuts: 'SI04' });
    ids.tourism = createActivity(seed.doc, {
      title: 'Digital tourism services for the whole Alpine arc, from booking to mobility',
    });
    // A long word and a linked capacity's long title: what widened the list's cards past its edge.
    ids.health = createActivity(seed.doc, {
      title: 'Alpine health data: Gesundheitsdatenverarbeitungsinfrastrukturprogramm',
    });
    const centres = createCapacity(seed.doc, {
      title:
        'Regional innovation and technology transfer centres for sustainable alpine tourism and mobility (Innsbruck)',
    });
    linkToActivity(seed.doc, ids.health, 'capacity', centres);
    ids.parked = createActivity(seed.doc, { title: 'Snow-making robots' });
    setActivityStatus(seed.doc, ids.parked, 'parked');
    ids.action = createAction(seed.doc, {
      activityId: ids.tourism,
      title: 'Pilot a shared booking platform',
    });
    const check = await connectSynced(server.url, workshop.id, workshop.tokens.projector);
    await waitFor(() => check.doc.getMap('cards').size === 5, 'the seeded cards');
    check.destroy();
    control = await connectControl(server.url, workshop.id, workshop.tokens.facilitator, sockets);
  });

  afterAll(async () => {
    seed?.destroy();
    for (const s of sockets) s.disconnect();
    await Promise.all(people.map((p) => p.context.close().catch(() => {})));
    await env?.close();
  });

  async function person(viewport?: { width: number; height: number }): Promise<Person> {
    const created = await newPerson(browser, viewport);
    people.push(created);
    return created;
  }

  it('files a new capacity under the region its creator joined with (item 10)', async () => {
    fiona = await person();
    anna = await person();
    await joinWorkshop(fiona, localLink(server, workshop.links.facilitator), 'Fiona');
    const page = await joinWorkshop(
      anna,
      localLink(server, workshop.links.participant),
      'Anna',
      'capacity-map',
      { helix: 'research', region: 'Tyrol' },
    );
    await page.getByTestId('capacity-add').click();
    const panel = page.getByTestId('capacity-panel');
    await panel.waitFor({ timeout: TIMEOUT });
    const id = (await panel.getAttribute('data-capacity-id'))!;
    await expect
      .poll(() => panel.getByTestId('capacity-region').inputValue(), { timeout: TIMEOUT })
      .toBe(ids.tyrol);
    await waitFor(() => cardsMap(seed.doc).get(id)?.get('regionId') === ids.tyrol, 'Tyrol');
    await screenshot(page, 'room-01-capacity-join-region');

    // A cell of another region's row (or the "No region" row) files it there instead.
    await page.keyboard.press('Escape');
    const cell = page
      .locator(`[data-testid="capacity-cell"][data-cell-row="${ids.slovenia}"]`)
      .first();
    await cell.hover();
    await cell.getByTestId('capacity-cell-add').click();
    await expect
      .poll(() => page.getByTestId('capacity-panel').getAttribute('data-capacity-id'))
      .not.toBe(id);
    const second = (await page.getByTestId('capacity-panel').getAttribute('data-capacity-id'))!;
    await waitFor(
      () => cardsMap(seed.doc).get(second)?.get('regionId') === ids.slovenia,
      'Western Slovenia',
    );
  });

  it('asks before a custom timer replaces the running phase timer (item 11)', async () => {
    await commandOk(control, { type: 'phase:start', phaseId: 'map-capacities' });
    const page = fiona.page;
    const timer = page.getByTestId('timer');
    await expect
      .poll(() => timer.getAttribute('data-status'), { timeout: TIMEOUT })
      .toBe('running');
    await page.getByTestId('timer-toggle').click();
    await page.getByTestId('timer-preset-5').click();
    const question = page.getByTestId('timer-replace-question');
    await question.waitFor({ timeout: TIMEOUT });
    expect(await question.textContent()).toMatch(/^Replace the phase timer \(\d+:\d\d left\)\?$/);
    await page.getByTestId('timer-controls').screenshot({ path: '/tmp/d-timer-replace.png' });
    // Keeping it changes nothing: the phase's 40 minutes run on.
    await page.getByTestId('timer-replace-keep').click();
    await page.getByTestId('timer-replace').waitFor({ state: 'detached' });
    expect(Number(await timer.getAttribute('data-remaining-seconds'))).toBeGreaterThan(30 * 60);

    // The custom minutes ask too; replacing starts the new timer for everyone.
    await page.getByTestId('timer-custom-minutes').fill('2');
    await page.getByTestId('timer-start-custom').click();
    await page.getByTestId('timer-replace-confirm').click();
    for (const p of [page, anna.page]) {
      await expect
        .poll(
          async () => Number(await p.getByTestId('timer').getAttribute('data-remaining-seconds')),
          {
            timeout: TIMEOUT,
          },
        )
        .toBeLessThanOrEqual(120);
    }
    // A timer started by hand is replaced with the same question, not named the phase's.
    await page.getByTestId('timer-preset-1').click();
    expect(await page.getByTestId('timer-replace-question').textContent()).toMatch(
      /^Replace the current timer \(\d+:\d\d left\)\?$/,
    );
    await page.getByTestId('timer-replace-keep').click();
    await page.keyboard.press('Escape');
  });

  it('shows the facilitator and the wall how many have voted (item 13)', async () => {
    wall = await person({ width: 1600, height: 900 });
    await wall.page.goto(localLink(server, workshop.links.projector));
    await wall.page.getByTestId('wall-panel').waitFor({ timeout: TIMEOUT });
    // Two more participants, on their phones' control connections.
    const others = await Promise.all(
      ['Ben', 'Chiara'].map((name) => joinAs(server.url, workshop, { name })),
    );
    const [ben] = await Promise.all(
      others.map((p) => connectControl(server.url, workshop.id, p.identityToken, sockets)),
    );
    const state = await commandOk(control, {
      type: 'vote:open',
      title: 'Which activities first?',
      cardIds: [ids.tourism, ids.health],
      budget: 3,
      maxPerCard: 2,
    });
    const turnout = (page: Page) => page.getByTestId('vote-turnout');
    await expect
      .poll(() => turnout(fiona.page).textContent(), { timeout: TIMEOUT })
      .toBe('0 of 3 have voted');

    await openTab(anna.page, 'activity-canvas');
    const dots = anna.page.locator(
      `.activity-list [data-testid="vote-dots"][data-card-id="${ids.health}"]`,
    );
    await dots.getByTestId('vote-plus').click();
    await expect.poll(() => dots.getAttribute('data-mine')).toBe('1');
    expect(
      await ask(ben!, 'vote:cast', { voteId: state.vote!.id, cardId: ids.tourism, delta: 1 }),
    ).toMatchObject({ ok: true });
    for (const page of [fiona.page, wall.page]) {
      await expect
        .poll(() => turnout(page).textContent(), { timeout: TIMEOUT })
        .toBe('2 of 3 have voted');
    }
    // Participants see their own dots, not the room's turnout.
    expect(await turnout(anna.page).count()).toBe(0);
    await fiona.page.getByTestId('vote-bar').screenshot({ path: '/tmp/d-turnout-bar.png' });
    await screenshot(wall.page, 'room-02-wall-turnout');
  });

  it("heads the action panel with the action's name (item 14a)", async () => {
    const page = anna.page;
    await openTab(page, 'action-list');
    const row = page.locator(`[data-testid="action-row"][data-action-id="${ids.action}"]`);
    await row.getByTestId('open-action').click();
    const detail = page.getByTestId('action-detail');
    await detail.waitFor({ timeout: TIMEOUT });
    expect(await detail.getByRole('heading', { level: 2 }).textContent()).toBe(
      'Pilot a shared booking platform',
    );
    expect(await detail.getByTestId('detail-heading-activity').textContent()).toContain(
      'Digital tourism services',
    );
    await detail.screenshot({ path: '/tmp/d-action-heading.png' });
    await page.keyboard.press('Escape');
  });

  it('keeps the activity list inside its panel at 1280×800 and on a 390 px phone (item 14b)', async () => {
    await openTab(anna.page, 'activity-canvas');
    await anna.page.getByTestId('activity-list').waitFor({ timeout: TIMEOUT });
    expect(await activityListOverflow(anna.page)).toEqual({ past: [], scroll: 0 });
    const phone = await person(PHONE);
    await joinWorkshop(
      phone,
      localLink(server, workshop.links.participant),
      'Pia',
      'activity-canvas',
    );
    await phone.page.getByTestId('activity-list').waitFor({ timeout: TIMEOUT });
    expect(await activityListOverflow(phone.page)).toEqual({ past: [], scroll: 0 });
    await screenshot(phone.page, 'room-03-activity-list-phone');
  });

  it('shows no results bar and no "Groups" once the workshop is archived (items 14c, 14d)', async () => {
    await commandOk(control, { type: 'vote:close' });
    await commandOk(control, { type: 'vote:reveal' });
    const page = fiona.page;
    await expect
      .poll(() => page.getByTestId('vote-bar').getAttribute('data-status'), { timeout: TIMEOUT })
      .toBe('revealed');
    // The reveal opens the results for everyone: closed here.
    for (const p of [page, anna.page]) {
      const dialog = p.getByTestId('vote-results-dialog');
      await dialog.waitFor({ timeout: TIMEOUT });
      await p.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });
    }
    expect(await page.getByTestId('breakouts-button').count()).toBe(1);

    const archived = await fetch(`${server.url}/api/workshops/${workshop.id}/archive`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${workshop.tokens.facilitator}`,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(archived.status).toBe(201);
    for (const p of [page, anna.page]) {
      await p.getByTestId('archived-banner').waitFor({ timeout: TIMEOUT });
      for (const board of ['notes', 'activity-canvas']) {
        await openTab(p, board);
        await p.getByTestId('vote-bar').waitFor({ state: 'detached', timeout: TIMEOUT });
      }
    }
    expect(await page.getByTestId('breakouts-button').count()).toBe(0);
    await screenshot(page, 'room-04-archived');
    expect(fiona.errors).toEqual([]);
    expect(anna.errors).toEqual([]);
  });
});
