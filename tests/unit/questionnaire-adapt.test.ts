/** Copying a template for a workshop and adapting it: versions, and what happens to answers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addQuestion,
  addSection,
  changeAnswerType,
  copyTemplate,
  editQuestion,
  freshQuestionId,
  moveQuestion,
  moveSection,
  orphanedAnswers,
  removeQuestion,
  removeSection,
  rewordQuestion,
  updateDetails,
  updateSection,
  type EditResult,
} from '../../shared/questionnaire/adapt';
import {
  allQuestions,
  findQuestion,
  questionnaireProblem,
  type AnswerType,
  type Question,
  type Questionnaire,
  type Response,
  type Section,
} from '../../shared/questionnaire/schema';
import { questionnaireTemplate } from '../../shared/questionnaire/shipped';

function ok(result: EditResult): Questionnaire {
  if (!result.ok) throw new Error(result.error);
  return result.questionnaire;
}

const template = questionnaireTemplate('formative-evaluation');
const copy = () => copyTemplate(template, { id: 'eval-edw-ljubljana' });

const answered: Response[] = [
  {
    respondentId: 'p1',
    answers: {
      'usefulness-overall': { type: 'likert', value: 4 },
      'results-number': { type: 'single-choice', value: 'too-many' },
      'change-what': { type: 'long-text', value: 'More coffee' },
    },
  },
  {
    respondentId: 'p2',
    answers: { 'usefulness-overall': { type: 'likert', value: 2 } },
  },
];

describe('copyTemplate', () => {
  it('makes the workshop’s own version 1, based on the template’s id and version', () => {
    const q = copyTemplate(
      { ...template, version: 3 },
      { id: 'eval-1', title: 'Evaluation', anonymous: false },
    );
    expect(q).toMatchObject({
      id: 'eval-1',
      version: 1,
      title: 'Evaluation',
      anonymous: false,
      basedOn: { id: 'formative-evaluation', version: 3 },
    });
    expect(q.sections).toEqual(template.sections);
    expect(copy().anonymous).toBe(true);
  });

  it('shares nothing with the template', () => {
    const q = copy();
    q.sections[0]!.questions[0]!.text = 'changed';
    expect(template.sections[0]!.questions[0]!.text).not.toBe('changed');
  });
});

describe('adapting without answers', () => {
  it('adds, rewords, moves and removes questions; each edit is a new version', () => {
    let q = copy();
    q = ok(
      addQuestion(
        q,
        { id: 'venue', text: 'How was the venue?', answer: { type: 'short-text' } },
        { sectionId: 'process', index: 0 },
      ),
    );
    expect(q.version).toBe(2);
    expect(q.sections.find((s) => s.id === 'process')!.questions[0]!.id).toBe('venue');
    q = ok(rewordQuestion(q, 'venue', { text: 'How were the room and the catering?' }));
    expect(findQuestion(q, 'venue')!.text).toBe('How were the room and the catering?');
    q = ok(moveQuestion(q, 'venue', { sectionId: 'change' }));
    expect(q.sections.find((s) => s.id === 'change')!.questions.at(-1)!.id).toBe('venue');
    q = ok(removeQuestion(q, 'venue'));
    expect(findQuestion(q, 'venue')).toBeUndefined();
    expect(q.version).toBe(5);
    expect(q.basedOn).toEqual({ id: 'formative-evaluation', version: 1 });
  });

  it('adds, edits, moves and removes sections', () => {
    let q = copy();
    q = ok(addSection(q, { id: 'extra', title: 'Extra', questions: [] }, 1));
    expect(q.sections.map((s) => s.id)).toEqual([
      'usefulness',
      'extra',
      'results',
      'process',
      'change',
    ]);
    q = ok(updateSection(q, 'extra', { title: 'More', subtitle: 'Optional' }));
    expect(q.sections[1]).toMatchObject({ title: 'More', subtitle: 'Optional' });
    q = ok(updateSection(q, 'extra', { subtitle: undefined }));
    expect(q.sections[1]!.subtitle).toBeUndefined();
    q = ok(moveSection(q, 'extra', 99));
    expect(q.sections.at(-1)!.id).toBe('extra');
    q = ok(removeSection(q, 'extra'));
    expect(q.sections).toHaveLength(4);
    q = ok(updateDetails(q, { title: 'After the EDW', anonymous: false }));
    expect(q).toMatchObject({ title: 'After the EDW', anonymous: false });
  });

  it('refuses what would break the questionnaire, leaving it unchanged', () => {
    const q = copy();
    const dup = addQuestion(q, { ...template.sections[0]!.questions[0]! }, { sectionId: 'change' });
    expect(dup).toMatchObject({ ok: false, error: expect.stringMatching(/already used/) });
    expect(addQuestion(q, allQuestions(q)[0]!.question, { sectionId: 'nope' }).ok).toBe(false);
    expect(removeQuestion(q, 'nope').ok).toBe(false);
    expect(rewordQuestion(q, 'change-what', { text: '   ' }).ok).toBe(false);
    expect(
      changeAnswerType(q, 'results-number', {
        type: 'single-choice',
        options: [{ id: 'x', label: 'only one' }],
      }).ok,
    ).toBe(false);
    // malformed input (from a client) is refused, never thrown on
    const broken = { type: 'single-choice' } as unknown as AnswerType;
    expect(changeAnswerType(q, 'usefulness-overall', broken, answered)).toMatchObject({
      ok: false,
    });
    expect(
      addQuestion(q, { id: 'x', text: 'X?' } as unknown as Question, { sectionId: 'change' }).ok,
    ).toBe(false);
    expect(addSection(q, { id: 'y', title: 'Y' } as unknown as Section).ok).toBe(false);
    let one = q;
    for (const s of q.sections.slice(1)) one = ok(removeSection(one, s.id));
    expect(removeSection(one, 'usefulness')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at least one section/),
    });
    expect(q).toEqual(copy());
  });
});

describe('adapting once answers exist', () => {
  it('asks whether the meaning changed when an answered question is reworded', () => {
    const q = copy();
    const refused = rewordQuestion(q, 'usefulness-overall', { text: 'Was it useful?' }, answered);
    expect(refused).toMatchObject({ ok: false, needsDecision: true });
    // a typo fix: same id, the answers stay with it
    const same = rewordQuestion(q, 'usefulness-overall', { text: 'Was it useful?' }, answered, {
      meaning: 'same',
    });
    expect(same).toMatchObject({ ok: true, orphaned: [] });
    expect(findQuestion(ok(same), 'usefulness-overall')!.text).toBe('Was it useful?');
    // a new question: new id, the old answers reported, not dropped and not carried over
    const changed = rewordQuestion(
      q,
      'usefulness-overall',
      { text: 'Would you recommend this workshop to a colleague?' },
      answered,
      { meaning: 'changed' },
    );
    expect(changed.ok && changed.renamed).toEqual({
      from: 'usefulness-overall',
      to: 'usefulness-overall~2',
    });
    expect(changed.ok && changed.orphaned.map((o) => [o.respondentId, o.answer])).toEqual([
      ['p1', { type: 'likert', value: 4 }],
      ['p2', { type: 'likert', value: 2 }],
    ]);
    const after = ok(changed);
    expect(findQuestion(after, 'usefulness-overall')).toBeUndefined();
    expect(orphanedAnswers(after, answered).map((o) => o.questionId)).toEqual([
      'usefulness-overall',
      'usefulness-overall',
    ]);
  });

  it('changes hints and examples of an answered question freely', () => {
    const result = editQuestion(
      copy(),
      'usefulness-overall',
      { hint: 'Think of your next project.', examples: ['A call', 'A partner'] },
      answered,
    );
    expect(result).toMatchObject({ ok: true, orphaned: [] });
    expect(findQuestion(ok(result), 'usefulness-overall')!.hint).toBe(
      'Think of your next project.',
    );
  });

  it('treats a changed likert label or option label as a rewording', () => {
    const q = copy();
    const likert = findQuestion(q, 'usefulness-overall')!.answer;
    if (likert.type !== 'likert') throw new Error('likert expected');
    const relabelled = { ...likert, labels: ['1', '2', '3', '4', '5'] };
    expect(changeAnswerType(q, 'usefulness-overall', relabelled, answered)).toMatchObject({
      ok: false,
      needsDecision: true,
    });
  });

  it('keeps the id when a type change still fits every answer (an option added)', () => {
    const q = copy();
    const choice = findQuestion(q, 'results-number')!.answer;
    if (choice.type !== 'single-choice') throw new Error('choice expected');
    const more = {
      ...choice,
      options: [...choice.options, { id: 'unsure', label: 'cannot say' }],
    };
    const result = changeAnswerType(q, 'results-number', more, answered);
    expect(result).toMatchObject({ ok: true, orphaned: [] });
    expect(result.ok && result.renamed).toBeUndefined();
  });

  it('refuses a type change answers do not fit, listing them; or makes a new question', () => {
    const q = copy();
    const refused = changeAnswerType(q, 'usefulness-overall', { type: 'yes-no' }, answered);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.incompatible?.map((a) => a.respondentId)).toEqual(['p1', 'p2']);
    expect(refused.incompatible?.[0]?.reason).toMatch(/takes a yes-no answer, not likert/);
    // removing the option someone chose
    const choice = findQuestion(q, 'results-number')!.answer;
    if (choice.type !== 'single-choice') throw new Error('choice expected');
    const fewer = { ...choice, options: choice.options.filter((o) => o.id !== 'too-many') };
    expect(changeAnswerType(q, 'results-number', fewer, answered)).toMatchObject({
      ok: false,
      incompatible: [{ respondentId: 'p1', questionId: 'results-number' }],
    });
    const asNew = changeAnswerType(q, 'usefulness-overall', { type: 'yes-no' }, answered, {
      meaning: 'changed',
      newId: 'useful-yes-no',
    });
    expect(asNew).toMatchObject({
      ok: true,
      renamed: { from: 'usefulness-overall', to: 'useful-yes-no' },
    });
    expect(asNew.ok && asNew.orphaned).toHaveLength(2);
    // an answer that already did not fit (orphaned before) does not block the change
    const stale: Response[] = [
      { respondentId: 'p9', answers: { 'process-contribute': { type: 'yes-no', value: true } } },
    ];
    expect(changeAnswerType(q, 'process-contribute', { type: 'short-text' }, stale)).toMatchObject({
      ok: true,
      orphaned: [],
    });
    // a question without answers changes type freely
    expect(changeAnswerType(q, 'process-contribute', { type: 'yes-no' }, answered).ok).toBe(true);
  });

  it('reports the answers of a removed question or section', () => {
    const q = copy();
    const removed = removeQuestion(q, 'change-what', answered);
    expect(removed.ok && removed.orphaned).toEqual([
      {
        respondentId: 'p1',
        questionId: 'change-what',
        answer: { type: 'long-text', value: 'More coffee' },
        reason: 'the question was removed',
      },
    ]);
    const section = removeSection(q, 'usefulness', answered);
    expect(section.ok && section.orphaned.map((o) => o.respondentId)).toEqual(['p1', 'p2']);
  });

  it('never gives a new question an id that answers still use', () => {
    let q = copy();
    q = ok(removeQuestion(q, 'change-what', answered));
    expect(
      addQuestion(
        q,
        { id: 'change-what', text: 'New?', answer: { type: 'yes-no' } },
        { sectionId: 'change' },
        answered,
      ),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/already used/) });
    expect(freshQuestionId(q, answered, 'change-what')).toBe('change-what~2');
    expect(freshQuestionId(q, answered, 'brand-new')).toBe('brand-new');
    const twice = ok(
      rewordQuestion(q, 'usefulness-overall', { text: 'Reworded once' }, answered, {
        meaning: 'changed',
      }),
    );
    const answeredAgain: Response[] = [
      ...answered,
      { respondentId: 'p3', answers: { 'usefulness-overall~2': { type: 'likert', value: 3 } } },
    ];
    const third = rewordQuestion(
      twice,
      'usefulness-overall~2',
      { text: 'Reworded twice' },
      answeredAgain,
      { meaning: 'changed' },
    );
    expect(third.ok && third.renamed?.to).toBe('usefulness-overall~3');
  });
});

describe('property: any sequence of edits leaves a valid questionnaire', () => {
  it('stays valid, with one more version per successful edit', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), to: fc.nat(), at: fc.nat() }),
      fc.record({
        kind: fc.constant('reword' as const),
        pick: fc.nat(),
        text: fc.string({ maxLength: 40 }),
      }),
      fc.record({ kind: fc.constant('add' as const), at: fc.nat(), n: fc.nat() }),
      fc.record({ kind: fc.constant('moveSection' as const), pick: fc.nat(), to: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 15 }), (edits) => {
        let q = copy();
        for (const e of edits) {
          const questions = allQuestions(q).map((x) => x.question.id);
          const sections = q.sections.map((s) => s.id);
          const pick = questions.length
            ? questions[('pick' in e ? e.pick : 0) % questions.length]
            : '';
          let result: EditResult;
          switch (e.kind) {
            case 'remove':
              result = removeQuestion(q, pick ?? '', answered);
              break;
            case 'move':
              result = moveQuestion(q, pick ?? '', {
                sectionId: sections[e.to % sections.length]!,
                index: e.at,
              });
              break;
            case 'reword':
              result = rewordQuestion(q, pick ?? '', { text: e.text }, answered, {
                meaning: 'changed',
              });
              break;
            case 'add':
              result = addQuestion(
                q,
                {
                  id: freshQuestionId(q, answered, `q${e.n}`),
                  text: 'Added?',
                  answer: { type: 'yes-no' },
                },
                { sectionId: sections[e.at % sections.length]!, index: e.at },
                answered,
              );
              break;
            case 'moveSection':
              result = moveSection(q, sections[e.pick % sections.length]!, e.to);
              break;
          }
          if (result.ok) {
            expect(result.questionnaire.version).toBe(q.version + 1);
            q = result.questionnaire;
          }
          expect(questionnaireProblem(q)).toBeNull();
        }
      }),
      { numRuns: 80 },
    );
  });
});
