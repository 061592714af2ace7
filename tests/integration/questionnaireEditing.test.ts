/**
 * A facilitator adapts a running questionnaire, with real socket.io and y-websocket clients
 * (issue 12): questions added reach everyone's form and take answers; rewording an answered
 * question asks whether its meaning stayed; while answers are held, nothing that would drop one is
 * allowed; after the reveal, removing an answered question sets its answers aside in the doc,
 * never deletes them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { RunningServer } from '../../server/app';
import type { AdaptResult, QuestionnaireTurnout } from '../../shared/control/questionnaires';
import { getQuestionnaire, readResponses } from '../../shared/doc/questionnaires';
import { findQuestion } from '../../shared/questionnaire/schema';
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

describe('adapting a questionnaire', () => {
  it('adds, rewords and removes questions without ever losing an answer', async () => {
    const server = await startTestServer({ dataDir: tempDataDir() });
    servers.push(server);
    const w = await createWorkshop(server.url, 'Self-assessment Graz', 'self-assessment');
    const observer = await connectSynced(server.url, w.id, w.tokens.participant);
    clients.push(observer);
    const anna = await joinAs(server.url, w, { name: 'Anna', helix: 'business' });
    const coach = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    const annaP = await connectControl(server.url, w.id, anna.identityToken, sockets);
    const started = await ask<QuestionnaireTurnout>(coach, 'questionnaire:start', {
      templateId: 'cluster-management-self-assessment',
    });
    const questionnaireId = started.ok ? started.value.questionnaireId : '';
    const adapt = (who: ControlClient, edit: object) =>
      ask<AdaptResult>(who, 'questionnaire:adapt', { questionnaireId, edit });
    const definition = () => getQuestionnaire(observer.doc, questionnaireId);

    expect(await adapt(annaP, { op: 'remove', questionId: 'a-stage' })).toEqual({
      ok: false,
      error: 'only facilitators adapt a questionnaire',
    });
    for (const hostile of [
      { op: 'explode' },
      { op: 'remove' },
      { op: 'add', sectionId: 'a-cluster', text: ' ', answer: { type: 'long-text' } },
      { op: 'add', sectionId: 'nope', text: 'Where?', answer: { type: 'long-text' } },
      { op: 'add', sectionId: 'a-cluster', text: 'Scale?', answer: { type: 'likert' } },
      { op: 'reword', questionId: 'a-stage', text: 'x', extra: 1 },
    ]) {
      expect(await adapt(coach, hostile)).toMatchObject({ ok: false });
    }
    expect(definition()?.version).toBe(1);

    // An added question reaches the doc (a higher version) and takes answers at once.
    const added = await adapt(coach, {
      op: 'add',
      sectionId: 'a-cluster',
      text: 'Which city partners matter most?',
      answer: { type: 'short-text' },
    });
    expect(added).toEqual({ ok: true, value: { version: 2, orphaned: 0, questionId: 'own-1' } });
    await waitFor(() => definition()?.version === 2, 'the adapted questionnaire');
    expect(findQuestion(definition()!, 'own-1')?.text).toBe('Which city partners matter most?');
    expect(
      await ask(annaP, 'questionnaire:save', {
        questionnaireId,
        answers: {
          'own-1': { type: 'short-text', value: 'The university hospital' },
          'a-stage': text('- maturity'),
        },
      }),
    ).toMatchObject({ ok: true });

    // Rewording what Anna answered: the meaning must be said; while held, only "the same".
    const reword = { op: 'reword', questionId: 'a-stage', text: 'Which development stage?' };
    expect(await adapt(coach, reword)).toMatchObject({ ok: false, code: 'needs-decision' });
    expect(await adapt(coach, { ...reword, meaning: 'changed' })).toMatchObject({ ok: false });
    expect(await adapt(coach, { op: 'remove', questionId: 'a-stage' })).toMatchObject({
      ok: false,
    });
    expect(await adapt(coach, { ...reword, meaning: 'same' })).toMatchObject({
      ok: true,
      value: { orphaned: 0 },
    });
    // Moving keeps everything; an unanswered question can go while the run is open.
    expect(
      await adapt(coach, { op: 'move', questionId: 'own-1', sectionId: 'a-cluster', index: 0 }),
    ).toMatchObject({ ok: true });
    expect(await adapt(coach, { op: 'remove', questionId: 'a-reach' })).toMatchObject({
      ok: true,
      value: { orphaned: 0 },
    });
    await waitFor(() => definition()?.version === 5, 'three more edits');
    expect(definition()!.sections[0]!.questions[0]!.id).toBe('own-1');
    expect(findQuestion(definition()!, 'a-reach')).toBeUndefined();

    // At the reveal every held answer fits its question: nothing refused.
    expect(await ask(coach, 'questionnaire:reveal', { questionnaireId })).toEqual({
      ok: true,
      value: { written: 2, refused: [] },
    });
    // After it, removing an answered question sets its answer aside: still in the doc.
    expect(await adapt(coach, { op: 'remove', questionId: 'a-stage' })).toEqual({
      ok: true,
      value: { version: 6, orphaned: 1 },
    });
    await waitFor(() => definition()?.version === 6, 'the removal');
    expect(readResponses(observer.doc, questionnaireId)[0]?.answers['a-stage']).toEqual(
      text('- maturity'),
    );
  });
});
