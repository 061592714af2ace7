/**
 * End to end, one EDW phase as a room runs it: a facilitator, two participants and the wall screen
 * in Chromium against the real server. The facilitator starts the phase (everyone is brought to its
 * board, the timer runs everywhere), runs a private-writing round (each person sees only their own
 * ideas; the wall shows how many are in; the reveal publishes them all at once without names), and
 * then a dot vote on the revealed capacities (secret until the reveal; the wall shows the results).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { hasChromium } from '../support/chromium';
import { newPerson, screenshot, type Person } from '../support/browser';
import { createWorkshop } from '../support/server';
import { joinWorkshop, localLink, TIMEOUT } from '../support/workshopPage';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';

async function writeIdea(page: Page, text: string): Promise<void> {
  const empty = page.locator('[data-testid="private-idea"]').last();
  if ((await empty.inputValue()) !== '') await page.getByTestId('private-add').click();
  const idea = page.locator('[data-testid="private-idea"]').last();
  await idea.click();
  await idea.pressSequentially(text);
}

async function waitSaved(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId('private-status').getAttribute('data-saved'), { timeout: TIMEOUT })
    .toBe('true');
}

describe.skipIf(!hasChromium)('an EDW phase: timer, private writing, dot vote', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: E2eEnvironment;
  let workshop: CreateWorkshopResponse;
  const people: Person[] = [];
  let fiona: Person;
  let anna: Person;
  let ben: Person;
  let wall: Person;

  beforeAll(async () => {
    env = await startE2e('edw-session');
    ({ server, browser } = env);
    workshop = await createWorkshop(server.url, 'Alpine health EDW', 'edw');
    const person = async (viewport?: { width: number; height: number }) => {
      const created = await newPerson(browser, viewport);
      people.push(created);
      return created;
    };
    fiona = await person();
    anna = await person();
    ben = await person({ width: 390, height: 844 }); // on a phone
    wall = await person({ width: 1600, height: 900 });
  });

  afterAll(async () => {
    await Promise.all(people.map((p) => p.context.close().catch(() => {})));
    await env?.close();
  });

  it('starts the phase: everyone on its board with the timer running', async () => {
    await joinWorkshop(fiona, localLink(server, workshop.links.facilitator), 'Fiona');
    await joinWorkshop(anna, localLink(server, workshop.links.participant), 'Anna');
    await joinWorkshop(ben, localLink(server, workshop.links.participant), 'Ben');
    await wall.page.goto(localLink(server, workshop.links.projector));
    await wall.page.getByTestId('wall').waitFor({ timeout: TIMEOUT });

    await fiona.page.getByTestId('agenda-button').click();
    const phase = fiona.page.locator(
      '[data-testid="agenda-phase"][data-phase-id="map-capacities"]',
    );
    await phase.getByTestId('agenda-start').click();
    await phase.getByTestId('agenda-end').waitFor({ timeout: TIMEOUT });
    await fiona.page.keyboard.press('Escape');
    for (const p of [anna, ben]) {
      await p.page.getByTestId('timer').waitFor({ timeout: TIMEOUT });
      await expect
        .poll(() => p.page.getByTestId('board-tab-capacity-map').getAttribute('aria-selected'), {
          timeout: TIMEOUT,
        })
        .toBe('true');
    }
    await wall.page.getByTestId('wall-timer').waitFor({ timeout: TIMEOUT });
  });

  it('runs a private-writing round that only the reveal makes public', async () => {
    await fiona.page.getByTestId('private-menu').click();
    await fiona.page.getByTestId('private-prompt-input').fill('What is our region strong in?');
    await fiona.page.getByTestId('private-start').click();
    await fiona.page.getByTestId('private-reveal').waitFor({ timeout: TIMEOUT });

    for (const p of [anna, ben]) {
      await p.page.getByTestId('private-panel').waitFor({ timeout: TIMEOUT });
      expect(await p.page.getByTestId('private-prompt').textContent()).toBe(
        'What is our region strong in?',
      );
    }
    await writeIdea(anna.page, 'Telemedicine start-ups');
    await anna.page.keyboard.press('Enter'); // the next idea
    await anna.page.keyboard.type('Mountain rescue training centre');
    await writeIdea(ben.page, 'Thermal spa clinics');
    await waitSaved(anna.page);
    await waitSaved(ben.page);

    // The counts reach the facilitator and the wall; the text reaches nobody else.
    await expect
      .poll(() => fiona.page.getByTestId('private-progress').textContent(), { timeout: TIMEOUT })
      .toBe('3 ideas from 2 people so far');
    await expect
      .poll(() => wall.page.getByTestId('private-wall-progress').textContent(), {
        timeout: TIMEOUT,
      })
      .toBe('3 ideas from 2 people so far');
    for (const p of [fiona, ben, wall]) {
      expect(await p.page.textContent('body')).not.toContain('Telemedicine');
    }
    expect(await anna.page.textContent('body')).not.toContain('Thermal spa');
    await screenshot(anna.page, 'edw-01-private-writing');
    await screenshot(ben.page, 'edw-02-private-writing-phone');
    await screenshot(wall.page, 'edw-03-wall-private-writing');

    // A reload keeps Anna's drafts (the server holds them).
    await anna.page.reload();
    await expect
      .poll(
        () =>
          anna.page
            .locator('[data-testid="private-idea"]')
            .evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value)),
        { timeout: TIMEOUT },
      )
      .toEqual(['Telemedicine start-ups', 'Mountain rescue training centre']);

    await fiona.page.getByTestId('private-show-authors').uncheck();
    await fiona.page.getByTestId('private-reveal').click();
    // Everyone is told at once (the notice goes by itself after a few seconds)…
    await Promise.all(
      [fiona, anna, ben, wall].map((p) =>
        p.page.getByTestId('private-revealed').waitFor({ timeout: TIMEOUT }),
      ),
    );
    // …and the ideas are on everyone's board.
    for (const p of [fiona, anna, ben, wall]) {
      for (const title of [
        'Telemedicine start-ups',
        'Mountain rescue training centre',
        'Thermal spa clinics',
      ]) {
        await p.page.getByText(title, { exact: true }).first().waitFor({ timeout: TIMEOUT });
      }
    }
    expect(await anna.page.getByTestId('private-panel').count()).toBe(0);
    // Authors were hidden: no card names Anna or Ben as its author.
    expect(
      await fiona.page.locator('[data-testid="capacity-card"]', { hasText: 'Anna' }).count(),
    ).toBe(0);
    await screenshot(wall.page, 'edw-04-wall-revealed');
  });

  it('runs a secret dot vote on the revealed capacities; the wall shows the results', async () => {
    const dialog = fiona.page.getByTestId('vote-dialog');
    await fiona.page.getByTestId('vote-menu').click();
    await fiona.page.getByTestId('vote-menu-start').click();
    await dialog.getByTestId('vote-source-board').check();
    await dialog.getByTestId('vote-select-all').click();
    expect(await dialog.getByTestId('vote-candidate').count()).toBe(3);
    await dialog.getByTestId('vote-title').fill('Which strengths matter most?');
    await dialog.getByTestId('vote-budget-input').fill('3');
    await dialog.getByTestId('vote-max-input').fill('2');
    await dialog.getByTestId('vote-start').click();
    await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });

    const give = async (page: Page, votes: [string, number][]) => {
      await page.getByTestId('vote-ballot-open').click({ timeout: TIMEOUT });
      const ballot = page.getByTestId('vote-ballot');
      for (const [title, dots] of votes) {
        const item = ballot.getByTestId('vote-ballot-item').filter({ hasText: title });
        for (let i = 0; i < dots; i++) await item.getByTestId('vote-plus').click();
        await expect
          .poll(() => item.getByTestId('vote-dots').getAttribute('data-mine'), { timeout: TIMEOUT })
          .toBe(String(dots));
      }
      await ballot.getByRole('button', { name: 'Done' }).click();
    };
    await give(anna.page, [
      ['Telemedicine start-ups', 2],
      ['Thermal spa clinics', 1],
    ]);
    await give(ben.page, [['Telemedicine start-ups', 1]]);
    // Secret until the reveal: no totals anywhere, not even for the facilitator or the wall.
    for (const p of [fiona, wall]) expect(await p.page.locator('[data-total]').count()).toBe(0);
    expect(await wall.page.getByTestId('wall-results').count()).toBe(0);

    await fiona.page.getByTestId('vote-close').click();
    await fiona.page.getByTestId('vote-reveal').click({ timeout: TIMEOUT });
    const results = wall.page.getByTestId('wall-results');
    await results.waitFor({ timeout: TIMEOUT });
    expect(await results.getByTestId('vote-results-summary').textContent()).toBe(
      '2 people voted · 3 dots each',
    );
    const first = results.getByTestId('vote-result').first();
    expect(await first.textContent()).toContain('Telemedicine start-ups');
    expect(await first.getAttribute('data-total')).toBe('3');
    await anna.page.getByTestId('vote-results-dialog').waitFor({ timeout: TIMEOUT });
    await screenshot(wall.page, 'edw-05-wall-vote-results');
  });

  it('logged no errors', () => {
    for (const p of people) expect(p.errors).toEqual([]);
  });
});
