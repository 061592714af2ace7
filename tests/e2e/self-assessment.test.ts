/**
 * End to end, the cluster-management self-assessment (issue 12) as the seed runs it: a coach
 * (facilitator) and two cluster managers in Chromium, the wall beside them. Each manager fills the
 * table alone: before the reveal neither can find the other's answers in their page, in the
 * traffic their browser receives, or in the Y.Doc (a real y-websocket client reads it). After the
 * reveal the answers stand side by side with the coach's notes, the wall shows the question under
 * discussion, and each manager writes their summaries with a live word count.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import { readCoachNotes, readFocus } from '../../shared/doc/questionnaireDiscussion';
import { listQuestionnaires, readResponses } from '../../shared/doc/questionnaires';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { hasChromium } from '../support/chromium';
import { newPerson, screenshot, SCREENSHOT_DIR, type Person } from '../support/browser';
import { connectSynced, type TestClient } from '../support/clients';
import { createWorkshop, waitFor } from '../support/server';
import { joinWorkshop, localLink, TIMEOUT } from '../support/workshopPage';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';

const MIA_SECRET = 'Mia-keeps-this-private-7741';
const NIK_SECRET = 'Nik-keeps-this-private-3308';
const FIRST_QUESTION = 'a-activities';

/** Everything a page's WebSocket connections receive (socket.io and y-websocket), as text. */
function recordTraffic(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) =>
      frames.push(typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8')),
    ),
  );
  return frames;
}

async function answerFirstQuestion(page: Page, text: string): Promise<void> {
  const question = page.getByTestId(`question-${FIRST_QUESTION}`);
  await question.locator('textarea').fill(text);
  await question.locator('textarea').blur();
  await expect
    .poll(() => page.getByTestId('answers-state').textContent(), { timeout: TIMEOUT })
    .toMatch(/^1 of \d+ questions answered/);
}

