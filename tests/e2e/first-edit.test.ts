/**
 * The first rich-text edit of a session must keep every keystroke: the editor's code is loaded
 * lazily, and typing that starts the moment "Edit description" is clicked used to be lost while it
 * loaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import { cardBody, getCard, listCapacities } from '../../shared/doc';
import { newPerson, type Person } from '../support/browser';
import { hasChromium } from '../support/chromium';
import { connectSynced, type TestClient } from '../support/clients';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';
import { createWorkshop, waitFor } from '../support/server';
import { joinWorkshop, localLink, TIMEOUT } from '../support/workshopPage';

describe.skipIf(!hasChromium)('the first description edit of a session', () => {
  let env: E2eEnvironment;
  let server: RunningServer;
  let browser: Browser;
  let reader: TestClient;
  let person: Person;

  beforeAll(async () => {
    env = await startE2e('first-edit');
    ({ server, browser } = env);
  });

  afterAll(async () => {
    reader?.destroy();
    await person?.context.close();
    await env?.close();
  });

  it('keeps every character typed right after opening the editor', async () => {
    const workshop = await createWorkshop(server.url, 'First edit', 'edw');
    reader = await connectSynced(server.url, workshop.id, workshop.tokens.facilitator);
    person = await newPerson(browser, { width: 1440, height: 900 });
    const page = await joinWorkshop(
      person,
      localLink(server, workshop.links.participant),
      'Eva',
      'capacity-map',
    );
    await page.getByTestId('capacity-map').waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(1500); // a person reads the board for a moment before editing
    const firstCell = page.getByTestId('capacity-cell').first();
    await firstCell.hover();
    await firstCell.getByTestId('capacity-cell-add').click();
    await page.getByTestId('capacity-title-input').pressSequentially('Tourism', { delay: 20 });
    await page.getByTestId('capacity-description-edit').click();
    await page.keyboard.type('Hello world from the first edit', { delay: 40 });

    await waitFor(
      () => {
        const capacity = listCapacities(reader.doc)[0];
        const body = capacity && cardBody(getCard(reader.doc, capacity.id)!);
        return (body?.toString() ?? '').includes('world from the first edit');
      },
      'the description to reach the server',
      TIMEOUT,
    );
    const capacity = listCapacities(reader.doc)[0]!;
    const text = cardBody(getCard(reader.doc, capacity.id)!)!.toJSON();
    expect(text).toContain('Hello world from the first edit');
  });
});
