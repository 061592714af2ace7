/**
 * End to end in Chromium: an opportunity board of 300 opportunities (issue 15). Fitted, it is an
 * overview (one canvas of blocks, no card elements); a remote card appears as a block; a click on
 * a block zooms in on that card and focuses it, and the cards are whole again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import { createOpportunity, createOpportunityGroup } from '../../shared/doc';
import { hasChromium } from '../support/chromium';
import { newPerson, type Person } from '../support/browser';
import { connectSynced } from '../support/clients';
import { createWorkshop } from '../support/server';
import { frameNamed } from '../support/s3Boards';
import { joinWorkshop, openTab, TIMEOUT } from '../support/workshopPage';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';

describe.skipIf(!hasChromium)('opportunity board overview', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: E2eEnvironment;
  const people: Person[] = [];

  beforeAll(async () => {
    env = await startE2e('overview');
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
