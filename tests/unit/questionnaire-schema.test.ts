/** Questionnaire and answer schemas: every answer type accepted and refused, JSON Schema, round-trips. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  answerSchema,
  answerSchemaFor,
  LONG_TEXT_MAX,
  questionnaireProblem,
  questionnaireSchema,
  responseSchema,
  SHORT_TEXT_MAX,
  validateAnswer,
  type AnswerType,
  type Question,
  type Questionnaire,
} from '../../shared/questionnaire/schema';

const LIKERT = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'];
const OPTIONS = [
  { id: 'a', label: 'Alpha' },
  { id: 'b', label: 'Beta' },
  { id: 'c', label: 'Gamma' },
];

function question(answer: AnswerType, id = 'q1'): Question {
  return { id, text: 'A question?', answer };
}

const TYPES: Record<string, AnswerType> = {
  short: { type: 'short-text', maxLength: 20 },
  long: { type: 'long-text', wordTarget: 500 },
  likert: { type: 'likert', labels: LIKERT },
  yesNo: { type: 'yes-no' },
  number: { type: 'number', min: 0, max: 100, integer: true, unit: 'persons' },
  single: { type: 'single-choice', options: OPTIONS },
  multiple: { type: 'multiple-choice', options: OPTIONS, maxSelected: 2 },
  ranking: { type: 'ranking', options: OPTIONS },
};

function sample(sections: Questionnaire['sections']): Questionnaire {
  return { id: 'sample', version: 1, title: 'Sample', language: 'en', anonymous: false, sections };
}

const ALL = sample([
  {
    id: 's1',
    title: 'All types',
    questions: Object.entries(TYPES).map(([k, t]) => question(t, k)),
  },
]);

function check(type: AnswerType, answer: unknown) {
  return validateAnswer(question(type), answer);
}

describe('answers against their question', () => {
  it.each([
    ['short', { type: 'short-text', value: 'Tourism' }],
    ['long', { type: 'long-text', value: '- one\n- two' }],
    ['likert', { type: 'likert', value: 1 }],
    ['likert', { type: 'likert', value: 5 }],
    ['yesNo', { type: 'yes-no', value: false }],
    ['number', { type: 'number', value: 0 }],
    ['number', { type: 'number', value: 100 }],
    ['single', { type: 'single-choice', value: 'b' }],
    ['multiple', { type: 'multiple-choice', value: ['c', 'a'] }],
    ['ranking', { type: 'ranking', value: ['c', 'a', 'b'] }],
  ])('accepts a valid %s answer', (key, answer) => {
    expect(check(TYPES[key]!, answer)).toEqual({ ok: true, answer });
  });

  it.each([
    ['likert', { type: 'likert', value: 0 }, /1 to 5, not 0/],
    ['likert', { type: 'likert', value: 6 }, /1 to 5, not 6/],
    ['likert', { type: 'likert', value: 2.5 }, /1 to 5/],
    ['likert', { type: 'likert', value: '3' }, /likert/],
    ['yesNo', { type: 'yes-no', value: 'yes' }, /yes-no/],
    ['number', { type: 'number', value: -1 }, /-1 is below 0/],
    ['number', { type: 'number', value: 101 }, /101 is above 100/],
    ['number', { type: 'number', value: 1.5 }, /not a whole number/],
    ['number', { type: 'number', value: Number.NaN }, /number/],
    ['number', { type: 'number', value: Number.POSITIVE_INFINITY }, /number/],
    ['single', { type: 'single-choice', value: 'z' }, /"z" is not one of the options/],
    ['multiple', { type: 'multiple-choice', value: ['a', 'z'] }, /"z" is not one of the options/],
    ['multiple', { type: 'multiple-choice', value: ['a', 'a'] }, /selected twice/],
    ['multiple', { type: 'multiple-choice', value: ['a', 'b', 'c'] }, /at most 2/],
    ['ranking', { type: 'ranking', value: ['a', 'b'] }, /every option exactly once/],
    ['ranking', { type: 'ranking', value: ['a', 'a', 'b'] }, /every option exactly once/],
    ['ranking', { type: 'ranking', value: ['a', 'b', 'z'] }, /every option exactly once/],
    ['short', { type: 'short-text', value: 'x'.repeat(21) }, /21 characters, more than the 20/],
    [
      'short',
      { type: 'short-text', value: 'x'.repeat(SHORT_TEXT_MAX + 1) },
      /characters, more than the 20/,
    ],
    [
      'long',
      { type: 'long-text', value: 'x'.repeat(LONG_TEXT_MAX + 1) },
      /more than the 20000 allowed/,
    ],
    ['short', { type: 'short-text', value: '' }, /"not answered"/],
    ['long', { type: 'long-text', value: '  \n ' }, /"not answered"/],
    ['multiple', { type: 'multiple-choice', value: [] }, /"not answered"/],
    [
      'short',
      { type: 'long-text', value: 'wrong type' },
      /takes a short-text answer, not long-text/,
    ],
    ['yesNo', 'yes', /yes-no/],
    ['yesNo', null, /yes-no/],
    ['yesNo', undefined, /yes-no/],
    ['likert', { type: 'likert' }, /likert/],
  ])('refuses an invalid %s answer %j with a clear error', (key, answer, message) => {
    const result = check(TYPES[key]!, answer);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(TYPES)), fc.anything(), (type, raw) => {
        const result = check(type, raw);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  it('gives each question a zod schema with its constraints', () => {
    const schema = answerSchemaFor(question(TYPES.single!));
    expect(schema.safeParse({ type: 'single-choice', value: 'a' }).success).toBe(true);
    const refused = schema.safeParse({ type: 'single-choice', value: 'z' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/not one of the options/);
  });
});

/** Any answer a question accepts, for property tests. */
function validAnswerFor(type: AnswerType): fc.Arbitrary<unknown> {
  const text = (max: number) =>
    fc.string({ minLength: 1, maxLength: Math.min(max, 300) }).filter((s) => s.trim() !== '');
  switch (type.type) {
    case 'short-text':
      return text(type.maxLength ?? SHORT_TEXT_MAX).map((value) => ({ type: type.type, value }));
    case 'long-text':
      return text(type.maxLength ?? LONG_TEXT_MAX).map((value) => ({ type: type.type, value }));
    case 'likert':
      return fc.integer({ min: 1, max: 5 }).map((value) => ({ type: 'likert', value }));
    case 'yes-no':
      return fc.boolean().map((value) => ({ type: 'yes-no', value }));
    case 'number':
      return fc
        .integer({ min: type.min ?? -1e6, max: type.max ?? 1e6 })
        .map((value) => ({ type: 'number', value }));
    case 'single-choice':
      return fc.constantFrom(...type.options.map((o) => o.id)).map((value) => ({
        type: 'single-choice',
        value,
      }));
    case 'multiple-choice':
      return fc
        .subarray(
          type.options.map((o) => o.id),
          { minLength: type.minSelected ?? 1, maxLength: type.maxSelected ?? type.options.length },
        )
        .map((value) => ({ type: 'multiple-choice', value }));
    case 'ranking':
      return fc
        .shuffledSubarray(
          type.options.map((o) => o.id),
          { minLength: type.options.length, maxLength: type.options.length },
        )
        .map((value) => ({ type: 'ranking', value }));
  }
}

