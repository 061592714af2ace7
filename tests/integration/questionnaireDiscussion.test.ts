/**
 * After a questionnaire's reveal, with real socket.io and y-websocket clients (issue 12): a
 * manager revises only their own answers (the summaries), the coach's notes and the question under
 * discussion are the facilitator's, and all of it reaches the doc through the server. While a run
 * with live results is open, everyone receives its aggregate (never who answered); a run without
 * them (the self-assessment) sends none.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { RunningServer } from '../../server/app';
import type { QuestionnaireTurnout } from '../../shared/control/questionnaires';
import {
  COACH_NOTE_MAX,
  readCoachNotes,
  readFocus,
  revealedAt,
} from '../../shared/doc/questionnaireDiscussion';
import { readResponses } from '../../shared/doc/questionnaires';
import { connectSynced, type TestClient } from '../support/clients';
import { ask, connectControl, joinAs, type ControlClient } from '../support/controlClients';
import { createWorkshop, startTestServer, tempDataDir, waitFor } from '../support/server';

const servers: RunningServer[] = [];
const sockets: Socket[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});

const text = (value: string) => ({ type: 'long-text', value });

async function start(coach: ControlClient, payload: object): Promise<string> {
  const started = await ask<QuestionnaireTurnout>(coach, 'questionnaire:start', payload);
  if (!started.ok) throw new Error(started.error);
  return started.value.questionnaireId;
}

function lastTurnout(client: ControlClient, questionnaireId: string) {
  const events = client.seen.filter((e) => e.event === 'questionnaire:turnout');
  const runs = (events.at(-1)?.args[0] ?? []) as QuestionnaireTurnout[];
  return runs.find((r) => r.questionnaireId === questionnaireId);
}

describe('questionnaires after the reveal', () => {
  it('lets managers revise only their own answers, and the coach alone note and focus', async () => {
    const server = await startTestServer({ dataDir: tempDataDir() });
    servers.push(server);
    const w = await createWorkshop(server.url, 'Self-assessment Maribor', 'self-assessment');
    const observer = await connectSynced(server.url, w.id, w.tokens.participant);
    clients.push(observer);
    const anna = await joinAs(server.url, w, { name: 'Anna', helix: 'business' });
    const ben = await joinAs(server.url, w, { name: 'Ben', helix: 'business' });
    const carl = await joinAs(server.url, w, { name: 'Carl', helix: 'research' });
    const coach = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    const annaP = await connectControl(server.url, w.id, anna.identityToken, sockets);
    const benP = await connectControl(server.url, w.id, ben.identityToken, sockets);
    const carlP = await connectControl(server.url, w.id, carl.identityToken, sockets);
    const questionnaireId = await start(coach, {
      templateId: 'cluster-management-self-assessment',
      respondentIds: [anna.identityId, ben.identityId],
    });
    const revise = (who: ControlClient, questionId: string, answer: unknown) =>
      ask(who, 'questionnaire:revise', { questionnaireId, questionId, answer });

    // Before the reveal, answers go to the server's private store only.
    expect(await revise(annaP, 'key-issues', text('too early'))).toEqual({
      ok: false,
      error: 'answers are saved privately until the reveal',
    });
    await ask(annaP, 'questionnaire:save', {
      questionnaireId,
      answers: { 'a-sum-up': text('- members rarely meet') },
    });
    // The self-assessment shows no results while open.
    await waitFor(() => lastTurnout(coach, questionnaireId)?.answered === 1, 'the turnout');
    expect(lastTurnout(coach, questionnaireId)).toMatchObject({ liveResults: false });
    expect(lastTurnout(coach, questionnaireId)?.results).toBeUndefined();
    expect(await ask(coach, 'questionnaire:reveal', { questionnaireId })).toMatchObject({
      ok: true,
    });
    await waitFor(() => revealedAt(observer.doc, questionnaireId) !== undefined, 'revealedAt');

    // Anna writes her summary: in the doc under her identity, with her name, next to her sum-up.
    expect(await revise(annaP, 'key-issues', text('Members rarely meet the agency.'))).toEqual({
      ok: true,
      value: null,
    });
    // Ben, who answered nothing before the reveal, can still write his.
    expect(await revise(benP, 'solutions', text('A monthly matchmaking breakfast.'))).toEqual({
      ok: true,
      value: null,
    });
    await waitFor(() => readResponses(observer.doc, questionnaireId).length === 2, 'both');
    const byName = Object.fromEntries(
      readResponses(observer.doc, questionnaireId).map((r) => [r.name, r]),
    );
    expect(byName.Anna).toEqual({
      respondentId: anna.identityId,
      name: 'Anna',
      answers: {
        'a-sum-up': text('- members rarely meet'),
        'key-issues': text('Members rarely meet the agency.'),
      },
    });
    expect(byName.Ben?.respondentId).toBe(ben.identityId);

    // Refusals: not asked, a question that does not exist, an answer that does not fit, blank
    // text, anything hostile. Nothing of them reaches the doc.
    expect(await revise(carlP, 'key-issues', text('not mine'))).toEqual({
      ok: false,
      error: 'this questionnaire is not for you',
    });
    expect(await revise(annaP, 'nope', text('x'))).toMatchObject({ ok: false });
    expect(await revise(annaP, 'key-issues', { type: 'likert', value: 3 })).toMatchObject({
      ok: false,
      error: expect.stringContaining('key-issues'),
    });
    expect(await revise(annaP, 'key-issues', text('   '))).toMatchObject({ ok: false });
    for (const hostile of ['x', null, { questionnaireId }, { questionnaireId, questionId: 1 }]) {
      expect(await ask(annaP, 'questionnaire:revise', hostile)).toMatchObject({ ok: false });
    }
    // Clearing brings "not answered" back: no entry, not an empty text.
    expect(await revise(annaP, 'key-issues', null)).toMatchObject({ ok: true });
    await waitFor(
      () =>
        !readResponses(observer.doc, questionnaireId).some(
          (r) => r.name === 'Anna' && 'key-issues' in r.answers,
        ),
      'the cleared summary',
    );

    // The coach's notes and the question under discussion.
    const note = (who: ControlClient, questionId: string, t: string) =>
      ask(who, 'questionnaire:note', { questionnaireId, questionId, text: t });
    expect(await note(annaP, 'a-activities', 'sneaky')).toEqual({
      ok: false,
      error: 'only facilitators write coach notes',
    });
    expect(await note(coach, 'a-activities', 'Ask about firms')).toEqual({ ok: true, value: null });
    expect(await note(coach, 'nope', 'x')).toEqual({ ok: false, error: 'no question "nope"' });
    expect(await note(coach, 'a-stage', 'x'.repeat(COACH_NOTE_MAX + 1))).toMatchObject({
      ok: false,
    });
    await waitFor(
      () => readCoachNotes(observer.doc, questionnaireId)['a-activities'] === 'Ask about firms',
      'the note',
    );
    expect(await note(coach, 'a-activities', '  ')).toMatchObject({ ok: true });
    await waitFor(
      () => Object.keys(readCoachNotes(observer.doc, questionnaireId)).length === 0,
      'the removed note',
    );
    const focus = (who: ControlClient, questionId: string | null) =>
      ask(who, 'questionnaire:focus', { questionnaireId, questionId });
    expect(await focus(benP, 'a-stage')).toMatchObject({ ok: false });
    expect(await focus(coach, 'a-stage')).toEqual({ ok: true, value: null });
    await waitFor(() => readFocus(observer.doc, questionnaireId) === 'a-stage', 'the focus');
    expect(await focus(coach, null)).toMatchObject({ ok: true });
    await waitFor(() => readFocus(observer.doc, questionnaireId) === undefined, 'no focus');
  });

  it('shows an evaluation’s results live, anonymously, and keeps its answers unchangeable', async () => {
    const server = await startTestServer({ dataDir: tempDataDir() });
    servers.push(server);
    const w = await createWorkshop(server.url, 'EDW Carinthia', 'edw');
    const anna = await joinAs(server.url, w, { name: 'Anna Zweig', helix: 'business' });
    const ben = await joinAs(server.url, w, { name: 'Ben Ort', helix: 'research' });
    const facilitator = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    const annaP = await connectControl(server.url, w.id, anna.identityToken, sockets);
    const benP = await connectControl(server.url, w.id, ben.identityToken, sockets);
    const questionnaireId = await start(facilitator, { templateId: 'formative-evaluation' });
    const likert = (value: number) => ({ type: 'likert', value });
    for (const [who, value] of [
      [annaP, 4],
      [benP, 2],
    ] as const) {
      await ask(who, 'questionnaire:save', {
        questionnaireId,
        answers: { 'usefulness-overall': likert(value) },
      });
    }
    await waitFor(
      () => lastTurnout(benP, questionnaireId)?.results?.respondents === 2,
      'the live results',
    );
    const run = lastTurnout(benP, questionnaireId)!;
    expect(run).toMatchObject({ anonymous: true, liveResults: true, answered: 2 });
    expect(run.results?.questions.find((q) => q.questionId === 'usefulness-overall')).toEqual({
      questionId: 'usefulness-overall',
      type: 'likert',
      n: 2,
      distribution: [0, 1, 0, 1, 0],
      mean: 3,
    });
    // The results never say who: no names and no identities in anything Ben received.
    const received = JSON.stringify(benP.seen.filter((e) => e.event === 'questionnaire:turnout'));
    expect(received).not.toContain('Anna');
    expect(received).not.toContain(JSON.stringify(likert(4)));
    await ask(facilitator, 'questionnaire:reveal', { questionnaireId });
    expect(
      await ask(annaP, 'questionnaire:revise', {
        questionnaireId,
        questionId: 'usefulness-overall',
        answer: likert(5),
      }),
    ).toEqual({ ok: false, error: 'anonymous answers cannot be changed' });
  });
});
