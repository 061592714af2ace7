/**
 * WCAG 2.2 AA, end to end: axe-core (through @axe-core/playwright) audits every view of the app in
 * Chromium with the wcag2a, wcag2aa, wcag21a, wcag21aa and wcag22aa rules — the start page, the
 * join dialog, each board with cards as a facilitator and as a participant, the wall, the agenda,
 * people and settings panels, the voting dialogs (start, ballot, results), the archive, a record and
 * the comparison. No view may have a critical or serious violation; the rest is printed. The
 * figures per view go to /tmp/a11y/axe-summary.json.
 */
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import {
  addRegion,
  createAction,
  createActivity,
  createCapacity,
  createCard,
  createOpportunity,
  listActions,
  listActivities,
  listCapacities,
} from '../../shared/doc';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { randomId } from '../../shared/ids';
import { newPerson, type Person } from '../support/browser';
import { hasChromium } from '../support/chromium';
import { connectSynced, type TestClient } from '../support/clients';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';
import { createWorkshop, waitFor } from '../support/server';
import { joinWorkshop, localLink, openTab, TIMEOUT } from '../support/workshopPage';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const BOARDS = ['capacity-map', 'opportunity-board', 'activity-canvas', 'action-list', 'notes'];
const OUT = '/tmp/a11y';
const ORGANISER = randomId(32);

type Impact = 'critical' | 'serious' | 'moderate' | 'minor';
interface ViewResult {
  counts: Record<Impact, number>;
  violations: { id: string; impact: string; nodes: number; targets: string[]; help: string }[];
}
const summary: Record<string, ViewResult> = {};

