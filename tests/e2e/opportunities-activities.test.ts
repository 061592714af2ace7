/**
 * End to end in Chromium: two participants co-edit the opportunity board live (add opportunities,
 * group them by dragging into named frames, merge two groups), then combine a capacity (made by a
 * test client through the shared/doc API) and an opportunity into a transformative activity on the
 * canvas; the other participant finds it in the matrix cell and selects it; deleting the capacity
 * leaves a visible "source removed" mark; Ctrl+Z brings back a deleted card. Group menus and
 * layout are opportunity-board-layout.test.ts; the zoomed-out overview opportunity-overview.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import { addRegion, createCapacity, deleteCard, listActivities } from '../../shared/doc';
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
import { addOpportunity, frameNamed } from '../support/s3Boards';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';

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
});
