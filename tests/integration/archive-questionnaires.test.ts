/**
 * Questionnaires in the archive against the real server (issue 12): a coach runs the
 * self-assessment with two managers and an anonymous evaluation over socket.io, reveals both and
 * archives. The stored record holds both (the evaluation without names or identities), an
 * organiser finds the record by the text of an answer, and the exports contain every answer.
 */
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { RunningServer } from '../../server/app';
import type { QuestionnaireTurnout } from '../../shared/control/questionnaires';
import { randomId } from '../../shared/ids';
import type { RecordSearchResult } from '../../shared/record/api';
import { recordQuestionnaires, type WorkshopRecord } from '../../shared/record/schema';
import { ask, connectControl, joinAs, type ControlClient } from '../support/controlClients';
import { pdfText } from '../support/pdfText';
import { createWorkshop, startTestServer, tempDataDir } from '../support/server';

const ORGANISER = randomId(32);
const servers: RunningServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const s of servers.splice(0)) await s.close();
});

const bullets = (value: string) => ({ type: 'long-text', value });

function get(server: RunningServer, path: string, token: string) {
  return fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

async function run(
  coach: ControlClient,
  start: object,
  answers: [ControlClient, Record<string, unknown>][],
): Promise<string> {
  const started = await ask<QuestionnaireTurnout>(coach, 'questionnaire:start', start);
  if (!started.ok) throw new Error(started.error);
  const questionnaireId = started.value.questionnaireId;
  for (const [who, given] of answers) {
    const saved = await ask(who, 'questionnaire:save', { questionnaireId, answers: given });
    expect(saved).toMatchObject({ ok: true });
  }
  expect(await ask(coach, 'questionnaire:reveal', { questionnaireId })).toMatchObject({ ok: true });
  return questionnaireId;
}

describe('questionnaires in the archive', () => {
  it('archives them, finds the record by an answer’s text, exports every answer, names no anonymous respondent', async () => {
    const server = await startTestServer({ dataDir: tempDataDir(), organiserToken: ORGANISER });
    servers.push(server);
    const w = await createWorkshop(server.url, 'Self-assessment Ljubljana', 'self-assessment');
    const marta = await joinAs(server.url, w, {
      name: 'Marta Kovač',
      helix: 'cluster',
      consentToNames: true,
    });
    const luka = await joinAs(server.url, w, {
      name: 'Luka Novak',
      helix: 'cluster',
      consentToNames: true,
    });
    const coach = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    const martaP = await connectControl(server.url, w.id, marta.identityToken, sockets);
    const lukaP = await connectControl(server.url, w.id, luka.identityToken, sockets);

    await run(
      coach,
      {
        templateId: 'cluster-management-self-assessment',
        respondentIds: [marta.identityId, luka.identityId],
      },
      [
        [
          martaP,
          {
            'a-activities': bullets('- funicularfirms and cable cars'),
            'key-issues': bullets('Permits take years: bottleneckword.'),
            solutions: bullets('One desk for permits: solutionword.'),
          },
        ],
        [lukaP, { 'a-activities': bullets('- woodbuildersword') }],
      ],
    );
    await run(coach, { templateId: 'formative-evaluation', anonymous: true }, [
      [martaP, { 'change-what': bullets('anonymousfeedbackword please') }],
      [lukaP, { 'usefulness-overall': { type: 'likert', value: 5 } }],
    ]);

    const archived = await fetch(`${server.url}/api/workshops/${w.id}/archive`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${w.tokens.facilitator}`,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(archived.status).toBe(201);

    const record = (await (
      await get(server, `/api/workshops/${w.id}/record`, ORGANISER)
    ).json()) as WorkshopRecord;
    expect(record.schemaVersion).toBe(2);
    const [selfAssessment, evaluation] = recordQuestionnaires(record);
    expect(selfAssessment!.responses.map((r) => r.name).sort()).toEqual([
      'Luka Novak',
      'Marta Kovač',
    ]);
    expect(selfAssessment!.selfAssessment).toHaveLength(2);
    expect(evaluation!.definition.anonymous).toBe(true);
    const anonymous = JSON.stringify(evaluation);
    for (const secret of ['Marta', 'Luka', marta.identityId, luka.identityId]) {
      expect(anonymous).not.toContain(secret);
    }

    const search = async (q: string) => {
      const res = await get(server, `/api/records?q=${encodeURIComponent(q)}`, ORGANISER);
      expect(res.status).toBe(200);
      return ((await res.json()) as RecordSearchResult).items.map((i) => i.workshopId);
    };
    expect(await search('funicularfirms')).toEqual([w.id]);
    expect(await search('BottleneckWord')).toEqual([w.id]);
    expect(await search('anonymousfeedbackword')).toEqual([w.id]);
    expect(await search('funicularfirms nowhereword')).toEqual([]);

    const words = [
      'funicularfirms',
      'bottleneckword',
      'solutionword',
      'woodbuildersword',
      'anonymousfeedbackword',
    ];
    const html = await (
      await get(server, `/api/workshops/${w.id}/export?format=html`, ORGANISER)
    ).text();
    const zip = await (
      await get(server, `/api/workshops/${w.id}/export?format=csv`, ORGANISER)
    ).arrayBuffer();
    const csv = Object.values(unzipSync(new Uint8Array(zip)))
      .map((bytes) => new TextDecoder().decode(bytes))
      .join('\n');
    for (const text of [html, csv]) {
      for (const word of words) expect(text).toContain(word);
    }
    expect(html).toContain('id="self-assessment"');

    // The PDF is the report printed by Chromium: every answer and the summaries' word counts.
    const pdf = await get(server, `/api/workshops/${w.id}/export?format=pdf`, ORGANISER);
    expect(pdf.status).toBe(200);
    // NFKC: the printed text has ligatures ("ﬁ" for "fi").
    const printed = pdfText(Buffer.from(await pdf.arrayBuffer()))
      .normalize('NFKC')
      .replace(/\s+/g, '');
    for (const word of words) expect(printed).toContain(word);
    expect(printed).toContain('4words(targetabout500words)');
    for (const secret of ['Marta', 'Luka']) {
      // Named in the self-assessment, never beside the anonymous evaluation's answer.
      expect(printed.split('Workshopevaluation').at(-1)).not.toContain(secret);
    }
  });
});
