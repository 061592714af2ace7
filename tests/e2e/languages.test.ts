/**
 * End to end, the five UI languages: a facilitator switches languages in the top bar (one
 * screenshot per language, html lang follows); a participant on a 360 × 740 phone chooses German
 * in the join dialog, writes an idea and sees the phase; a budget typed "1.234,56" in German
 * lands as 1234.56.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import {
  addRegion,
  createAction,
  createActivity,
  createCapacity,
  createOpportunity,
  listActions,
} from '../../shared/doc';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { LANGUAGES } from '../../shared/i18n/languages';
import { hasChromium } from '../support/chromium';
import { newPerson, type Person } from '../support/browser';
import { connectSynced, type TestClient } from '../support/clients';
import { createWorkshop, waitFor } from '../support/server';
import { joinWorkshop, localLink, openTab, TIMEOUT } from '../support/workshopPage';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';

const SHOTS = '/tmp/i18n-shots';
const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

describe.skipIf(!hasChromium)('five UI languages', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: E2eEnvironment;
  let workshop: CreateWorkshopResponse;
  let client: TestClient;
  let fiona: Person;
  const people: Person[] = [];

  beforeAll(async () => {
    env = await startE2e('languages');
    ({ server, browser } = env);
    workshop = await createWorkshop(server.url, 'Alpine digital tourism cEDW', 'edw');
    client = await connectSynced(server.url, workshop.id, workshop.tokens.facilitator);
    const tyrol = addRegion(client.doc, { name: 'Tyrol', country: 'AT', nuts: 'AT33' });
    for (const [title, kind] of [
      ['Alpine tourism', 'industry'],
      ['Mechatronics research', 'research'],
    ] as const)
      createCapacity(client.doc, { title, kind, regionId: tyrol, strength: 4 });
    const opportunity = createOpportunity(client.doc, { title: 'Generative AI' });
    const activity = createActivity(client.doc, {
      title: 'Digital services for tourism',
      status: 'selected',
      opportunityIds: [opportunity],
    });
    createAction(client.doc, { activityId: activity, title: 'Booking pilot', createdBy: 'Fiona' });
    fs.mkdirSync(SHOTS, { recursive: true });
    fiona = await newPerson(browser, { width: 1280, height: 800 });
    people.push(fiona);
  });

  afterAll(async () => {
    client?.destroy();
    await Promise.all(people.map((p) => p.context.close().catch(() => {})));
    await env?.close();
  });

  it('switches language in the top bar: the board speaks it and html lang follows', async () => {
    const page = await joinWorkshop(fiona, localLink(server, workshop.links.facilitator), 'Fiona');
    await openTab(page, 'capacity-map');
    const englishTab = await page.getByTestId('board-tab-capacity-map').textContent();
    expect(await htmlLang(page)).toBe('en');
    const tabs = new Set<string>();
    for (const lng of [...LANGUAGES.filter((l) => l !== 'en'), 'en' as const]) {
      await page.getByTestId('language-switcher').selectOption(lng);
      await expect.poll(() => htmlLang(page), { timeout: TIMEOUT }).toBe(lng);
      tabs.add((await page.getByTestId('board-tab-capacity-map').textContent()) ?? '');
      expect(await page.getByTestId('language-switcher').inputValue()).toBe(lng);
      await page.screenshot({ path: `${SHOTS}/capacity-map-${lng}.png` });
    }
    // Back in English, exactly as before; the other languages each said it their own way.
    expect(await page.getByTestId('board-tab-capacity-map').textContent()).toBe(englishTab);
    expect(tabs.size).toBe(LANGUAGES.length);
    // Remembered: a reload keeps the person's choice.
    await page.getByTestId('language-switcher').selectOption('de');
    await page.reload();
    await expect.poll(() => htmlLang(page), { timeout: TIMEOUT }).toBe('de');
  });

  it('reads a budget typed the German way', async () => {
    const page = fiona.page;
    await openTab(page, 'action-list');
    const row = page.locator('[data-testid="action-row"]').first();
    await row.locator('[data-column="budget"]').click();
    await page.keyboard.type('1.234,56', { delay: 5 });
    await page.keyboard.press('Enter');
    await waitFor(
      () => listActions(client.doc)[0]?.budget === 1234.56,
      'the budget to reach the doc',
      TIMEOUT,
    );
    await page.screenshot({ path: `${SHOTS}/action-list-de.png` });
  });

  it('lets a participant on a phone join in German, write an idea and see the phase', async () => {
    // The facilitator starts the first phase and a private-writing round.
    const f = fiona.page;
    await f.getByTestId('agenda-button').click();
    const phase = f.locator('[data-testid="agenda-phase"][data-phase-id="map-capacities"]');
    await phase.getByTestId('agenda-start').click();
    await phase.getByTestId('agenda-end').waitFor({ timeout: TIMEOUT });
    await f.keyboard.press('Escape');
    await f.getByTestId('private-menu').click();
    await f.getByTestId('private-prompt-input').fill('Worin ist unsere Region stark?');
    await f.getByTestId('private-start').click();
    await f.getByTestId('private-reveal').waitFor({ timeout: TIMEOUT });

    const anna = await newPerson(browser, { width: 360, height: 740 });
    people.push(anna);
    const page = anna.page;
    await page.goto(localLink(server, workshop.links.participant));
    await page.getByTestId('join-language').selectOption('de');
    await expect.poll(() => htmlLang(page), { timeout: TIMEOUT }).toBe('de');
    await page.getByTestId('join-name-input').fill('Anna');
    await page.getByTestId('join-submit').click();
    await page.getByTestId('join-dialog').waitFor({ state: 'detached', timeout: TIMEOUT });

    await page.getByTestId('private-panel').waitFor({ timeout: TIMEOUT });
    const idea = page.locator('[data-testid="private-idea"]').last();
    await idea.click();
    await idea.pressSequentially('Telemedizin-Start-ups');
    await expect
      .poll(() => page.getByTestId('private-status').getAttribute('data-saved'), {
        timeout: TIMEOUT,
      })
      .toBe('true');
    const current = page.getByTestId('current-phase');
    await expect.poll(() => current.textContent(), { timeout: TIMEOUT }).toContain('Kapazitäten');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${SHOTS}/phone-participant-de.png` });
  });
});
