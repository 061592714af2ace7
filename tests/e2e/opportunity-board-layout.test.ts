/**
 * End to end in Chromium, the opportunity board's layout details: group menus that open over the
 * cards under a header, groups placed freely, the import's layout, the panel's overflow and the
 * matrix's keyboard. The live co-editing is opportunities-activities.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import {
  cardRect,
  createActivity,
  createCapacity,
  createOpportunity,
  createOpportunityGroup,
  deleteCard,
  listOpportunities,
  listOpportunityGroups,
  rectsOverlap,
} from '../../shared/doc';
import { hasChromium } from '../support/chromium';
import { newPerson, screenshot, type Person } from '../support/browser';
import { connectSynced } from '../support/clients';
import { createWorkshop } from '../support/server';
import { cardTitled, joinWorkshop, openTab, TIMEOUT } from '../support/workshopPage';
import { frameNamed } from '../support/s3Boards';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';

describe.skipIf(!hasChromium)('opportunity board layout', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: E2eEnvironment;
  const people: Person[] = [];

  beforeAll(async () => {
    env = await startE2e('board-layout');
    ({ server, browser } = env);
  });

  afterAll(async () => {
    await Promise.all(people.map((p) => p.context.close().catch(() => {})));
    await env?.close();
  });

  async function person(): Promise<Person> {
    const created = await newPerson(browser);
    people.push(created);
    return created;
  }

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
});
