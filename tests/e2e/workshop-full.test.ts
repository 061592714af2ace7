/**
 * End to end, a workshop at MAX_DOCUMENT_BYTES: a participant's new card is refused (4413), their
 * page drops the refused copy, reloads from the server and says the workshop is full; the
 * facilitator can still write. Real server, real Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCard, listCards } from '../../shared/doc';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { hasChromium } from '../support/chromium';
import { connectSynced, type TestClient } from '../support/clients';
import { newPerson, screenshot, type Person } from '../support/browser';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';
import { createWorkshop } from '../support/server';
import { joinWorkshop, localLink, openTab, TIMEOUT } from '../support/workshopPage';

const LIMIT = 64 * 1024;

describe.skipIf(!hasChromium)('a full workshop', () => {
  let env: E2eEnvironment;
  let workshop: CreateWorkshopResponse;
  let facilitator: TestClient;
  let anna: Person;

  beforeAll(async () => {
    env = await startE2e('full', { maxDocumentBytes: LIMIT });
    workshop = await createWorkshop(env.server.url, 'Alpine EDW', 'edw');
    facilitator = await connectSynced(env.server.url, workshop.id, workshop.tokens.facilitator);
    // The facilitator fills the workshop to its limit (facilitators are never refused).
    const room = await env.server.rooms.acquire(workshop.id);
    for (let i = 0; room.size < LIMIT; i++) {
      createCard(facilitator.doc, { title: `Evidence ${i} ${'·'.repeat(150)}`, x: i * 5 });
      await new Promise((r) => setTimeout(r, 5));
    }
  });

  afterAll(async () => {
    facilitator?.destroy();
    await anna?.context.close().catch(() => {});
    await env?.close();
  });

  it('refuses a participant’s new card, keeps their page in step with the server and says why', async () => {
    anna = await newPerson(env.browser);
    const page = await joinWorkshop(
      anna,
      localLink(env.server, workshop.links.participant),
      'Anna',
      'notes',
    );
    const before = listCards(facilitator.doc).length;
    await page.getByTestId('add-card').click({ timeout: TIMEOUT });
    await page.getByTestId('lock-refused').waitFor({ timeout: TIMEOUT });
    expect(await page.getByTestId('lock-refused').textContent()).toContain(
      'this workshop is full — ask the facilitator',
    );
    await screenshot(page, 'workshop-full');
    // After the reload the page shows what the server has: the refused card is gone.
    await expect
      .poll(() => page.getByTestId('connection-status').getAttribute('data-status'), {
        timeout: TIMEOUT,
      })
      .toBe('connected');
    expect(listCards(facilitator.doc).length).toBe(before);

    await openTab(page, 'notes');
    createCard(facilitator.doc, { title: 'The facilitator can still add this' });
    await page.getByText('The facilitator can still add this').waitFor({ timeout: TIMEOUT });
  });
});
