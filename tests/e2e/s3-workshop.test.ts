/**
 * One cross-regional EDW from end to end, in real Chromium: two participants from two regions fill
 * the capacity map and the opportunity board live; one combines a capacity and an opportunity into a
 * transformative activity; the other adds an action to it; the Synergy Diamond shows both regions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import { addRegion, cardBody, getCard, listActions, listActivities } from '../../shared/doc';
import { newPerson, screenshot, type Person } from '../support/browser';
import { hasChromium } from '../support/chromium';
import { connectSynced, type TestClient } from '../support/clients';
import { addCapacity, addOpportunity, capacityCard } from '../support/s3Boards';
import { createWorkshop, waitFor } from '../support/server';
import { cardTitled, joinWorkshop, localLink, openTab, TIMEOUT } from '../support/workshopPage';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';

describe.skipIf(!hasChromium)('a cross-regional EDW, from capacities to actions', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: E2eEnvironment;
  let organiser: TestClient;
  const people: Person[] = [];

  beforeAll(async () => {
    env = await startE2e('s3');
    ({ server, browser } = env);
  });

  afterAll(async () => {
    for (const person of people) await person.context.close();
    organiser?.destroy();
    await env?.close();
  });

  it('runs capacity map → opportunities → activity → action, with the diamond of both regions', async () => {
    const workshop = await createWorkshop(server.url, 'Alpine digital tourism', 'cedw');
    // The organiser prepared the two regions before the workshop (the settings UI has its own test).
    organiser = await connectSynced(server.url, workshop.id, workshop.tokens.facilitator);
    const tyrol = addRegion(organiser.doc, { name: 'Tyrol', country: 'Austria', nuts: 'AT33' });
    const slovenia = addRegion(organiser.doc, {
      name: 'Western Slovenia',
      country: 'Slovenia',
      nuts: 'SI04',
    });

    const annaPerson = await newPerson(browser, { width: 1440, height: 900 });
    const benPerson = await newPerson(browser, { width: 1440, height: 900 });
    people.push(annaPerson, benPerson);
    const link = localLink(server, workshop.links.participant);
    const anna = await joinWorkshop(annaPerson, link, 'Anna from Tyrol', 'capacity-map');
    const ben = await joinWorkshop(benPerson, link, 'Ben from Slovenia', 'capacity-map');

    // Capacity map: each participant maps a capacity of their own region; both see both.
    const tourism = await addCapacity(anna, tyrol, 'industry', 'Alpine tourism operators', [
      { name: 'Tirol Werbung', helix: 'government' },
    ]);
    await anna.keyboard.press('Escape');
    const aiLab = await addCapacity(ben, slovenia, 'research', 'AI research and start-ups', [
      { name: 'Jožef Stefan Institute', helix: 'research' },
      { name: 'Outfit7', helix: 'business' },
    ]);
    await ben.keyboard.press('Escape');
    await capacityCard(anna, aiLab).waitFor({ timeout: TIMEOUT });
    await capacityCard(ben, tourism).waitFor({ timeout: TIMEOUT });
    await screenshot(anna, 's3-01-capacity-map');

    // Opportunity board: one opportunity each, live on both screens.
    await openTab(anna, 'opportunity-board');
    await openTab(ben, 'opportunity-board');
    const genAi = await addOpportunity(anna, 'Generative AI assistants');
    await anna.keyboard.press('Escape');
    await addOpportunity(ben, 'Less snow in winter');
    await ben.keyboard.press('Escape');
    await cardTitled(anna, 'Less snow in winter').waitFor({ timeout: TIMEOUT });
    await cardTitled(ben, 'Generative AI assistants').waitFor({ timeout: TIMEOUT });
    await screenshot(ben, 's3-02-opportunity-board');

    // Activity canvas: Anna combines Alpine tourism × Generative AI into an activity.
    await openTab(anna, 'activity-canvas');
    await anna
      .locator(
        `[data-testid="matrix-cell"][data-capacity-id="${tourism}"][data-opportunity-id="${genAi}"]`,
      )
      .click({ timeout: TIMEOUT });
    await anna.getByTestId('create-activity').click();
    const nameInput = anna.getByTestId('activity-name-input');
    await nameInput.waitFor({ timeout: TIMEOUT });
    await nameInput.fill('Digital services for alpine tourism');
    await anna.getByTestId('activity-status-selected').click();
    await waitFor(
      () => listActivities(organiser.doc)[0]?.title === 'Digital services for alpine tourism',
      'the activity to reach the server',
      TIMEOUT,
    );
    const activity = listActivities(organiser.doc)[0]!;
    expect(activity).toMatchObject({
      capacityIds: [tourism],
      opportunityIds: [genAi],
      status: 'selected',
    });
    // Its description, typed the moment the editor is asked for.
    await anna.getByTestId('activity-edit-description').click();
    await anna.keyboard.type('Chatbots that speak the guests’ languages', { delay: 10 });
    await waitFor(
      () => {
        const card = getCard(organiser.doc, activity.id);
        return (
          (card &&
            cardBody(card)?.toString().includes('Chatbots that speak the guests’ languages')) ===
          true
        );
      },
      'the description to reach the server',
      TIMEOUT,
    );
    await anna.keyboard.press('Escape');
    await screenshot(anna, 's3-03-activity-canvas');

    // Action list: Ben adds an action to Anna's activity.
    await openTab(ben, 'action-list');
    await ben.getByTestId('action-list').waitFor({ timeout: TIMEOUT });
    await ben.getByTestId('add-action').click();
    await ben
      .locator(`[data-testid="add-action-activity"][data-activity-id="${activity.id}"]`)
      .click({ timeout: TIMEOUT });
    await ben.getByTestId('cell-editor').waitFor({ timeout: TIMEOUT });
    await ben.keyboard.type('Cross-border booking platform pilot', { delay: 5 });
    await ben.keyboard.press('Enter');
    await waitFor(
      () => listActions(organiser.doc)[0]?.title === 'Cross-border booking platform pilot',
      'the action to reach the server',
      TIMEOUT,
    );
    expect(listActions(organiser.doc)[0]).toMatchObject({
      activityId: activity.id,
      createdBy: 'Ben from Slovenia',
    });
    await openTab(anna, 'action-list');
    await anna
      .locator('[data-testid="action-row"]', { hasText: 'Cross-border booking platform pilot' })
      .waitFor({ timeout: TIMEOUT });
    await screenshot(ben, 's3-04-action-list');

    // The Synergy Diamond shows one polygon per region.
    await openTab(anna, 'capacity-map');
    await anna.getByTestId('capacity-mode-diamond').click();
    const chart = anna.getByTestId('diamond-chart');
    await chart.waitFor({ timeout: TIMEOUT });
    await expect.poll(() => chart.getByTestId('diamond-polygon').count()).toBe(2);
    const legend = (await chart.getByTestId('diamond-legend-name').allTextContents()).join(' | ');
    expect(legend).toContain('Tyrol');
    expect(legend).toContain('Western Slovenia');
    await screenshot(anna, 's3-05-diamond');

    expect(annaPerson.errors).toEqual([]);
    expect(benPerson.errors).toEqual([]);
  });
});
