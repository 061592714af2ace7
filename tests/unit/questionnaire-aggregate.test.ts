/** Results of a questionnaire: counts, distributions, statistics, rankings, texts; anonymity. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateQuestionnaire,
  anonymise,
  responsesFor,
  type QuestionAggregate,
} from '../../shared/questionnaire/aggregate';
import {
  allQuestions,
  responseSchema,
  type Answer,
  type AnswerType,
  type Response,
} from '../../shared/questionnaire/schema';
import { questionnaireTemplate } from '../../shared/questionnaire/shipped';

const evaluation = questionnaireTemplate('formative-evaluation');
const stressTest = questionnaireTemplate('stress-test');

function result(aggregates: QuestionAggregate[], questionId: string) {
  return aggregates.find((a) => a.questionId === questionId)!;
}

const ana: Response = {
  respondentId: 'id-ana',
  name: 'Ana Novak',
  answers: {
    'usefulness-overall': { type: 'likert', value: 4 },
    'usefulness-take-away': { type: 'long-text', value: 'The capacity map' },
    'results-number': { type: 'single-choice', value: 'right' },
    'results-take-part': { type: 'yes-no', value: true },
    'process-worked-well': { type: 'multiple-choice', value: ['capacities', 'discussion'] },
    'change-priorities': {
      type: 'ranking',
      value: ['time', 'preparation', 'business', 'research', 'partners'],
    },
  },
};
const ben: Response = {
  respondentId: 'id-ben',
  name: 'Ben Keller',
  answers: {
    'usefulness-overall': { type: 'likert', value: 5 },
    'usefulness-take-away': { type: 'long-text', value: 'Contacts in Tyrol' },
    'results-number': { type: 'single-choice', value: 'too-many' },
    'results-take-part': { type: 'yes-no', value: false },
    'process-worked-well': { type: 'multiple-choice', value: ['discussion'] },
    'change-priorities': {
      type: 'ranking',
      value: ['partners', 'time', 'business', 'research', 'preparation'],
    },
  },
};
const cleo: Response = {
  respondentId: 'id-cleo',
  name: 'Cléo Martin',
  answers: {
    'usefulness-overall': { type: 'likert', value: 4 },
    'results-take-part': { type: 'yes-no', value: true },
    // does not fit: not a likert point; not counted, reported as unfit
    'process-contribute': { type: 'likert', value: 9 } as unknown as Answer,
    // a question that is not (or no longer) in the questionnaire
    'gone-question': { type: 'yes-no', value: true },
  },
};

describe('aggregateQuestionnaire', () => {
  const agg = aggregateQuestionnaire(evaluation, [ana, ben, cleo]);

  it('counts yes/no, choices and multiple choices', () => {
    expect(result(agg.questions, 'results-take-part')).toEqual({
      questionId: 'results-take-part',
      type: 'yes-no',
      n: 3,
      yes: 2,
      no: 1,
    });
    expect(result(agg.questions, 'results-number')).toMatchObject({
      n: 2,
      counts: { 'too-few': 0, right: 1, 'too-many': 1 },
    });
    expect(result(agg.questions, 'process-worked-well')).toMatchObject({
      n: 2,
      counts: { capacities: 1, discussion: 2, actions: 0 },
    });
  });

  it('gives the likert distribution, its mean and n; an unanswered question has n 0, mean null', () => {
    expect(result(agg.questions, 'usefulness-overall')).toEqual({
      questionId: 'usefulness-overall',
      type: 'likert',
      n: 3,
      distribution: [0, 0, 0, 2, 1],
      mean: 13 / 3,
    });
    expect(result(agg.questions, 'process-facilitation')).toMatchObject({
      n: 0,
      distribution: [0, 0, 0, 0, 0],
      mean: null,
    });
  });

  it('ranks by Borda points with the mean rank', () => {
    const ranking = result(agg.questions, 'change-priorities');
    expect(ranking.type).toBe('ranking');
    if (ranking.type !== 'ranking') return;
    expect(ranking.n).toBe(2);
    expect(ranking.ranks[0]).toEqual({ optionId: 'time', meanRank: 1.5, borda: 7 });
    expect(ranking.ranks.find((r) => r.optionId === 'partners')).toEqual({
      optionId: 'partners',
      meanRank: 3,
      borda: 4,
    });
    // 2 answers × (4+3+2+1+0) points
    expect(ranking.ranks.reduce((s, r) => s + r.borda, 0)).toBe(20);
  });

  it('lists the texts sorted, not in answering order', () => {
    expect(result(agg.questions, 'usefulness-take-away')).toMatchObject({
      n: 2,
      texts: ['Contacts in Tyrol', 'The capacity map'],
    });
  });

  it('counts respondents and the answers that do not fit, never guessing them', () => {
    expect(agg.respondents).toBe(3);
    expect(agg.unfit).toBe(2);
    expect(result(agg.questions, 'process-contribute').n).toBe(0);
  });

  it('gives number statistics', () => {
    const counts = [4, 12, 7, 9].map((value, i) => ({
      respondentId: `r${i}`,
      answers: { 'portfolio-count': { type: 'number', value } as Answer },
    }));
    expect(result(aggregateQuestionnaire(stressTest, counts).questions, 'portfolio-count')).toEqual(
      {
        questionId: 'portfolio-count',
        type: 'number',
        n: 4,
        min: 4,
        max: 12,
        mean: 8,
        median: 8,
      },
    );
    expect(
      result(aggregateQuestionnaire(stressTest, []).questions, 'portfolio-count'),
    ).toMatchObject({ n: 0, min: null, max: null, mean: null, median: null });
  });

  it('never carries who answered', () => {
    const json = JSON.stringify(agg);
    for (const who of [ana, ben, cleo]) {
      expect(json).not.toContain(who.respondentId);
      expect(json).not.toContain(who.name!);
    }
  });
});

describe('anonymise', () => {
  it('removes names and identity ids, and the order does not depend on who answered first', () => {
    const a = anonymise([ana, ben, cleo]);
    const b = anonymise([cleo, ana, ben]);
    expect(a).toEqual(b);
    expect(a.map((r) => r.respondentId)).toEqual(['respondent-1', 'respondent-2', 'respondent-3']);
    const json = JSON.stringify(a);
    for (const who of [ana, ben, cleo]) {
      expect(json).not.toContain(who.respondentId);
      expect(json).not.toContain(who.name!);
    }
    expect(a.every((r) => !('name' in r))).toBe(true);
    const answerSets = (list: Response[]) => list.map((r) => JSON.stringify(r.answers)).sort();
    expect(answerSets(a)).toEqual(answerSets([ana, ben, cleo]));
  });

  it('responsesFor anonymises an anonymous questionnaire and keeps names of a named one', () => {
    expect(responsesFor(evaluation, [ana]).map((r) => r.name)).toEqual([undefined]);
    expect(responsesFor(stressTest, [ana]).map((r) => r.name)).toEqual(['Ana Novak']);
  });
});

/** A valid answer to a question of the shipped templates (no text limits reached). */
function answerTo(type: AnswerType): fc.Arbitrary<Answer> {
  switch (type.type) {
    case 'short-text':
    case 'long-text':
      return fc
        .string({ minLength: 1, maxLength: 40 })
        .filter((s) => s.trim() !== '')
        .map((value) => ({ type: type.type, value }));
    case 'likert':
      return fc.integer({ min: 1, max: 5 }).map((value) => ({ type: 'likert', value }));
    case 'yes-no':
      return fc.boolean().map((value) => ({ type: 'yes-no', value }));
    case 'number':
      return fc.integer({ min: 0, max: 500 }).map((value) => ({ type: 'number', value }));
    case 'single-choice':
      return fc
        .constantFrom(...type.options.map((o) => o.id))
        .map((value) => ({ type: 'single-choice', value }));
    case 'multiple-choice':
      return fc
        .subarray(
          type.options.map((o) => o.id),
          { minLength: 1 },
        )
        .map((value) => ({ type: 'multiple-choice', value }));
    case 'ranking':
      return fc
        .shuffledSubarray(
          type.options.map((o) => o.id),
          { minLength: type.options.length },
        )
        .map((value) => ({ type: 'ranking', value }));
  }
}