const anyValidAnswer = fc
  .constantFrom(...Object.values(TYPES))
  .chain((type) => validAnswerFor(type).map((answer) => ({ type, answer })));

describe('property: valid answers', () => {
  it('are accepted and round-trip through the schema and JSON unchanged', () => {
    fc.assert(
      fc.property(anyValidAnswer, ({ type, answer }) => {
        const result = check(type, answer);
        expect(result).toEqual({ ok: true, answer });
        const again = JSON.parse(JSON.stringify(answer)) as unknown;
        expect(answerSchema.parse(again)).toEqual(answer);
        expect(check(type, again)).toEqual({ ok: true, answer });
      }),
    );
  });
});

describe('questionnaireSchema', () => {
  it('accepts a questionnaire with every answer type', () => {
    expect(questionnaireProblem(ALL)).toBeNull();
  });

  it('refuses duplicate ids, min above max, duplicate options and bad likert labels', () => {
    const dupQuestion = sample([
      {
        id: 's1',
        title: 'S',
        questions: [question(TYPES.yesNo!, 'x'), question(TYPES.yesNo!, 'x')],
      },
    ]);
    expect(questionnaireProblem(dupQuestion)).toMatch(/question id "x" is used twice/);
    const dupAcrossSections = sample([
      { id: 's1', title: 'S', questions: [question(TYPES.yesNo!, 'x')] },
      { id: 's2', title: 'T', questions: [question(TYPES.yesNo!, 'x')] },
    ]);
    expect(questionnaireProblem(dupAcrossSections)).toMatch(/used twice/);
    const dupSection = sample([
      { id: 's1', title: 'S', questions: [] },
      { id: 's1', title: 'T', questions: [] },
    ]);
    expect(questionnaireProblem(dupSection)).toMatch(/section id "s1" is used twice/);
    const minMax = sample([
      { id: 's', title: 'S', questions: [question({ type: 'number', min: 5, max: 1 })] },
    ]);
    expect(questionnaireProblem(minMax)).toMatch(/min is above max/);
    const dupOption = sample([
      {
        id: 's',
        title: 'S',
        questions: [question({ type: 'ranking', options: [OPTIONS[0]!, OPTIONS[0]!] })],
      },
    ]);
    expect(questionnaireProblem(dupOption)).toMatch(/option id "a" is used twice/);
    const fourLabels = sample([
      { id: 's', title: 'S', questions: [question({ type: 'likert', labels: LIKERT.slice(1) })] },
    ]);
    expect(questionnaireProblem(fourLabels)).not.toBeNull();
    expect(questionnaireProblem({ ...ALL, version: 0 })).toMatch(/version/);
    expect(questionnaireProblem({ ...ALL, language: 'English' })).toMatch(/language/);
    expect(questionnaireProblem({ ...ALL, sections: [] })).toMatch(/sections/);
  });

  it('has a JSON Schema (for the record), as do answers', () => {
    const q = z.toJSONSchema(questionnaireSchema) as Record<string, unknown>;
    expect(q.type).toBe('object');
    expect(JSON.stringify(q)).toContain('"ranking"');
    const a = z.toJSONSchema(answerSchema) as { oneOf?: unknown[]; anyOf?: unknown[] };
    expect((a.oneOf ?? a.anyOf)?.length).toBe(8);
    expect(() => z.toJSONSchema(answerSchemaFor(question(TYPES.likert!)))).not.toThrow();
    // the shape a record can hold: definitions with their responses
    const recordPart = z.object({
      questionnaires: z.array(
        z.object({ definition: questionnaireSchema, responses: z.array(responseSchema) }),
      ),
    });
    const json = JSON.stringify(z.toJSONSchema(recordPart));
    expect(json).toContain('"respondentId"');
    expect(
      recordPart.safeParse({
        questionnaires: [
          {
            definition: ALL,
            responses: [{ respondentId: 'r1', answers: { likert: { type: 'likert', value: 3 } } }],
          },
        ],
      }).success,
    ).toBe(true);
  });
});
