/**
 * End to end in Chromium: two participants co-edit the opportunity board live (add opportunities,
 * group them by dragging into named frames, merge two groups), then combine a capacity (made by a
 * test client through the shared/doc API) and an opportunity into a transformative activity on the
 * canvas; the other participant finds it in the matrix cell and selects it; deleting the capacity
 * leaves a visible "source removed" mark; Ctrl+Z brings back a deleted card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import {
  addRegion,
  cardRect,
  createActivity,
  createCapacity,
  createOpportunity,
  createOpportunityGroup,
  deleteCard,
  listActivities,
  listOpportunities,
  listOpportunityGroups,
  rectsOverlap,
} from '../../shared/doc';
import { hasChromium } from '../support/chromium';
import { newPerson, screenshot, type Person } from '../support/browser';
import { connectSynced, type TestClient } from '../support/clients';
import { createWorkshop } from '../support/server';
import {
  cardTitled,
  centreOf,
  drag,
  joinWorkshop,
  openTab,
  TIMEOUT,
} from '../support/workshopPage';
import { addOpportunity } from '../support/s3Boards';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';

function frameNamed(page: Page, name: string): Locator {
  return page.locator('[data-testid="group-frame"]', {
    has: page.locator('[data-testid="group-frame-name"]', { hasText: name }),
  });
}

async function renameGroup(page: Page, frame: Locator, name: string): Promise<void> {
  const input = page.getByTestId('group-name-input');
  if ((await input.count()) === 0) await frame.getByTestId('group-frame-name').dblclick();
  await input.fill(name);
  await input.press('Enter');
}

describe.skipIf(!hasChromium)('opportunity board and activity canvas, live', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: E2eEnvironment;
  let client: TestClient;
  const people: Person[] = [];

  beforeAll(async () => {
    env = await startE2e('board');
    ({ server, browser } = env);
  });

  afterAll(async () => {
    client?.destroy();
    await Promise.all(people.map((p) => p.context.close().catch(() => {})));
    await env?.close();
  });

  async function person(): Promise<Person> {
    const created = await newPerson(browser);
    people.push(created);
    return created;
  }

  it('co-edits opportunities, groups and activities between two participants', async () => {
    const workshop = await createWorkshop(server.url, 'Alpine digital tourism', 'cedw');
    const link = (role: 'participant') =>
      server.url + new URL(workshop.links[role]).pathname + new URL(workshop.links[role]).hash;

    // The organiser's prepared evidence arrives through the doc API (a stock Yjs client).
    client = await connectSynced(server.url, workshop.id, workshop.tokens.facilitator);
    const tyrol = addRegion(client.doc, { name: 'Tyrol', country: 'Austria', nuts: 'AT33' });
    const trentino = addRegion(client.doc, { name: 'Trentino', country: 'Italy', nuts: 'ITH2' });
    const skiTourism = createCapacity(client.doc, {
      title: 'Ski tourism',
      regionId: tyrol,
      kind: 'industry',
    });
    createCapacity(client.doc, { title: 'ICT research', regionId: trentino, kind: 'research' });

    const anna = await person();
    const ben = await person();
    await joinWorkshop(anna, link('participant'), 'Anna Alpine');
    await joinWorkshop(ben, link('participant'), 'Ben Berger');
    const a = anna.page;
    const b = ben.page;
    await openTab(a, 'opportunity-board');
    await openTab(b, 'opportunity-board');
    await a.getByTestId('opportunity-board').waitFor({ timeout: TIMEOUT });
    await b.getByTestId('opportunity-board').waitFor({ timeout: TIMEOUT });

    // Anna makes a group "Digital" and moves it to the left.
    await a.getByTestId('add-group').click();
    await a.getByTestId('group-name-input').waitFor({ timeout: TIMEOUT });
    await renameGroup(a, frameNamed(a, 'New group'), 'Digital');
    await frameNamed(b, 'Digital').waitFor({ timeout: TIMEOUT });
    const digitalHeader = frameNamed(a, 'Digital').getByTestId('group-frame-count');
    const headerAt = await centreOf(digitalHeader);
    await drag(a, headerAt, { x: headerAt.x - 420, y: headerAt.y });

    // Anna adds an opportunity (outside any group); Ben sees it live.
    const aiId = await addOpportunity(a, 'Generative AI');
    await cardTitled(b, 'Generative AI').waitFor({ timeout: TIMEOUT });
    expect(await cardTitled(b, 'Generative AI').getByTestId('opportunity-kind').textContent()).toBe(
      'Kind not set',
    );

    // Anna drags it into "Digital": both see it grouped.
    await drag(
      a,
      await centreOf(cardTitled(a, 'Generative AI').locator('.card__author')),
      await centreOf(frameNamed(a, 'Digital')),
    );
    await expect
      .poll(() => cardTitled(b, 'Generative AI').getByTestId('opportunity-group').textContent(), {
        timeout: TIMEOUT,
      })
      .toBe('Digital');
    expect(await frameNamed(b, 'Digital').getByTestId('group-frame-count').textContent()).toBe(
      '1 opportunity',
    );

    // Ben makes a second group and adds an opportunity into it (created inside the frame).
    await b.getByTestId('add-group').click();
    await b.getByTestId('group-name-input').waitFor({ timeout: TIMEOUT });
    await renameGroup(b, frameNamed(b, 'New group'), 'Climate');
    await addOpportunity(b, 'Less snow in winter');
    await expect
      .poll(
        () => cardTitled(a, 'Less snow in winter').getByTestId('opportunity-group').textContent(),
        { timeout: TIMEOUT },
      )
      .toBe('Climate');

    // Ben sets its kind in the side panel (Enter on the focused card opens it).
    await cardTitled(b, 'Less snow in winter').focus();
    await b.keyboard.press('Enter');
    await b.getByTestId('opportunity-panel').waitFor({ timeout: TIMEOUT });
    await b.getByTestId('opportunity-kind-select').selectOption('societal-challenge');
    await b.getByTestId('opportunity-horizon-select').selectOption('long');
    await b.getByTestId('opportunity-source-input').fill('https://example.org/snow-report');
    await b.getByTestId('opportunity-source-input').press('Enter');
    await expect
      .poll(
        () => cardTitled(a, 'Less snow in winter').getByTestId('opportunity-kind').textContent(),
        {
          timeout: TIMEOUT,
        },
      )
      .toBe('Societal challenge');
    await screenshot(b, 'oa-01-opportunity-panel-ben');
    await b.getByTestId('opportunity-panel-close').click();
    await a.getByTestId('zoom-fit').click();
    await screenshot(a, 'oa-02-two-groups-anna');

    // Anna merges "Climate" into "Digital" by dropping its header on Digital's header.
    await drag(
      a,
      await centreOf(frameNamed(a, 'Climate').getByTestId('group-frame-count')),
      await centreOf(frameNamed(a, 'Digital').getByTestId('group-frame-count')),
    );
    await expect.poll(() => b.getByTestId('group-frame').count(), { timeout: TIMEOUT }).toBe(1);
    await expect
      .poll(
        () => cardTitled(b, 'Less snow in winter').getByTestId('opportunity-group').textContent(),
        { timeout: TIMEOUT },
      )
      .toBe('Digital');
    expect(await frameNamed(b, 'Digital').getByTestId('group-frame-count').textContent()).toBe(
      '2 opportunities',
    );
    await b.getByTestId('zoom-fit').click();
    await screenshot(b, 'oa-03-merged-ben');

    // Delete with undo: Anna deletes a card with the Delete key, Ctrl+Z brings it back for both.
    await cardTitled(a, 'Generative AI').locator('.card__author').click();
    await a.keyboard.press('Delete');
    await expect.poll(() => cardTitled(b, 'Generative AI').count(), { timeout: TIMEOUT }).toBe(0);
    await a.keyboard.press('Control+z');
    await cardTitled(b, 'Generative AI').waitFor({ timeout: TIMEOUT });
    expect(await cardTitled(a, 'Generative AI').getAttribute('data-card-id')).toBe(aiId);
    expect(
      await cardTitled(b, 'Generative AI').getByTestId('opportunity-group').textContent(),
    ).toBe('Digital');

    // Keyboard: arrows move the focused card (10 board px a press); Ben sees it move.
    const boardX = async (page: Page) => {
      const style = await cardTitled(page, 'Generative AI').getAttribute('style');
      return Number(/translate3d\((-?[\d.]+)px/.exec(style ?? '')?.[1]);
    };
    const before = await boardX(b);
    await cardTitled(a, 'Generative AI').focus();
    await a.keyboard.press('ArrowRight');
    await a.keyboard.press('ArrowRight');
    await expect.poll(async () => (await boardX(b)) - before, { timeout: TIMEOUT }).toBe(20);

    // The activity canvas: Anna picks the cell Ski tourism × Generative AI and creates an activity.
    await openTab(a, 'activity-canvas');
    await openTab(b, 'activity-canvas');
    const cell = (page: Page) =>
      page.locator(
        `[data-testid="matrix-cell"][data-capacity-id="${skiTourism}"][data-opportunity-id="${aiId}"]`,
      );
    await cell(a).click({ timeout: TIMEOUT });
    await a.getByTestId('create-activity').click();
    const nameInput = a.getByTestId('activity-name-input');
    await nameInput.waitFor({ timeout: TIMEOUT });
    expect(await nameInput.inputValue()).toBe('Ski tourism × Generative AI');
    await nameInput.fill('Digital services for alpine tourism');
    await a.getByTestId('activity-mass-4').click();

    // Ben sees it in the matrix cell and selects it.
    const chip = cell(b).getByTestId('activity-chip');
    await expect
      .poll(() => chip.textContent(), { timeout: TIMEOUT })
      .toBe('Digital services for alpine tourism');
    expect(await chip.getAttribute('data-status')).toBe('candidate');
    await chip.click();
    await b.getByTestId('activity-status-selected').click();
    await expect
      .poll(() => cell(a).getByTestId('activity-chip').getAttribute('data-status'), {
        timeout: TIMEOUT,
      })
      .toBe('selected');
    expect(
      await b
        .locator(
          `[data-testid="matrix-capacity"][data-capacity-id="${skiTourism}"] [data-testid="usage-badge"]`,
        )
        .textContent(),
    ).toBe('1');
    // A field typed without leaving it still reaches everyone (saved once typing pauses).
    const field = b.getByTestId('activity-field-input');
    await field.click();
    await field.pressSequentially('Tourism & ICT');
    await expect
      .poll(() => listActivities(client.doc)[0]?.field, { timeout: TIMEOUT })
      .toBe('Tourism & ICT');
    expect(await field.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await screenshot(b, 'oa-04-activity-panel-ben');
    await screenshot(a, 'oa-05-activity-canvas-anna');

    // The capacity is deleted meanwhile: the activity shows "source removed", nothing crashes.
    expect(listActivities(client.doc)).toHaveLength(1);
    deleteCard(client.doc, skiTourism, 'Organiser');
    await a.getByTestId('activity-panel-back').click();
    const mark = a.locator('[data-testid="activity-card"]').getByTestId('source-removed');
    await mark.waitFor({ timeout: TIMEOUT });
    expect(await mark.textContent()).toBe('source removed: Ski tourism');
    await b
      .getByTestId('activity-capacity-links')
      .getByTestId('source-removed')
      .waitFor({ timeout: TIMEOUT });
    await screenshot(a, 'oa-06-source-removed-anna');
    await screenshot(b, 'oa-07-source-removed-panel-ben');

    // Status filter.
    await a.getByTestId('status-filter-parked').click();
    expect(await a.getByTestId('activity-card').count()).toBe(0);
    await a.getByTestId('status-filter-selected').click();
    expect(await a.getByTestId('activity-card').count()).toBe(1);

    for (const p of [anna, ben]) expect(p.errors).toEqual([]);
  });
  it('group menus, free placement of groups, import layout, panel overflow, matrix keyboard', async () => {
    const workshop = await createWorkshop(server.url, 'Layout checks', 'cedw');
    const url =
      server.url +
      new URL(workshop.links.participant).pathname +
      new URL(workshop.links.participant).hash;
    const api = await connectSynced(server.url, workshop.id, workshop.tokens.facilitator);
    try {
      const d = api.doc;
      // Two groups side by side, each with cards right under the header (where a menu opens).
      const alpha = createOpportunityGroup(d, 'Alpha', [], { x: 0, y: 0, width: 560, height: 420 });
      const beta = createOpportunityGroup(d, 'Beta', [], { x: 640, y: 0, width: 560, height: 420 });
      createOpportunity(d, { title: 'Alpha one', x: 40, y: 60, groupId: alpha });
      createOpportunity(d, { title: 'Alpha two', x: 300, y: 60, groupId: alpha });
      createOpportunity(d, { title: 'Beta one', x: 680, y: 60, groupId: beta });
      createOpportunity(d, { title: 'Beta two', x: 940, y: 60, groupId: beta });
      createOpportunity(d, { title: 'Loose', x: 1300, y: 480 });

      const eve = await person();
      await joinWorkshop(eve, url, 'Eve Layout');
      const page = eve.page;
      await openTab(page, 'opportunity-board');
      await frameNamed(page, 'Beta').waitFor({ timeout: TIMEOUT });

      // The menu opens above the cards: a real mouse click on "Merge into Alpha" works.
      await frameNamed(page, 'Beta').getByTestId('group-menu-button').click();
      const menu = page.getByTestId('group-menu');
      await menu.waitFor({ timeout: TIMEOUT });
      await screenshot(page, 'oa-10-group-menu-above-cards');
      const mergeItem = menu.getByTestId('group-merge-into');
      const box = (await mergeItem.boundingBox())!;
      const hit = await page.evaluate<boolean>(
        `document.elementFromPoint(${box.x + box.width / 2}, ${box.y + box.height / 2})?.closest('[data-testid="group-menu"]') != null`,
      );
      expect(hit).toBe(true);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await expect
        .poll(() => page.getByTestId('group-frame').count(), { timeout: TIMEOUT })
        .toBe(1);
      // Feedback: a confirmation, and the merged group is in view.
      await page.getByTestId('group-merged-toast').waitFor({ timeout: TIMEOUT });
      expect(await page.getByTestId('group-merged-toast').textContent()).toContain(
        'Merged “Beta” into “Alpha”',
      );
      await page.waitForTimeout(300);
      const boardBox = (await page.getByTestId('board').boundingBox())!;
      const mergedBox = (await frameNamed(page, 'Alpha').boundingBox())!;
      expect(mergedBox.x).toBeGreaterThanOrEqual(boardBox.x);
      expect(mergedBox.y).toBeGreaterThanOrEqual(boardBox.y);
      expect(mergedBox.x + mergedBox.width).toBeLessThanOrEqual(boardBox.x + boardBox.width);
      expect(mergedBox.y + mergedBox.height).toBeLessThanOrEqual(boardBox.y + boardBox.height);
      for (const title of ['Beta one', 'Beta two']) {
        const cardBox = (await cardTitled(page, title).boundingBox())!;
        expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(boardBox.y + boardBox.height);
      }
      await screenshot(page, 'oa-11-merged-in-view');

      // A new group goes to free space: no card and no frame under it, its "⋯" button clickable.
      await page.getByTestId('add-group').click();
      await page.getByTestId('group-name-input').press('Enter');
      await expect.poll(() => listOpportunityGroups(d).length, { timeout: TIMEOUT }).toBe(2);
      const groups = listOpportunityGroups(d);
      const fresh = groups.find((g) => g.name === 'New group')!;
      for (const o of listOpportunities(d))
        expect(rectsOverlap(cardRect(o), fresh.frame!)).toBe(false);
      expect(rectsOverlap(groups.find((g) => g.id === alpha)!.frame!, fresh.frame!)).toBe(false);
      await screenshot(page, 'oa-12-new-group-free-space');

      // Delete it from its menu with the mouse.
      await frameNamed(page, 'New group').getByTestId('group-menu-button').click();
      await page.getByTestId('group-delete').click();
      await expect.poll(() => listOpportunityGroups(d).length, { timeout: TIMEOUT }).toBe(1);

      // Import with group names: new groups get frames in free space, their cards inside, loose
      // cards on no frame.
      await page.getByTestId('import-opportunities').click();
      await page.getByTestId('import-dialog').waitFor({ timeout: TIMEOUT });
      await page.getByTestId('import-file-input').setInputFiles({
        name: 'opportunities.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          [
            'Title,Kind,Group',
            'Shuttle apps,technology trend,Mobility',
            'Workation demand,market,New markets',
            'Accessibility act,regulation,',
            'Silver economy,societal challenge,New markets',
            'E-bikes,technology trend,Mobility',
            'Snow-free trails,market,',
            'Night trains,market,Mobility',
            'Alpha three,market,Alpha',
          ].join('\n'),
        ),
      });
      await page.getByTestId('import-submit').click();
      await page.getByTestId('import-done').waitFor({ timeout: TIMEOUT });
      await page.getByTestId('import-close').click();
      await expect
        .poll(() => listOpportunityGroups(d).filter((g) => g.frame).length, { timeout: TIMEOUT })
        .toBe(3);
      const framed = listOpportunityGroups(d);
      for (let i = 0; i < framed.length; i++)
        for (let j = i + 1; j < framed.length; j++)
          expect(rectsOverlap(framed[i]!.frame!, framed[j]!.frame!)).toBe(false);
      for (const o of listOpportunities(d)) {
        const foreign = framed.filter((g) => g.id !== o.groupId);
        for (const g of foreign) expect(rectsOverlap(cardRect(o), g.frame!)).toBe(false);
      }
      await page.getByTestId('zoom-fit').click();
      await page.waitForTimeout(300);
      await screenshot(page, 'oa-13-import-laid-out');

      // A long capacity title, linked to an activity, then deleted: the panel stays inside the
      // screen and its unlink button visible.
      const long = createCapacity(d, {
        title:
          'Mountain ICT research and innovation centre of the University of Innsbruck with a very long name indeed',
        kind: 'research',
      });
      const other = createCapacity(d, { title: 'Hotels', kind: 'industry' });
      const shuttle = listOpportunities(d).find((o) => o.title === 'Shuttle apps')!;
      createActivity(d, {
        title: 'Shared mobility data',
        capacityIds: [long, other],
        opportunityIds: [shuttle.id],
      });
      deleteCard(d, long, 'Organiser');
      await openTab(page, 'activity-canvas');
      await page.getByTestId('activity-card').first().click({ timeout: TIMEOUT });
      const links = page.getByTestId('activity-capacity-links');
      await links.getByTestId('source-removed').waitFor({ timeout: TIMEOUT });
      const panelBox = (await page.getByTestId('activity-panel').boundingBox())!;
      const viewportWidth = page.viewportSize()!.width;
      expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(viewportWidth + 0.5);
      const removedItem = links.locator('.link-list__item.is-removed');
      const unlinkBox = (await removedItem.getByRole('button').boundingBox())!;
      expect(unlinkBox.x).toBeGreaterThanOrEqual(panelBox.x);
      expect(unlinkBox.x + unlinkBox.width).toBeLessThanOrEqual(panelBox.x + panelBox.width);
      expect(unlinkBox.x + unlinkBox.width).toBeLessThanOrEqual(viewportWidth);
      const sectionWidth = await links.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(sectionWidth).toBeLessThanOrEqual(0);
      await screenshot(page, 'oa-14-panel-source-removed');
      await removedItem.getByRole('button').click();
      await expect
        .poll(() => links.getByTestId('source-removed').count(), { timeout: TIMEOUT })
        .toBe(0);
      await page.getByTestId('activity-panel-back').click();

      // Matrix cells: one tab stop, arrows move, labelled, Enter selects.
      const cells = page.getByTestId('matrix-cell');
      await cells.first().waitFor({ timeout: TIMEOUT });
      const tabbable = page.locator('[data-testid="matrix-cell"][tabindex="0"]');
      expect(await tabbable.count()).toBe(1);
      await tabbable.focus();
      const label = () =>
        page.evaluate<string | null>("document.activeElement?.getAttribute('aria-label') ?? null");
      expect(await label()).toMatch(/^Hotels × .+: 0 activities$/);
      await page.keyboard.press('ArrowRight');
      await expect.poll(label).not.toBe(null);
      const second = await label();
      expect(second).toMatch(/^Hotels × .+: \d+ activit(y|ies)$/);
      await page.keyboard.press('Enter');
      await expect
        .poll(() =>
          page.evaluate<string | null>(
            "document.activeElement?.getAttribute('aria-selected') ?? null",
          ),
        )
        .toBe('true');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press(' ');
      await expect
        .poll(() =>
          page.evaluate<string | null>(
            "document.activeElement?.getAttribute('aria-selected') ?? null",
          ),
        )
        .toBe('true');
      await screenshot(page, 'oa-15-matrix-keyboard');

      expect(eve.errors).toEqual([]);
    } finally {
      api.destroy();
    }
  });

  it('zoomed out, hundreds of opportunities are a light overview; zooming in brings the cards back', async () => {
    const workshop = await createWorkshop(server.url, 'Many opportunities', 'cedw');
    const seed = await connectSynced(server.url, workshop.id, workshop.tokens.facilitator);
    const ids: string[] = [];
    seed.doc.transact(() => {
      for (let i = 0; i < 300; i++) {
        ids.push(
          createOpportunity(seed.doc, {
            title: `Opportunity ${i}`,
            x: 40 + (i % 20) * 240,
            y: 80 + Math.floor(i / 20) * 200,
            createdBy: 'Organiser',
          }),
        );
      }
      createOpportunityGroup(seed.doc, 'First rows', ids.slice(0, 40), {
        x: 0,
        y: 0,
        width: 20 * 240 + 40,
        height: 2 * 200 + 120,
      });
    });
    const viewer = await person();
    const link = server.url + new URL(workshop.links.participant).pathname;
    const page = await joinWorkshop(
      viewer,
      link + new URL(workshop.links.participant).hash,
      'Vera',
    );
    await openTab(page, 'opportunity-board');

    // Fitted, the board is an overview: one canvas of blocks, no card elements, text or editors.
    const overview = page.getByTestId('board-overview');
    await expect.poll(() => overview.getAttribute('data-blocks'), { timeout: TIMEOUT }).toBe('300');
    expect(await page.getByTestId('card').count()).toBe(0);
    expect(await page.locator('.card__body, .card__title-text, [contenteditable]').count()).toBe(0);
    const elements = () => page.locator('[data-testid="board"] *').count();
    expect(await elements()).toBeLessThan(150);
    // No tab stop per card; the group frames keep their names.
    expect(await page.locator('[data-testid="board"] [tabindex="0"]').count()).toBeLessThan(20);
    expect(await frameNamed(page, 'First rows').getByTestId('group-frame-name').isVisible()).toBe(
      true,
    );

    // A card added by someone else appears as a block.
    createOpportunity(seed.doc, { title: 'Late idea', x: 40, y: 3200, createdBy: 'Organiser' });
    await expect.poll(() => overview.getAttribute('data-blocks'), { timeout: TIMEOUT }).toBe('301');

    // A click on a block zooms in on that card and gives it the focus.
    const target = ids[45]!;
    const at = await page.evaluate(
      ({ x, y }) => {
        const board = document.querySelector('[data-testid="board"]')!.getBoundingClientRect();
        const world = document.querySelector<HTMLElement>('.board__world')!.style.transform;
        const [, tx = '0', ty = '0', zoom = '1'] =
          /translate3d\((-?[\d.]+)px, (-?[\d.]+)px, 0px?\) scale\(([\d.]+)\)/.exec(world) ?? [];
        return {
          x: board.left + Number(tx) + x * Number(zoom),
          y: board.top + Number(ty) + y * Number(zoom),
        };
      },
      { x: 40 + 5 * 240 + 110, y: 80 + 2 * 200 + 60 },
    );
    await page.mouse.click(at.x, at.y);
    const card = page.locator(`[data-card-id="${target}"]`);
    await expect
      .poll(() => card.evaluate((el) => el === document.activeElement), { timeout: TIMEOUT })
      .toBe(true);
    expect(await page.getByTestId('zoom-level').textContent()).toBe('100%');
    expect(await overview.count()).toBe(0);

    // Zoomed in, the cards are whole again: titles, bodies, opportunity fields.
    await expect
      .poll(() => page.getByTestId('card').count(), { timeout: TIMEOUT })
      .toBeGreaterThan(5);
    expect(await card.getByTestId('card-title').textContent()).toBe('Opportunity 45');
    expect(await card.getByTestId('opportunity-kind').isVisible()).toBe(true);
    seed.destroy();
  });
});
