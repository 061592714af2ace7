/**
 * Questionnaires with real socket.io and y-websocket clients (issue 12): answers are held by the
 * server and seen by their author only (never by another client, over socket.io or in the doc)
 * until the facilitator reveals; then they are in the doc, named, or anonymised with no names.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { RunningServer } from '../../server/app';
import type { MyAnswers, QuestionnaireTurnout } from '../../shared/control/questionnaires';
import { getQuestionnaire, readResponses } from '../../shared/doc/questionnaires';
import { readWorkshopLanguage, setWorkshopLanguage } from '../../shared/doc/regions';
import { connectSynced, type TestClient } from '../support/clients';
import { ask, connectControl, joinAs } from '../support/controlClients';
import { createWorkshop, startTestServer, tempDataDir, waitFor } from '../support/server';

const servers: RunningServer[] = [];
const sockets: Socket[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});

const bullets = (text: string) => ({ type: 'long-text', value: text });

describe('questionnaires', () => {
  it('holds each manager’s answers privately until the reveal, then writes them named', async () => {
    const server = await startTestServer({ dataDir: tempDataDir() });
    servers.push(server);
    const w = await createWorkshop(server.url, 'Self-assessment Tyrol', 'self-assessment');
    const observer = await connectSynced(server.url, w.id, w.tokens.participant);
    clients.push(observer);
    const anna = await joinAs(server.url, w, { name: 'Anna', helix: 'business' });
    const ben = await joinAs(server.url, w, { name: 'Ben', helix: 'business' });
    const carl = await joinAs(server.url, w, { name: 'Carl', helix: 'research' });
    const coach = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    const annaP = await connectControl(server.url, w.id, anna.identityToken, sockets);
    const benP = await connectControl(server.url, w.id, ben.identityToken, sockets);
    const carlP = await connectControl(server.url, w.id, carl.identityToken, sockets);

    const selfAssessment = {
      templateId: 'cluster-management-self-assessment',
      respondentIds: [anna.identityId, ben.identityId],
    };
    expect(await ask(annaP, 'questionnaire:start', selfAssessment)).toEqual({
      ok: false,
      error: 'only facilitators can start a questionnaire',
    });
    for (const hostile of [
      'garbage',
      null,
      { templateId: 'no-such-template' },
      { ...selfAssessment, extra: 1 },
      { ...selfAssessment, respondentIds: ['nobody'] },
    ]) {
      expect(await ask(coach, 'questionnaire:start', hostile)).toMatchObject({ ok: false });
    }
    const started = await ask<QuestionnaireTurnout>(coach, 'questionnaire:start', selfAssessment);
    expect(started).toMatchObject({
      ok: true,
      value: { status: 'open', anonymous: false, answered: 0 },
    });
    const questionnaireId = started.ok ? started.value.questionnaireId : '';
    // The questionnaire (not the answers) is in the doc for everyone's panel.
    await waitFor(() => !!getQuestionnaire(observer.doc, questionnaireId), 'the questionnaire');

    const save = (who: typeof annaP, answers: object) =>
      ask<MyAnswers>(who, 'questionnaire:save', { questionnaireId, answers });
    // A partial save is kept; a later save changes only the questions it sends.
    expect(await save(annaP, { 'a-activities': bullets('- tourism robotics') })).toMatchObject({
      ok: true,
    });
    expect(await save(annaP, { 'b-vision': bullets('- alpine green hydrogen') })).toEqual({
      ok: true,
      value: {
        questionnaireId,
        answers: {
          'a-activities': bullets('- tourism robotics'),
          'b-vision': bullets('- alpine green hydrogen'),
        },
      },
    });
    // Answers that do not fit are refused, saying why; nothing of that save is kept.
    expect(
      await save(annaP, { 'a-players': bullets('- x'), 'a-stage': { type: 'likert', value: 9 } }),
    ).toMatchObject({ ok: false, error: expect.stringContaining('a-stage') });
    expect(await save(annaP, { 'no-such-question': bullets('x') })).toEqual({
      ok: false,
      error: 'no question "no-such-question"',
    });
    expect(await save(annaP, { 'a-players': bullets('   ') })).toMatchObject({ ok: false });
    expect(await ask(annaP, 'questionnaire:save', 'garbage')).toMatchObject({ ok: false });
    expect(await save(carlP, { 'a-activities': bullets('- not asked') })).toEqual({
      ok: false,
      error: 'this questionnaire is not for you',
    });
    expect(await save(benP, { 'a-activities': bullets('- wood construction') })).toMatchObject({
      ok: true,
    });
    expect(await ask<MyAnswers>(annaP, 'questionnaire:mine', { questionnaireId })).toMatchObject({
      ok: true,
      value: { answers: { 'b-vision': bullets('- alpine green hydrogen') } },
    });
    expect(await ask(annaP, 'questionnaire:reveal', { questionnaireId })).toMatchObject({
      ok: false,
    });

    // Everyone learns how many answered, nobody another's answers: not over socket.io, not in the doc.
    await waitFor(
      () =>
        coach.seen.some(
          (e) =>
            e.event === 'questionnaire:turnout' &&
            (e.args[0] as QuestionnaireTurnout[])[0]?.answered === 2,
        ),
      'the turnout',
    );
    for (const person of [coach, benP, carlP]) {
      expect(JSON.stringify(person.seen)).not.toContain('hydrogen');
    }
    expect(JSON.stringify(annaP.seen)).not.toContain('wood construction');
    expect(readResponses(observer.doc, questionnaireId)).toEqual([]);

    const revealed = await ask(coach, 'questionnaire:reveal', { questionnaireId });
    expect(revealed).toEqual({ ok: true, value: { written: 3, refused: [] } });
    await waitFor(() => readResponses(observer.doc, questionnaireId).length === 2, 'the answers');
    expect(readResponses(observer.doc, questionnaireId)).toEqual(
      [
        {
          respondentId: anna.identityId,
          name: 'Anna',
          answers: {
            'a-activities': bullets('- tourism robotics'),
            'b-vision': bullets('- alpine green hydrogen'),
          },
        },
        {
          respondentId: ben.identityId,
          name: 'Ben',
          answers: { 'a-activities': bullets('- wood construction') },
        },
      ].sort((a, b) => (a.respondentId < b.respondentId ? -1 : 1)),
    );
    expect(await save(annaP, { 'a-players': bullets('- late') })).toEqual({
      ok: false,
      error: 'that questionnaire is not open',
    });
  });

  it('reveals an anonymous evaluation with no names or identities in the doc', async () => {
    const server = await startTestServer({ dataDir: tempDataDir() });
    servers.push(server);
    const w = await createWorkshop(server.url, 'EDW Tyrol', 'edw');
    const observer = await connectSynced(server.url, w.id, w.tokens.participant);
    clients.push(observer);
    const anna = await joinAs(server.url, w, { name: 'Anna Zweig', helix: 'business' });
    const facilitator = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    const annaP = await connectControl(server.url, w.id, anna.identityToken, sockets);
    const started = await ask<QuestionnaireTurnout>(facilitator, 'questionnaire:start', {
      templateId: 'formative-evaluation',
    });
    expect(started).toMatchObject({ ok: true, value: { anonymous: true } });
    const questionnaireId = started.ok ? started.value.questionnaireId : '';
    expect(
      await ask(annaP, 'questionnaire:save', {
        questionnaireId,
        answers: { 'usefulness-overall': { type: 'likert', value: 4 } },
      }),
    ).toMatchObject({ ok: true });
    expect(await ask(facilitator, 'questionnaire:reveal', { questionnaireId })).toMatchObject({
      ok: true,
      value: { written: 1 },
    });
    await waitFor(() => readResponses(observer.doc, questionnaireId).length === 1, 'the answer');
    expect(readResponses(observer.doc, questionnaireId)).toEqual([
      {
        respondentId: 'respondent-1',
        answers: { 'usefulness-overall': { type: 'likert', value: 4 } },
      },
    ]);
    const inDoc = JSON.stringify(observer.doc.getMap('questionnaires').toJSON());
    expect(inDoc).not.toContain('Anna');
    expect(inDoc).not.toContain(anna.identityId);
  });

  it('gives a German workshop the German questions', async () => {
    const server = await startTestServer({ dataDir: tempDataDir() });
    servers.push(server);
    const w = await createWorkshop(server.url, 'EDW Steiermark', 'edw');
    const host = await connectSynced(server.url, w.id, w.tokens.facilitator);
    clients.push(host);
    setWorkshopLanguage(host.doc, 'de');
    const room = await server.rooms.acquire(w.id);
    await waitFor(() => readWorkshopLanguage(room.doc) === 'de', 'the language on the server');
    const facilitator = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    const started = await ask<QuestionnaireTurnout>(facilitator, 'questionnaire:start', {
      templateId: 'formative-evaluation',
    });
    const questionnaireId = started.ok ? started.value.questionnaireId : '';
    await waitFor(() => !!getQuestionnaire(host.doc, questionnaireId), 'the questionnaire');
    const copy = getQuestionnaire(host.doc, questionnaireId)!;
    expect(copy.language).toBe('de');
    // The same ids as the English template, so answers and records compare across languages.
    expect(copy.sections.map((s) => s.id)).toEqual(['usefulness', 'results', 'process', 'change']);
    expect(copy.title).not.toBe('Workshop evaluation');
  });
});