/** Audits the page as it is now; blocking (critical, serious) violations fail, others print. */
async function audit(page: Page, view: string): Promise<void> {
  // Let transitions and lazy parts settle.
  await page.waitForTimeout(400);
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const counts: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  const result: ViewResult = { counts, violations: [] };
  for (const v of violations) {
    const impact = (v.impact ?? 'minor') as Impact;
    counts[impact] += v.nodes.length;
    result.violations.push({
      id: v.id,
      impact,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
      help: v.help,
    });
  }
  summary[view] = result;
  const lines = result.violations.map(
    (v) => `  ${v.impact} ${v.id} ×${v.nodes}: ${v.help}\n    ${v.targets.join('\n    ')}`,
  );
  if (lines.length) console.log(`axe ${view}:\n${lines.join('\n')}`);
  const blocking = result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} ×${v.nodes}`);
  expect.soft(blocking, `critical and serious violations on ${view}`).toEqual([]);
}

async function boardShown(page: Page): Promise<void> {
  await page.locator('#board-panel').waitFor({ timeout: TIMEOUT });
  await page.locator('.board-panel__loading').waitFor({ state: 'detached', timeout: TIMEOUT });
}

describe.skipIf(!hasChromium)('WCAG 2.2 AA on every view (axe-core)', () => {
  let env: E2eEnvironment;
  let server: RunningServer;
  let browser: Browser;
  let workshop: CreateWorkshopResponse;
  let seed: TestClient;
  let fiona: Person;
  let anna: Person;
  const people: Person[] = [];

  async function person(viewport?: { width: number; height: number }): Promise<Person> {
    const p = await newPerson(browser, viewport);
    people.push(p);
    return p;
  }

  async function archivedWorkshop(title: string, name: string, nuts: string, activity: string) {
    const w = await createWorkshop(server.url, title, 'edw');
    const host = await connectSynced(server.url, w.id, w.tokens.facilitator);
    const region = addRegion(host.doc, { name, country: '', nuts });
    const capacity = createCapacity(host.doc, {
      title: `Research in ${name}`,
      regionId: region,
      kind: 'research',
      strength: 4,
    });
    createActivity(host.doc, {
      title: activity,
      status: 'selected',
      capacityIds: [capacity],
      opportunityIds: [createOpportunity(host.doc, { title: 'Energy transition' })],
    });
    const activities = () => server.rooms.withDocument(w.id, (d) => listActivities(d).length);
    const deadline = Date.now() + TIMEOUT;
    while ((await activities()) !== 1 && Date.now() < deadline) await sleep(100);
    host.destroy();
    const res = await fetch(`${server.url}/api/workshops/${w.id}/archive`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.tokens.facilitator}` },
    });
    expect(res.status).toBe(201);
  }

  beforeAll(async () => {
    env = await startE2e('accessibility', { organiserToken: ORGANISER });
    ({ server, browser } = env);
    fs.mkdirSync(OUT, { recursive: true });
    workshop = await createWorkshop(server.url, 'Alpine digital tourism cEDW', 'cedw');
    seed = await connectSynced(server.url, workshop.id, workshop.tokens.facilitator);
    const tyrol = addRegion(seed.doc, { name: 'Tyrol', country: 'AT', nuts: 'AT33' });
    const slovenia = addRegion(seed.doc, { name: 'Western Slovenia', country: 'SI', nuts: 'SI04' });
    const capacities = [
      createCapacity(seed.doc, {
        title: 'Alpine tourism',
        kind: 'industry',
        regionId: tyrol,
        strength: 4,
      }),
      createCapacity(seed.doc, {
        title: 'Mechatronics research',
        kind: 'research',
        regionId: slovenia,
        strength: 5,
      }),
      createCapacity(seed.doc, { title: 'Ski schools', regionId: tyrol }),
    ];
    const opportunity = createOpportunity(seed.doc, { title: 'Generative AI' });
    createOpportunity(seed.doc, { title: 'Ageing population' });
    const selected = createActivity(seed.doc, {
      title: 'Digital services for tourism',
      status: 'selected',
      capacityIds: [capacities[0]!],
      opportunityIds: [opportunity],
    });
    createActivity(seed.doc, { title: 'Alpine health data' });
    createAction(seed.doc, { activityId: selected, title: 'Booking pilot', createdBy: 'Fiona' });
    createAction(seed.doc, { activityId: selected, title: 'Guide training', createdBy: 'Fiona' });
    createCard(seed.doc, { title: 'Ask the ski schools', x: 80, y: 80 });
    createCard(seed.doc, { title: 'Invite the hotels', x: 320, y: 120 });
    const check = await connectSynced(server.url, workshop.id, workshop.tokens.projector);
    await waitFor(
      () => listActions(check.doc).length === 2 && listCapacities(check.doc).length === 3,
      'the seeded cards',
      TIMEOUT,
    );
    check.destroy();

    // Two more workshops, archived, for the organisers' archive, record and comparison.
    await archivedWorkshop('Tyrol geothermal EDW', 'Tyrol', 'AT33', 'Geothermal heat for hotels');
    await archivedWorkshop('Slovenia hydrogen EDW', 'Western Slovenia', 'SI04', 'Hydrogen buses');
  });

  afterAll(async () => {
    seed?.destroy();
    await Promise.all(people.map((p) => p.context.close().catch(() => {})));
    await env?.close();
    const table = Object.entries(summary).map(([view, r]) => ({ view, ...r.counts }));
    console.table(table);
    fs.writeFileSync(`${OUT}/axe-summary.json`, JSON.stringify(summary, null, 2));
  });

  it('the start page', async () => {
    const p = await person();
    await p.page.goto(server.url);
    await p.page.getByRole('main').first().waitFor({ timeout: TIMEOUT });
    await audit(p.page, 'start');
  });

  it('the join dialog', async () => {
    fiona = await person();
    await fiona.page.goto(localLink(server, workshop.links.facilitator));
    await fiona.page.getByTestId('join-dialog').waitFor({ timeout: TIMEOUT });
    // The name is the first thing to fill in; the language picker has a visible label.
    await expect
      .poll(() => fiona.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('join-name-input');
    const labelled = await fiona.page
      .getByTestId('join-language')
      .evaluate((select) => (select as HTMLSelectElement).labels?.[0]?.textContent ?? '');
    expect(labelled).toBe('Language');
    await audit(fiona.page, 'join dialog');
  });

  it('each board as the facilitator', async () => {
    const page = await joinWorkshop(fiona, localLink(server, workshop.links.facilitator), 'Fiona');
    for (const board of BOARDS) {
      await openTab(page, board);
      await boardShown(page);
      await audit(page, `${board} (facilitator)`);
    }
  });

  it('each board as a participant', async () => {
    anna = await person();
    const page = await joinWorkshop(anna, localLink(server, workshop.links.participant), 'Anna');
    for (const board of BOARDS) {
      await openTab(page, board);
      await boardShown(page);
      await audit(page, `${board} (participant)`);
    }
    // A card with the keyboard's focus says how to move and edit it, and passes the audit too.
    const card = page.getByTestId('card').first();
    await card.focus();
    await page.keyboard.press('ArrowRight');
    await card.getByTestId('card-keyhint').waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.screenshot({ path: `${OUT}/card-keyhint.png` });
    await audit(page, 'notes card with its keyboard hint (participant)');
  });

  it('the agenda, people and settings panels', async () => {
    const page = fiona.page;
    await openTab(page, 'capacity-map');
    await page.getByTestId('agenda-button').click();
    await page.getByTestId('agenda-panel').waitFor({ timeout: TIMEOUT });
    await audit(page, 'agenda panel');
    // Start a phase: everyone sees it, the timer too.
    const phase = page.locator('[data-testid="agenda-phase"]').first();
    await phase.getByTestId('agenda-start').click();
    await phase.getByTestId('agenda-end').waitFor({ timeout: TIMEOUT });
    // A participant's screen reader hears it.
    await expect
      .poll(() => anna.page.getByTestId('announcer-polite').textContent(), { timeout: TIMEOUT })
      .toContain('Phase started: ');
    await page.keyboard.press('Escape');
    await page.getByTestId('people-button').click();
    await page.getByTestId('people-panel').waitFor({ timeout: TIMEOUT });
    await audit(page, 'people panel');
    await page.keyboard.press('Escape');
    await page.getByTestId('workshop-settings-button').click();
    await page.locator('.workshop-settings, [data-testid="workshop-settings"]').first().waitFor({
      timeout: TIMEOUT,
    });
    await audit(page, 'settings panel');
    await page.keyboard.press('Escape');
    await page.getByTestId('share-button').click();
    await page.waitForTimeout(300);
    await audit(page, 'share panel');
    await page.keyboard.press('Escape');
  });

  it('the voting dialogs: start, ballot, results', async () => {
    const page = fiona.page;
    await openTab(page, 'activity-canvas');
    await page.getByTestId('vote-menu').click();
    await page.getByTestId('vote-menu-start').click();
    const dialog = page.getByTestId('vote-dialog');
    await dialog.waitFor({ timeout: TIMEOUT });
    await audit(page, 'vote start dialog');
    await dialog.getByTestId('vote-start').click();
    await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });

    const a = anna.page;
    await openTab(a, 'activity-canvas');
    await a.getByTestId('vote-ballot-open').click({ timeout: TIMEOUT });
    const ballot = a.getByTestId('vote-ballot');
    await ballot.waitFor({ timeout: TIMEOUT });
    await ballot.getByTestId('vote-plus').first().click();
    await audit(a, 'ballot');
    await a.keyboard.press('Escape');
    await audit(a, 'activity canvas with a vote open (participant)');

    await page.getByTestId('vote-close').click();
    await page.getByTestId('vote-reveal').click({ timeout: TIMEOUT });
    await page.getByTestId('vote-results-dialog').waitFor({ timeout: TIMEOUT });
    await expect
      .poll(() => anna.page.getByTestId('announcer-polite').textContent(), { timeout: TIMEOUT })
      .toContain('The vote results are out');
    await audit(page, 'results dialog');
  });

  it('the questionnaires board: start, filling in, adapting, side by side, results, summaries', async () => {
    const page = fiona.page;
    // The vote's results, revealed in the previous view, are open on both pages: close them.
    for (const p of [page, anna.page]) {
      const results = p.getByTestId('vote-results-dialog');
      if (await results.count()) {
        await results.getByTestId('vote-results-close').click();
        await results.waitFor({ state: 'detached', timeout: TIMEOUT });
      }
    }
    await openTab(page, 'questionnaires');
    const start = page.getByTestId('start-questionnaire');
    await start.waitFor({ timeout: TIMEOUT });
    await audit(page, 'questionnaire start (facilitator)');
    await start
      .getByTestId('questionnaire-template')
      .selectOption('cluster-management-self-assessment');
    await start.getByTestId('questionnaire-start').click();
    await openTab(anna.page, 'questionnaires');
    const form = anna.page.getByTestId('answer-form');
    await form.waitFor({ timeout: TIMEOUT });
    const first = form.locator('textarea').first();
    await first.fill('- tourism robotics');
    await first.blur();
    await audit(anna.page, 'questionnaire form (participant)');
    await page.getByTestId('q-tab-edit').click();
    await page.getByTestId('questionnaire-editor').waitFor({ timeout: TIMEOUT });
    await audit(page, 'questionnaire editor (facilitator)');
    await expect
      .poll(() => page.getByTestId('questionnaire-turnout').textContent(), { timeout: TIMEOUT })
      .toMatch(/^1 of/);
    await page.getByTestId('questionnaire-reveal').click();
    await page.getByTestId('questionnaire-reveal-confirm').click();
    await page.getByTestId('q-tab-side').click();
    await page.getByTestId('side-by-side').waitFor({ timeout: TIMEOUT });
    await audit(page, 'questionnaire side by side (facilitator)');
    await page.getByTestId('q-tab-results').click();
    await page.getByTestId('questionnaire-results').waitFor({ timeout: TIMEOUT });
    await audit(page, 'questionnaire results (facilitator)');
    await anna.page.getByTestId('q-tab-summaries').click();
    await anna.page.getByTestId('summaries').waitFor({ timeout: TIMEOUT });
    await audit(anna.page, 'questionnaire summaries (participant)');
  });

  it('the wall', async () => {
    const wall = await person({ width: 1600, height: 900 });
    await wall.page.goto(localLink(server, workshop.links.projector));
    await wall.page.getByTestId('wall').waitFor({ timeout: TIMEOUT });
    await audit(wall.page, 'wall');
  });

  it('the archive, a record and the comparison', async () => {
    const { page } = await person();
    await page.goto(`${server.url}/archive`);
    await page.getByTestId('organiser-gate').waitFor({ timeout: TIMEOUT });
    await audit(page, 'archive sign-in');
    await page.getByTestId('organiser-token-input').fill(ORGANISER);
    await page.getByTestId('organiser-token-submit').click();
    await page.getByTestId('archive-result').first().waitFor({ timeout: TIMEOUT });
    await audit(page, 'archive list');
    await page.getByTestId('archive-result-link').first().click();
    await page.getByTestId('record-view').waitFor({ timeout: TIMEOUT });
    await audit(page, 'record page');
    await page.goBack();
    await page.getByTestId('archive-result').first().waitFor({ timeout: TIMEOUT });
    for (const box of await page.getByTestId('archive-select').all()) await box.check();
    await page.getByTestId('archive-compare').click();
    await page.getByTestId('compare-region').first().waitFor({ timeout: TIMEOUT });
    await audit(page, 'compare page');
  });
});