describe.skipIf(!hasChromium)('the cluster-management self-assessment', () => {
  let env: E2eEnvironment;
  let server: RunningServer;
  let browser: Browser;
  let workshop: CreateWorkshopResponse;
  let observer: TestClient;
  const people: Person[] = [];
  let coach: Person;
  let mia: Person;
  let nik: Person;
  let wall: Person;
  let miaTraffic: string[] = [];
  let coachTraffic: string[] = [];
  let questionnaireId = '';

  beforeAll(async () => {
    env = await startE2e('self-assessment');
    ({ server, browser } = env);
    workshop = await createWorkshop(server.url, 'Cluster managers of Ljubljana', 'self-assessment');
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

  it('lets the coach start the self-assessment for the managers who joined', async () => {
    coach = await person();
    mia = await person();
    nik = await person({ width: 390, height: 844 });
    wall = await person({ width: 1600, height: 900 });
    // Everything their browsers receive from the start, the join included.
    coachTraffic = recordTraffic(coach.page);
    miaTraffic = recordTraffic(mia.page);
    await joinWorkshop(coach, localLink(server, workshop.links.facilitator), 'Carla');
    await joinWorkshop(mia, localLink(server, workshop.links.participant), 'Mia');
    await joinWorkshop(nik, localLink(server, workshop.links.participant), 'Nik');
    await wall.page.goto(localLink(server, workshop.links.projector));
    await wall.page.getByTestId('wall').waitFor({ timeout: TIMEOUT });
    // The questionnaires board is the self-assessment's first board; nothing runs yet.
    await mia.page.getByTestId('no-questionnaire').waitFor({ timeout: TIMEOUT });
    const start = coach.page.getByTestId('start-questionnaire');
    await start.waitFor({ timeout: TIMEOUT });
    // The self-assessment is preselected, named, and shows nothing before the reveal.
    expect(await start.getByTestId('questionnaire-anonymous').isChecked()).toBe(false);
    expect(await start.getByTestId('questionnaire-live').isChecked()).toBe(false);
    await screenshot(coach.page, 'self-assessment-01-start');
    await start.getByTestId('questionnaire-start').click();
    await expect
      .poll(() => coach.page.getByTestId('questionnaire-turnout').textContent(), {
        timeout: TIMEOUT,
      })
      .toMatch(/^0 of 2 people have answered/);
    await waitFor(
      () => listQuestionnaires(observer.doc).length === 1,
      'the questionnaire in the doc',
    );
    questionnaireId = listQuestionnaires(observer.doc)[0]!.id;

    // The coach adapts the workshop's copy: a question of their own in dimension A.
    await coach.page.getByTestId('q-tab-edit').click();
    const editor = coach.page.getByTestId('questionnaire-editor');
    await editor.getByTestId('edit-new-question').first().fill('Which city partners matter most?');
    await editor.getByTestId('edit-add').first().click();
    await waitFor(
      () => listQuestionnaires(observer.doc)[0]?.version === 2,
      'the adapted questionnaire',
    );
    await expect
      .poll(() => mia.page.getByTestId('question-own-1').textContent(), { timeout: TIMEOUT })
      .toContain('Which city partners matter most?');
    await coach.page.getByTestId('q-tab-waiting').click();
  });

  it('keeps each manager’s answers private until the reveal: page, traffic and doc', async () => {
    await mia.page.getByTestId('answer-form').waitFor({ timeout: TIMEOUT });
    await nik.page.getByTestId('answer-form').waitFor({ timeout: TIMEOUT });
    await answerFirstQuestion(mia.page, `- ${MIA_SECRET}\n- two universities`);
    await answerFirstQuestion(nik.page, `- ${NIK_SECRET}`);
    // A sum-up with a hint: Mia sums up dimension A.
    const sumUp = mia.page.getByTestId('question-a-sum-up').locator('textarea');
    await sumUp.fill('Strong members, weak links to the region');
    await sumUp.blur();
    await expect
      .poll(() => coach.page.getByTestId('questionnaire-turnout').textContent(), {
        timeout: TIMEOUT,
      })
      .toMatch(/^2 of 2 people have answered/);
    await screenshot(mia.page, 'self-assessment-02-mia-filling');
    await screenshot(coach.page, 'self-assessment-03-coach-waiting');

    // Reloaded, Mia's answers come back from the server.
    await mia.page.reload();
    await expect
      .poll(
        () => mia.page.getByTestId(`question-${FIRST_QUESTION}`).locator('textarea').inputValue(),
        {
          timeout: TIMEOUT,
        },
      )
      .toContain(MIA_SECRET);

    const pageText = async (page: Page) => page.content();
    expect(await pageText(nik.page)).not.toContain(MIA_SECRET);
    expect(await pageText(mia.page)).not.toContain(NIK_SECRET);
    expect(await pageText(coach.page)).not.toContain(MIA_SECRET);
    expect(await pageText(coach.page)).not.toContain(NIK_SECRET);
    expect(await pageText(wall.page)).not.toContain(MIA_SECRET);
    // The recorders work: Mia's own answers came back to her (the save's acknowledgement).
    expect(miaTraffic.join('\n')).toContain(MIA_SECRET);
    expect(miaTraffic.join('\n')).not.toContain(NIK_SECRET);
    expect(coachTraffic.join('\n')).not.toContain(MIA_SECRET);
    expect(coachTraffic.join('\n')).not.toContain(NIK_SECRET);
    const docJson = JSON.stringify(observer.doc.getMap('questionnaires').toJSON());
    expect(docJson).not.toContain(MIA_SECRET);
    expect(docJson).not.toContain(NIK_SECRET);
    expect(readResponses(observer.doc, questionnaireId)).toEqual([]);
  });

  it('reveals the answers side by side, with the coach’s notes and the question on the wall', async () => {
    await coach.page.getByTestId('questionnaire-reveal').click();
    await coach.page.getByTestId('questionnaire-reveal-confirm').click();
    const side = coach.page.getByTestId('side-by-side');
    await side.waitFor({ timeout: TIMEOUT });
    await expect
      .poll(() => side.getByTestId('side-by-side-column').allTextContents(), { timeout: TIMEOUT })
      .toEqual(expect.arrayContaining(['Mia', 'Nik']));
    const row = side.getByTestId(`side-row-${FIRST_QUESTION}`);
    await expect.poll(() => row.textContent(), { timeout: TIMEOUT }).toContain(MIA_SECRET);
    expect(await row.textContent()).toContain(NIK_SECRET);
    // Nik, too, now sees Mia's answer.
    await expect
      .poll(() => nik.page.getByTestId('side-by-side').textContent(), { timeout: TIMEOUT })
      .toContain(MIA_SECRET);

    // The coach notes something and brings the first question to the wall.
    const note = coach.page.getByTestId(`coach-note-${FIRST_QUESTION}`);
    await note.fill('Both name universities first: ask about firms');
    await note.blur();
    await coach.page.getByTestId('discussion-next').click();
    await waitFor(
      () => readFocus(observer.doc, questionnaireId) === FIRST_QUESTION,
      'the question under discussion in the doc',
    );
    await waitFor(
      () => !!readCoachNotes(observer.doc, questionnaireId)[FIRST_QUESTION],
      'the coach note in the doc',
    );
    const wallRows = wall.page.locator('[data-testid^="side-row-"]');
    await expect.poll(() => wallRows.count(), { timeout: TIMEOUT }).toBe(1);
    expect(await wallRows.first().getAttribute('data-testid')).toBe(`side-row-${FIRST_QUESTION}`);
    expect(await wall.page.getByTestId('side-by-side').textContent()).toContain('ask about firms');
    await screenshot(coach.page, 'self-assessment-04-side-by-side');
    await screenshot(wall.page, 'self-assessment-05-wall');
  });

  it('lets each manager write their summaries with a live word count, beside their sum-ups', async () => {
    await mia.page.getByTestId('q-tab-summaries').click();
    const mine = mia.page.getByTestId('manager-summary').first();
    await mine.waitFor({ timeout: TIMEOUT });
    // Her A sum-up stands beside the texts she writes.
    expect(await mine.textContent()).toContain('Strong members, weak links to the region');
    const keyIssues = mine.getByTestId('question-key-issues').locator('textarea');
    const text = 'Our members rarely meet the regional development agency. '.repeat(5).trim();
    await keyIssues.fill(text);
    // The count follows typing, before anything is saved.
    await expect
      .poll(() => mine.getByTestId('question-key-issues').getByTestId('word-count').textContent())
      .toBe('40 words of about 500');
    await keyIssues.blur();
    await waitFor(
      () =>
        readResponses(observer.doc, questionnaireId).some(
          (r) => r.name === 'Mia' && r.answers['key-issues']?.value === text,
        ),
      'Mia’s summary in the doc',
    );
    // Nik reads it (not editable for him), with its count.
    await nik.page.getByTestId('q-tab-summaries').click();
    const hers = nik.page.getByTestId('manager-summary').filter({ hasText: 'Mia' });
    await expect.poll(() => hers.textContent(), { timeout: TIMEOUT }).toContain(text);
    expect(await hers.locator('textarea').count()).toBe(0);
    await screenshot(mia.page, 'self-assessment-06-summaries');
  });

  it('archives the run: the export holds every answer, both summaries and the coach’s note', async () => {
    // Nik writes the other summary, so the export has both.
    await nik.page.getByTestId('q-tab-summaries').click();
    const his = nik.page.getByTestId('manager-summary').first();
    const solutions = 'A shared matchmaking desk with the regional agency.';
    await his.getByTestId('question-solutions').locator('textarea').fill(solutions);
    await his.getByTestId('question-solutions').locator('textarea').blur();
    await waitFor(
      () =>
        readResponses(observer.doc, questionnaireId).some(
          (r) => r.answers.solutions?.value === solutions,
        ),
      'Nik’s summary in the doc',
    );
    await coach.page.getByTestId('record-menu-button').click();
    await coach.page.getByTestId('record-menu-archive').click();
    await coach.page.getByTestId('archive-confirm').waitFor({ timeout: TIMEOUT });
    await coach.page.getByTestId('archive-confirm-button').click();
    await mia.page.getByTestId('archived-banner').waitFor({ timeout: TIMEOUT });
    const exported = async (format: string) => {
      const res = await fetch(
        `${server.url}/api/workshops/${workshop.id}/export?format=${format}`,
        {
          headers: { authorization: `Bearer ${workshop.tokens.facilitator}` },
        },
      );
      expect(res.status).toBe(200);
      if (format !== 'csv') return res.text();
      // CSV comes as a ZIP of one file per table.
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      return Object.values(files)
        .map((bytes) => strFromU8(bytes))
        .join('\n');
    };
    const keyIssues = 'Our members rarely meet the regional development agency.';
    for (const format of ['json', 'md', 'html', 'csv']) {
      const text = await exported(format);
      for (const expected of [MIA_SECRET, NIK_SECRET, keyIssues, solutions, 'ask about firms']) {
        expect(text, `${format} holds “${expected}”`).toContain(expected);
      }
    }
    // Kept beside the screenshots, to read the run's outcome as an organiser would.
    fs.writeFileSync(path.join(SCREENSHOT_DIR, 'self-assessment-export.md'), await exported('md'));
    const record = JSON.parse(await exported('json')) as { questionnaires: unknown[] };
    expect(record.questionnaires).toHaveLength(1);
    await screenshot(coach.page, 'self-assessment-07-archived');
  });
});
