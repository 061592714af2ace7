/** Questionnaires and revealed answers in the workshop Y.Doc: writes validate, peers converge. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addQuestionnaire,
  ensureRespondent,
  getQuestionnaire,
  listQuestionnaires,
  QUESTIONNAIRES_ROOT,
  questionnairesMap,
  readAggregate,
  readResponses,
  setAnswer,
  updateQuestionnaire,
  writeRevealedAnswers,
} from '../../shared/doc/questionnaires';
import { createCard, initWorkshopDoc, listCards } from '../../shared/doc';
import { updateFootprint } from '../../shared/doc/boardsTouched';
import { copyTemplate, orphanedAnswers, rewordQuestion } from '../../shared/questionnaire/adapt';
import { questionnaireTemplate } from '../../shared/questionnaire/shipped';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const selfAssessment = () =>
  copyTemplate(questionnaireTemplate('cluster-management-self-assessment'), { id: 'sa-lj' });
const evaluation = () =>
  copyTemplate(questionnaireTemplate('formative-evaluation'), { id: 'eval-lj' });

describe('questionnaires in the doc', () => {
  it('adds, reads and lists questionnaires under their own root, leaving the others alone', () => {
    const doc = new Y.Doc();
    initWorkshopDoc(doc, { workshopId: 'w', title: 'SA', template: 'self-assessment' });
    const card = createCard(doc, { title: 'Tourism' });
    addQuestionnaire(doc, selfAssessment(), 1);
    addQuestionnaire(doc, evaluation(), 2);
    expect(getQuestionnaire(doc, 'sa-lj')).toEqual(selfAssessment());
    expect(listQuestionnaires(doc).map((q) => q.id)).toEqual(['sa-lj', 'eval-lj']);
    expect(listCards(doc).map((c) => c.id)).toEqual([card]);
    expect([...doc.share.keys()].sort()).toEqual(['cards', 'meta', QUESTIONNAIRES_ROOT]);
  });

  it('refuses an invalid questionnaire or a taken id', () => {
    const doc = new Y.Doc();
    addQuestionnaire(doc, evaluation());
    expect(() => addQuestionnaire(doc, evaluation())).toThrow(/already exists/);
    expect(() => addQuestionnaire(doc, { ...evaluation(), id: 'x', sections: [] })).toThrow();
    expect(listQuestionnaires(doc)).toHaveLength(1);
  });

  it('replaces a definition only by a newer version, keeping the answers', () => {
    const doc = new Y.Doc();
    const q = evaluation();
    addQuestionnaire(doc, q);
    writeRevealedAnswers(doc, q.id, [
      { respondentId: 'r1', answers: { 'usefulness-overall': { type: 'likert', value: 5 } } },
    ]);
    const edit = rewordQuestion(
      q,
      'usefulness-overall',
      { text: 'Would you come again?' },
      readResponses(doc, q.id),
      { meaning: 'changed' },
    );
    if (!edit.ok) throw new Error(edit.error);
    expect(updateQuestionnaire(doc, edit.questionnaire)).toBe(true);
    expect(updateQuestionnaire(doc, q)).toBe(false); // older
    expect(updateQuestionnaire(doc, { ...edit.questionnaire, id: 'missing' })).toBe(false);
    expect(getQuestionnaire(doc, q.id)!.version).toBe(2);
    // the old answer is still there, reported as orphaned, not counted
    const responses = readResponses(doc, q.id);
    expect(responses[0]!.answers['usefulness-overall']).toEqual({ type: 'likert', value: 5 });
    expect(orphanedAnswers(edit.questionnaire, responses)).toHaveLength(1);
    expect(readAggregate(doc, q.id)!.unfit).toBe(1);
  });
});

describe('revealed answers', () => {
  it('writes the answers that fit, reports the others, and leaves unanswered questions absent', () => {
    const doc = new Y.Doc();
    addQuestionnaire(doc, selfAssessment());
    const report = writeRevealedAnswers(doc, 'sa-lj', [
      {
        respondentId: 'id-ana',
        name: 'Ana Novak',
        answers: {
          'a-activities': { type: 'long-text', value: '- wood\n- furniture' },
          'a-sum-up': { type: 'long-text', value: '- skills\n- exports\n- succession' },
          'a-reach': { type: 'likert', value: 3 },
          'z-unknown': { type: 'long-text', value: 'x' },
          'b-vision': { type: 'long-text', value: '   ' },
        },
      },
      {
        respondentId: 'id-ben',
        name: 'Ben',
        answers: { 'c-team': { type: 'long-text', value: '2 FTE' } },
      },
      { respondentId: '', answers: { 'c-team': { type: 'long-text', value: 'nobody' } } },
    ]);
    expect(report.written).toBe(3);
    expect(report.refused.map((r) => [r.respondentId, r.questionId])).toEqual([
      ['id-ana', 'a-reach'],
      ['id-ana', 'z-unknown'],
      ['id-ana', 'b-vision'],
      ['', 'c-team'],
    ]);
    expect(report.refused[0]!.error).toMatch(/takes a long-text answer, not likert/);
    const responses = readResponses(doc, 'sa-lj');
    expect(responses).toEqual([
      {
        respondentId: 'id-ana',
        name: 'Ana Novak',
        answers: {
          'a-activities': { type: 'long-text', value: '- wood\n- furniture' },
          'a-sum-up': { type: 'long-text', value: '- skills\n- exports\n- succession' },
        },
      },
      {
        respondentId: 'id-ben',
        name: 'Ben',
        answers: { 'c-team': { type: 'long-text', value: '2 FTE' } },
      },
    ]);
    expect(Object.keys(responses[0]!.answers)).not.toContain('b-vision');
    expect(() => writeRevealedAnswers(doc, 'missing', [])).toThrow(/no questionnaire/);
  });

  it('never writes a name for an anonymous questionnaire', () => {
    const doc = new Y.Doc();
    addQuestionnaire(doc, evaluation());
    writeRevealedAnswers(doc, 'eval-lj', [
      {
        respondentId: 'k7Qz',
        name: 'Zdenka Kovačič',
        answers: { 'change-what': { type: 'long-text', value: 'More time' } },
      },
    ]);
    ensureRespondent(doc, 'eval-lj', 'k8Qz', 'Marco Rossi');
    const bytes = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('utf8');
    expect(bytes).not.toContain('Zdenka');
    expect(bytes).not.toContain('Marco');
    expect(readResponses(doc, 'eval-lj')[0]).toEqual({
      respondentId: 'k7Qz',
      answers: { 'change-what': { type: 'long-text', value: 'More time' } },
    });
    // even if a peer wrote a name anyway, readers do not return it
    const entry = questionnairesMap(doc).get('eval-lj')!;
    (entry.get('respondents') as Y.Map<unknown>).set('k7Qz', { name: 'Zdenka' });
    expect(readResponses(doc, 'eval-lj')[0]!.name).toBeUndefined();
    expect(JSON.stringify(readAggregate(doc, 'eval-lj'))).not.toContain('k7Qz');
  });

  it('sets and clears one answer, validated, never throwing', () => {
    const doc = new Y.Doc();
    addQuestionnaire(doc, evaluation());
    const like = { type: 'likert', value: 4 };
    expect(setAnswer(doc, 'eval-lj', 'r1', 'usefulness-overall', like)).toEqual({
      ok: true,
      answer: like,
    });
    expect(
      setAnswer(doc, 'eval-lj', 'r1', 'usefulness-overall', { type: 'likert', value: 7 }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/1 to 5/) });
    expect(setAnswer(doc, 'eval-lj', 'r1', 'nope', like)).toMatchObject({ ok: false });
    expect(setAnswer(doc, 'nope', 'r1', 'usefulness-overall', like)).toMatchObject({ ok: false });
    expect(setAnswer(doc, 'eval-lj', '', 'usefulness-overall', like)).toMatchObject({ ok: false });
    expect(readResponses(doc, 'eval-lj')[0]!.answers).toEqual({ 'usefulness-overall': like });
    expect(setAnswer(doc, 'eval-lj', 'r1', 'usefulness-overall', undefined).ok).toBe(true);
    expect(readResponses(doc, 'eval-lj')).toEqual([]);
  });

  it('reads what peers wrote tolerantly: broken definitions and non-answers are skipped', () => {
    const doc = new Y.Doc();
    addQuestionnaire(doc, evaluation());
    const map = questionnairesMap(doc);
    const broken = new Y.Map<unknown>();
    broken.set('definition', { id: 'broken', sections: 'no' });
    map.set('broken', broken);
    map.set('plain', 'not a map' as never);
    setAnswer(doc, 'eval-lj', 'r1', 'results-take-part', { type: 'yes-no', value: true });
    const answers = (map.get('eval-lj')!.get('answers') as Y.Map<Y.Map<unknown>>).get('r1')!;
    answers.set('results-number', 'too-many');
    answers.set('usefulness-overall', { type: 'likert', value: 42 });
    (map.get('eval-lj')!.get('answers') as Y.Map<unknown>).set('r2', 5);
    expect(listQuestionnaires(doc).map((q) => q.id)).toEqual(['eval-lj']);
    expect(getQuestionnaire(doc, 'broken')).toBeUndefined();
    expect(readResponses(doc, 'broken')).toEqual([]);
    expect(readResponses(doc, 'eval-lj')).toEqual([
      { respondentId: 'r1', answers: { 'results-take-part': { type: 'yes-no', value: true } } },
    ]);
  });
});

describe('two peers', () => {
  it('converge: answers of different respondents and questions merge', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    addQuestionnaire(server, selfAssessment());
    writeRevealedAnswers(server, 'sa-lj', [
      { respondentId: 'ana', name: 'Ana', answers: { 'a-activities': text('wood') } },
      { respondentId: 'ben', name: 'Ben', answers: { 'a-activities': text('textiles') } },
    ]);
    sync(server, client);
    expect(readResponses(client, 'sa-lj')).toEqual(readResponses(server, 'sa-lj'));
    // concurrently: Ana edits on her device, the server writes her summary, Ben's answer changes
    setAnswer(client, 'sa-lj', 'ana', 'a-sum-up', text('- skills'));
    setAnswer(server, 'sa-lj', 'ana', 'key-issues', text('Our cluster has no vision.'));
    setAnswer(server, 'sa-lj', 'ben', 'a-activities', text('technical textiles'));
    sync(server, client);
    const merged = readResponses(server, 'sa-lj');
    expect(readResponses(client, 'sa-lj')).toEqual(merged);
    expect(merged).toEqual([
      {
        respondentId: 'ana',
        name: 'Ana',
        answers: {
          'a-activities': text('wood'),
          'a-sum-up': text('- skills'),
          'key-issues': text('Our cluster has no vision.'),
        },
      },
      { respondentId: 'ben', name: 'Ben', answers: { 'a-activities': text('technical textiles') } },
    ]);
  });

  it('keep both devices’ answers once one writer made the respondent’s map (why ensureRespondent)', () => {
    const run = (ensure: boolean) => {
      const a = new Y.Doc();
      const b = new Y.Doc();
      addQuestionnaire(a, evaluation(), 1);
      if (ensure) ensureRespondent(a, 'eval-lj', 'r1');
      sync(a, b);
      setAnswer(a, 'eval-lj', 'r1', 'usefulness-overall', { type: 'likert', value: 2 });
      setAnswer(b, 'eval-lj', 'r1', 'change-what', text('shorter breaks'));
      sync(a, b);
      expect(readResponses(b, 'eval-lj')).toEqual(readResponses(a, 'eval-lj'));
      return Object.keys(readResponses(a, 'eval-lj')[0]!.answers).length;
    };
    expect(run(true)).toBe(2);
    // both peers made r1's map concurrently: Yjs keeps one map, the other answer is lost
    expect(run(false)).toBe(1);
  });

  it('an answer write touches the questionnaires root and no board (for the write gate)', () => {
    const server = new Y.Doc();
    addQuestionnaire(server, evaluation(), 1);
    ensureRespondent(server, 'eval-lj', 'r1');
    const client = new Y.Doc();
    sync(server, client);
    const before = Y.encodeStateVector(client);
    setAnswer(client, 'eval-lj', 'r1', 'usefulness-overall', { type: 'likert', value: 3 });
    const footprint = updateFootprint(server, Y.encodeStateAsUpdate(client, before));
    expect([...footprint.roots]).toEqual([QUESTIONNAIRES_ROOT]);
    expect(footprint.boards.size).toBe(0);
    expect(footprint.unresolved).toBe(false);
  });

  it('property: any interleaving of answer writes on two synced peers converges', () => {
    const q = evaluation();
    const write = fc.record({
      peer: fc.constantFrom(0, 1),
      respondent: fc.constantFrom('r1', 'r2', 'r3'),
      question: fc.constantFrom('usefulness-overall', 'results-take-part', 'change-what'),
      value: fc.integer({ min: 0, max: 6 }),
      syncAfter: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(write, { maxLength: 25 }), (writes) => {
        const peers = [new Y.Doc(), new Y.Doc()] as const;
        addQuestionnaire(peers[0], q, 1);
        sync(peers[0], peers[1]);
        for (const r of ['r1', 'r2', 'r3']) ensureRespondent(peers[0], q.id, r);
        sync(peers[0], peers[1]);
        for (const w of writes) {
          const raw =
            w.question === 'usefulness-overall'
              ? { type: 'likert', value: w.value } // 0 and 6 are refused
              : w.question === 'results-take-part'
                ? { type: 'yes-no', value: w.value % 2 === 0 }
                : w.value === 0
                  ? undefined // clears
                  : { type: 'long-text', value: `text ${w.value}` };
          setAnswer(peers[w.peer], q.id, w.respondent, w.question, raw);
          if (w.syncAfter) sync(peers[0], peers[1]);
        }
        sync(peers[0], peers[1]);
        const a = readResponses(peers[0], q.id);
        expect(readResponses(peers[1], q.id)).toEqual(a);
        expect(readAggregate(peers[1], q.id)).toEqual(readAggregate(peers[0], q.id));
        expect(readAggregate(peers[0], q.id)!.unfit).toBe(0);
      }),
      { numRuns: 60 },
    );
  });
});

function text(value: string) {
  return { type: 'long-text' as const, value };
}
