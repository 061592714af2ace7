/**
 * End to end in Chromium (issue 10, item 5: nothing defaults silently): a new opportunity and a new
 * action show "not set" for their closed fields, not a plausible value, on the card, in the panel
 * and in the table; the facilitator then sets a value and everyone's doc holds it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import { createActivity, listActions, listOpportunities } from '../../shared/doc';
import { hasChromium } from '../support/chromium';
import { newPerson, screenshot, type Person } from '../support/browser';
import { connectSynced, type TestClient } from '../support/clients';
import { createWorkshop, waitFor } from '../support/server';
import { cardTitled, joinWorkshop, localLink, openTab, TIMEOUT } from '../support/workshopPage';
import { addOpportunity } from '../support/s3Boards';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';

describe.skipIf(!hasChromium)('closed fields start not set, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: E2eEnvironment;
  let client: TestClient | undefined;
  let facilitator: Person | undefined;

  beforeAll(async () => {
    env = await startE2e('board');
    ({ server, browser } = env);
  });

  afterAll(async () => {
    client?.destroy();
    await facilitator?.context.close().catch(() => {});
    await env?.close();
  });

  it('a new opportunity and a new action read "not set" until the facilitator sets them', async () => {
    const created = await createWorkshop(server.url, 'Alpine EDW', 'edw');
    client = await connectSynced(server.url, created.id, created.tokens.facilitator);
    const activityId = createActivity(client.doc, { title: 'Smart tourism' });
    facilitator = await newPerson(browser);
    const page = await joinWorkshop(
      facilitator,
      localLink(server, created.links.facilitator),
      'Fiona Facilitator',
      'opportunity-board',
    );

    // The opportunity: muted "not set" chips, never "Technology trend · 3–5 years".
    await page.getByTestId('opportunity-board').waitFor({ timeout: TIMEOUT });
    await addOpportunity(page, 'Hydrogen valleys');
    const card = cardTitled(page, 'Hydrogen valleys');
    const kindChip = card.getByTestId('opportunity-kind');
    expect(await kindChip.textContent()).toBe('Kind not set');
    expect(await kindChip.getAttribute('class')).toContain('is-not-set');
    expect(await card.getByTestId('opportunity-horizon').textContent()).toBe('Horizon not set');
    await waitFor(() => listOpportunities(client!.doc).length === 1, 'the card', TIMEOUT);
    expect(listOpportunities(client.doc)[0]).toMatchObject({ kind: '', horizon: '' });

    // The panel shows "Not set" selected; the facilitator chooses a kind.
    await card.focus();
    await page.keyboard.press('Enter');
    const kindSelect = page.getByTestId('opportunity-kind-select');
    await kindSelect.waitFor({ timeout: TIMEOUT });
    expect(await kindSelect.inputValue()).toBe('');
    expect(await kindSelect.locator('option:checked').textContent()).toBe('Not set');
    expect(await page.getByTestId('opportunity-horizon-select').inputValue()).toBe('');
    await screenshot(page, 'not-set-opportunity');
    await kindSelect.selectOption('market');
    await expect.poll(() => kindChip.textContent(), { timeout: TIMEOUT }).toBe('Market');
    await waitFor(
      () => listOpportunities(client!.doc)[0]?.kind === 'market',
      'the kind to reach the doc',
      TIMEOUT,
    );
    expect(listOpportunities(client.doc)[0]?.horizon).toBe('');

    // The action: type, funding source and status are "Not set" in the table.
    await openTab(page, 'action-list');
    await page.getByTestId('action-list').waitFor({ timeout: TIMEOUT });
    await page.getByTestId('add-action').click();
    await page
      .locator(`[data-testid="add-action-activity"][data-activity-id="${activityId}"]`)
      .click();
    const editor = page.getByTestId('cell-editor');
    await editor.waitFor({ timeout: TIMEOUT });
    await page.keyboard.type('Joint hydrogen call', { delay: 5 });
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });
    await waitFor(() => listActions(client!.doc).length === 1, 'the action', TIMEOUT);
    expect(listActions(client.doc)[0]).toMatchObject({
      actionType: '',
      fundingSource: '',
      status: '',
    });
    const actionId = listActions(client.doc)[0]!.id;
    const row = page.locator(`[data-testid="action-row"][data-action-id="${actionId}"]`);
    for (const column of ['actionType', 'status', 'fundingSource']) {
      expect(await row.locator(`[data-column="${column}"]`).textContent()).toBe('Not set');
    }
    await screenshot(page, 'not-set-action');

    // The facilitator sets the status in the cell editor: Not set is offered, "Planned" chosen.
    await row.locator('[data-column="status"]').click();
    await editor.waitFor({ timeout: TIMEOUT });
    expect(await editor.inputValue()).toBe('');
    await editor.selectOption('planned');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => row.locator('[data-column="status"]').textContent(), { timeout: TIMEOUT })
      .toBe('Planned');
    await waitFor(
      () => listActions(client!.doc)[0]?.status === 'planned',
      'the status to reach the doc',
      TIMEOUT,
    );
    expect(listActions(client.doc)[0]).toMatchObject({ actionType: '', fundingSource: '' });
    expect(facilitator.errors).toEqual([]);
  });
});