describe('property: aggregates count every answer exactly once', () => {
  for (const questionnaire of [evaluation, stressTest]) {
    const questions = allQuestions(questionnaire).map(({ question }) => question);
    const response = fc
      .tuple(fc.uuid(), ...questions.map((q) => fc.option(answerTo(q.answer), { nil: undefined })))
      .map(([respondentId, ...answers]) => {
        const out: Response = { respondentId, answers: {} };
        answers.forEach((a, i) => {
          if (a) out.answers[questions[i]!.id] = a;
        });
        return out;
      });

    it(`${questionnaire.id}: n equals the answers given, counts add up`, () => {
      fc.assert(
        fc.property(fc.array(response, { maxLength: 12 }), (responses) => {
          for (const r of responses) expect(responseSchema.safeParse(r).success).toBe(true);
          const agg = aggregateQuestionnaire(questionnaire, responses);
          expect(agg.unfit).toBe(0);
          expect(agg.respondents).toBe(
            responses.filter((r) => Object.keys(r.answers).length > 0).length,
          );
          for (const a of agg.questions) {
            const given = responses.filter((r) => a.questionId in r.answers).length;
            expect(a.n).toBe(given);
            switch (a.type) {
              case 'yes-no':
                expect(a.yes + a.no).toBe(given);
                break;
              case 'likert':
                expect(a.distribution.reduce((s, c) => s + c, 0)).toBe(given);
                break;
              case 'single-choice':
                expect(Object.values(a.counts).reduce((s, c) => s + c, 0)).toBe(given);
                break;
              case 'multiple-choice':
                expect(Object.values(a.counts).every((c) => c <= given)).toBe(true);
                break;
              case 'short-text':
              case 'long-text':
                expect(a.texts).toHaveLength(given);
                break;
              case 'ranking': {
                const k = a.ranks.length;
                expect(a.ranks.reduce((s, r) => s + r.borda, 0)).toBe((given * k * (k - 1)) / 2);
                break;
              }
              case 'number':
                if (given) expect(a.min! <= a.mean! && a.mean! <= a.max!).toBe(true);
                break;
            }
          }
          // the same answers in another order give the same aggregate
          expect(aggregateQuestionnaire(questionnaire, [...responses].reverse())).toEqual(agg);
        }),
        { numRuns: 60 },
      );
    });
  }
});
