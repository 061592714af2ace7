/**
 * End to end, an EDW's formative evaluation run anonymously (issue 12): the facilitator starts it
 * on the questionnaires board, two participants answer (one on a phone), the wall shows the results
 * live, and after the reveal nothing in the doc ties an answer to a person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import { listQuestionnaires, readResponses } from '../../shared/doc/questionnaires';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { hasChromium } from '../support/chromium';
import { newPerson, screenshot, type Person } from '../support/browser';
import { connectSynced, type TestClient } from '../support/clients';
import { createWorkshop, waitFor } from '../support/server';
import { joinWorkshop, localLink, openTab, TIMEOUT } from '../support/workshopPage';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';

describe.skipIf(!hasChromium)('an anonymous evaluation in an EDW', () => {
  let env: E2eEnvironment;
  let server: RunningServer;
  let browser: Browser;
  let workshop: CreateWorkshopResponse;
  let observer: TestClient;
  const people: Person[] = [];

  beforeAll(async () => {
    env = await startE2e('evaluation');
    ({ server, browser } = env);
    workshop = await createWorkshop(server.url, 'Styrian EDW', 'edw');
    observer = await connectSynced(server.url, workshop.id, workshop.tokens.projector);
  });

  afterAll(async () => {
    observer?.destroy();
    await Promise.all(people.map((p) => p.context.close().catch(() => {})));
    await env?.close();
  });

  async function person(viewport?: { width: number; height: number }): Promise<Person> {
    const created = await newPerson(browser, viewport);
    people.push(created);
    return created;
  }

  it('runs the evaluation anonymously, with live results on the wall and no names after', async () => {
    const fiona = await person();
    const anna = await person();
    const ben = await person({ width: 390, height: 844 });
    const wall = await person({ width: 1600, height: 900 });
    await joinWorkshop(fiona, localLink(server, workshop.links.facilitator), 'Fiona');
    await joinWorkshop(anna, localLink(server, workshop.links.participant), 'Anna Zweig');
    await joinWorkshop(ben, localLink(server, workshop.links.participant), 'Ben Ort');
    await wall.page.goto(localLink(server, workshop.links.projector));
    await wall.page.getByTestId('wall').waitFor({ timeout: TIMEOUT });

    await openTab(fiona.page, 'questionnaires');
    const start = fiona.page.getByTestId('start-questionnaire');
    expect(await start.getByTestId('questionnaire-template').inputValue()).toBe(
      'formative-evaluation',
    );
    // The evaluation is anonymous by default, and its results show live.
    expect(await start.getByTestId('questionnaire-anonymous').isChecked()).toBe(true);
    expect(await start.getByTestId('questionnaire-live').isChecked()).toBe(true);
    await start.getByTestId('questionnaire-start').click();
    await waitFor(() => listQuestionnaires(observer.doc).length === 1, 'the questionnaire');
    const questionnaireId = listQuestionnaires(observer.doc)[0]!.id;

    for (const [who, point] of [
      [anna, 'Very useful'],
      [ben, 'Slightly useful'],
    ] as const) {
      await openTab(who.page, 'questionnaires');
      const usefulness = who.page.getByTestId('question-usefulness-overall');
      await usefulness
        .getByRole('radio', { name: new RegExp(point) })
        .first()
        .check();
    }
    const take = anna.page.getByTestId('question-usefulness-take-away').locator('textarea');
    await take.fill('The capacity map showed what we have');
    await take.blur();
    // A ranking is not answered until the person keeps or changes the order.
    const ranking = ben.page.getByTestId('question-change-priorities');
    await ranking.getByRole('button', { name: /down/i }).first().click();

    await openTab(wall.page, 'questionnaires');
    const wallResults = wall.page.getByTestId('result-usefulness-overall');
    await expect.poll(() => wallResults.textContent(), { timeout: TIMEOUT }).toMatch(/2 answers/);
    await expect
      .poll(() => wall.page.getByTestId('result-usefulness-take-away').textContent(), {
        timeout: TIMEOUT,
      })
      .toContain('The capacity map showed what we have');
    expect(await wall.page.getByTestId('questionnaires-board').textContent()).not.toContain('Anna');
    await screenshot(wall.page, 'evaluation-01-wall-live');
    await screenshot(ben.page, 'evaluation-02-phone');

    await fiona.page.getByTestId('questionnaire-reveal').click();
    await fiona.page.getByTestId('questionnaire-reveal-confirm').click();
    await waitFor(() => readResponses(observer.doc, questionnaireId).length === 2, 'the answers');
    // Anonymous: respondent-1 and -2, no names, no identities, no side by side.
    expect(readResponses(observer.doc, questionnaireId).map((r) => r.respondentId)).toEqual([
      'respondent-1',
      'respondent-2',
    ]);
    const inDoc = JSON.stringify(observer.doc.getMap('questionnaires').toJSON());
    for (const name of ['Anna', 'Zweig', 'Ben Ort']) expect(inDoc).not.toContain(name);
    await fiona.page.getByTestId('questionnaire-results').waitFor({ timeout: TIMEOUT });
    expect(await fiona.page.getByTestId('q-tab-side').count()).toBe(0);
    await screenshot(fiona.page, 'evaluation-03-revealed');
  });
});
