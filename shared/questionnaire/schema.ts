/**
 * Questionnaires as versioned data: a questionnaire has sections, a section has questions, a
 * question has a stable id, its text, an optional hint and examples, and an answer type. The
 * shipped templates (templates/*.json) are validated by `questionnaireSchema`; a workshop's copy
 * (adapt.ts) keeps `basedOn` so the record knows which template version it started from.
 *
 * Answers are tagged with their type (`{ type: 'likert', value: 4 }`), so an answer stays
 * self-describing when its question later changes type (adapt.ts reports it, never drops it).
 * A question nobody answered has NO answer — absent, never a default value, never an empty string:
 * an empty text or an empty selection is "not answered", and `validateAnswer` refuses it so the
 * caller clears the answer instead of storing a blank.
 *
 * `questionnaireSchema` and `answerSchema` contain no transforms, so `z.toJSONSchema` describes them
 * (the record's JSON Schema will include them; see shared/record/schema.ts recordJsonSchema).
 * Text is data, English for now: every string a person reads is in the questionnaire itself, so a
 * translated copy is the same file with other strings and the same ids.
 */
import { z } from 'zod';

export const ANSWER_TYPES = [
  'short-text',
  'long-text',
  'likert',
  'yes-no',
  'number',
  'single-choice',
  'multiple-choice',
  'ranking',
] as const;
export const answerTypeNameSchema = z.enum(ANSWER_TYPES);
export type AnswerTypeName = z.infer<typeof answerTypeNameSchema>;

/** Upper bounds for stored text: a short answer and a long one (a ~500-word summary is ~3,500). */
export const SHORT_TEXT_MAX = 500;
export const LONG_TEXT_MAX = 20_000;
export const LIKERT_POINTS = 5;

/** Ids of questionnaires, sections, questions and options: short, URL- and key-safe. */
export const questionnaireIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_~.-]*$/, 'ids use letters, digits, _ ~ . -');

const label = z.string().trim().min(1).max(300);

export const choiceOptionSchema = z.object({
  id: questionnaireIdSchema,
  label,
});
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;

const options = z.array(choiceOptionSchema).min(2).max(50);

export const shortTextTypeSchema = z.object({
  type: z.literal('short-text'),
  /** Characters; SHORT_TEXT_MAX when absent. */
  maxLength: z.number().int().min(1).max(SHORT_TEXT_MAX).optional(),
});

export const longTextTypeSchema = z.object({
  type: z.literal('long-text'),
  /** The words the person is asked for (a target shown with a live count, not a limit). */
  wordTarget: z.number().int().min(1).max(5000).optional(),
  /** Characters; LONG_TEXT_MAX when absent. */
  maxLength: z.number().int().min(1).max(LONG_TEXT_MAX).optional(),
  /** 'bullets': the seed asks for bullet points and short notes, not prose. */
  format: z.enum(['bullets', 'prose']).optional(),
});

export const likertTypeSchema = z.object({
  type: z.literal('likert'),
  /** One label per point, 1 to 5 in order. */
  labels: z.array(label).length(LIKERT_POINTS),
});

export const yesNoTypeSchema = z.object({ type: z.literal('yes-no') });

export const numberTypeSchema = z.object({
  type: z.literal('number'),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  /** Shown after the number (e.g. "persons", "times per month"). */
  unit: z.string().trim().min(1).max(60).optional(),
});

export const singleChoiceTypeSchema = z.object({
  type: z.literal('single-choice'),
  options,
});

export const multipleChoiceTypeSchema = z.object({
  type: z.literal('multiple-choice'),
  options,
  /** At least this many selected; 1 when absent (no selection is "not answered"). */
  minSelected: z.number().int().min(1).optional(),
  maxSelected: z.number().int().min(1).optional(),
});

export const rankingTypeSchema = z.object({
  type: z.literal('ranking'),
  /** An answer orders all of them, first = most important. */
  options,
});

export const answerTypeSchema = z.discriminatedUnion('type', [
  shortTextTypeSchema,
  longTextTypeSchema,
  likertTypeSchema,
  yesNoTypeSchema,
  numberTypeSchema,
  singleChoiceTypeSchema,
  multipleChoiceTypeSchema,
  rankingTypeSchema,
]);
export type AnswerType = z.infer<typeof answerTypeSchema>;

export const questionSchema = z.object({
  id: questionnaireIdSchema,
  text: z.string().trim().min(1).max(1000),
  /** Shown under the question. */
  hint: z.string().trim().min(1).max(2000).optional(),
  /** Shown as a list under the hint (the seed's "hints and examples" given as bullets). */
  examples: z.array(z.string().trim().min(1).max(500)).max(30).optional(),
  /** A sum-up question of a section (the self-assessment's "SUM UP" rows). */
  sumUp: z.boolean().optional(),
  answer: answerTypeSchema,
});
export type Question = z.infer<typeof questionSchema>;

export const sectionSchema = z.object({
  id: questionnaireIdSchema,
  title: z.string().trim().min(1).max(300),
  /** E.g. the self-assessment's "What do I want to manage?". */
  subtitle: z.string().trim().min(1).max(300).optional(),
  description: z.string().trim().min(1).max(4000).optional(),
  questions: z.array(questionSchema).max(200),
});
export type Section = z.infer<typeof sectionSchema>;

export const templateRefSchema = z.object({
  id: questionnaireIdSchema,
  version: z.number().int().min(1),
});
export type TemplateRef = z.infer<typeof templateRefSchema>;

export const questionnaireSchema = z
  .object({
    id: questionnaireIdSchema,
    /** Starts at 1; every change of the content makes a new version (adapt.ts). */
    version: z.number().int().min(1),
    title: z.string().trim().min(1).max(300),
    description: z.string().trim().min(1).max(4000).optional(),
    /** BCP 47 language of its text, e.g. "en". */
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag'),
    /** Anonymous: answers are stored and shown without any name (see anonymise in aggregate.ts). */
    anonymous: z.boolean(),
    /** The template this questionnaire was copied from, and that template's version. */
    basedOn: templateRefSchema.optional(),
    sections: z.array(sectionSchema).min(1).max(50),
  })
  .superRefine((q, ctx) => {
    const sectionIds = new Set<string>();
    const questionIds = new Set<string>();
    q.sections.forEach((section, s) => {
      if (sectionIds.has(section.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sections', s, 'id'],
          message: `section id "${section.id}" is used twice`,
        });
      }
      sectionIds.add(section.id);
      section.questions.forEach((question, i) => {
        const path = ['sections', s, 'questions', i];
        if (questionIds.has(question.id)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'id'],
            message: `question id "${question.id}" is used twice`,
          });
        }
        questionIds.add(question.id);
        const problem = answerTypeProblem(question.answer);
        if (problem) ctx.addIssue({ code: 'custom', path: [...path, 'answer'], message: problem });
      });
    });
  });
export type Questionnaire = z.infer<typeof questionnaireSchema>;

/** What is wrong inside one answer type (option ids twice, min above max), or null. */
export function answerTypeProblem(type: AnswerType): string | null {
  switch (type.type) {
    case 'number':
      if (type.min !== undefined && type.max !== undefined && type.min > type.max) {
        return 'min is above max';
      }
      return null;
    case 'multiple-choice':
      if (
        type.minSelected !== undefined &&
        type.maxSelected !== undefined &&
        type.minSelected > type.maxSelected
      ) {
        return 'minSelected is above maxSelected';
      }
      if ((type.minSelected ?? 1) > type.options.length) return 'minSelected is above the options';
      return duplicateOption(type.options);
    case 'single-choice':
    case 'ranking':
      return duplicateOption(type.options);
    default:
      return null;
  }
}

function duplicateOption(list: readonly ChoiceOption[]): string | null {
  const seen = new Set<string>();
  for (const option of list) {
    if (seen.has(option.id)) return `option id "${option.id}" is used twice`;
    seen.add(option.id);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Answers

const optionId = questionnaireIdSchema;

/** An answer on its own (shape only); `validateAnswer` checks it against its question. */
export const answerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('short-text'), value: z.string().min(1).max(SHORT_TEXT_MAX) }),
  z.object({ type: z.literal('long-text'), value: z.string().min(1).max(LONG_TEXT_MAX) }),
  z.object({ type: z.literal('likert'), value: z.number().int().min(1).max(LIKERT_POINTS) }),
  z.object({ type: z.literal('yes-no'), value: z.boolean() }),
  z.object({ type: z.literal('number'), value: z.number() }),
  z.object({ type: z.literal('single-choice'), value: optionId }),
  z.object({ type: z.literal('multiple-choice'), value: z.array(optionId).min(1).max(50) }),
  z.object({ type: z.literal('ranking'), value: z.array(optionId).min(2).max(50) }),
]);
export type Answer = z.infer<typeof answerSchema>;
export type AnswerOf<T extends AnswerTypeName> = Extract<Answer, { type: T }>;

/** One person's answers to one questionnaire, by question id. Unanswered questions are absent. */
export type Answers = Record<string, Answer>;

/**
 * One person's answers (shape only: whether each fits its question is validateAnswer's). For the
 * record and the exports; `name` is absent for anonymous questionnaires (aggregate.ts anonymise).
 */
export const responseSchema = z.object({
  respondentId: z.string().min(1).max(128),
  name: z.string().min(1).max(100).optional(),
  answers: z.record(questionnaireIdSchema, answerSchema),
});
export type Response = z.infer<typeof responseSchema>;

export type AnswerCheck = { ok: true; answer: Answer } | { ok: false; error: string };

/**
 * Checks an answer (anything a client or a peer sent) against its question. Never throws: a wrong
 * type, a likert point outside 1–5, an option not offered, a ranking that is not a permutation of
 * the options, text over the limit or blank text all come back as `{ ok: false, error }`.
 */
export function validateAnswer(question: Question, raw: unknown): AnswerCheck {
  const parsed = answerSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: shapeError(question, raw, parsed.error) };
  const answer = parsed.data;
  const type = question.answer;
  if (answer.type !== type.type) {
    return {
      ok: false,
      error: `question "${question.id}" takes a ${type.type} answer, not ${answer.type}`,
    };
  }
  const error = constraintError(type, answer);
  return error ? { ok: false, error: `question "${question.id}": ${error}` } : { ok: true, answer };
}

/** The zod schema of the answers one question accepts (the constraints as refinements). */
export function answerSchemaFor(question: Question): z.ZodType<Answer> {
  return answerSchema.superRefine((answer, ctx) => {
    const check = validateAnswer(question, answer);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.error });
  });
}

function shapeError(question: Question, raw: unknown, error: z.ZodError): string {
  const expected = question.answer.type;
  const value = isObject(raw) ? raw.value : undefined;
  const given = isObject(raw) ? raw.type : undefined;
  if (given === expected) {
    if (typeof value === 'string' && value.trim() === '') return blank(question);
    if (Array.isArray(value) && value.length === 0) return blank(question);
    if (expected === 'likert' && typeof value === 'number') {
      return `question "${question.id}": a likert answer is a whole number from 1 to ${LIKERT_POINTS}, not ${value}`;
    }
    if ((expected === 'short-text' || expected === 'long-text') && typeof value === 'string') {
      return `question "${question.id}": the text has ${value.length} characters, more than the ${maxLength(question.answer)} allowed`;
    }
  }
  const issue = error.issues[0];
  const where = issue && issue.path.length ? ` at ${issue.path.join('.')}` : '';
  return `question "${question.id}" takes a ${expected} answer: ${issue?.message ?? 'invalid'}${where}`;
}

function blank(question: Question): string {
  return `question "${question.id}": an empty answer is "not answered" — clear the answer instead`;
}

function maxLength(type: AnswerType): number {
  if (type.type === 'short-text') return type.maxLength ?? SHORT_TEXT_MAX;
  if (type.type === 'long-text') return type.maxLength ?? LONG_TEXT_MAX;
  return 0;
}

function constraintError(type: AnswerType, answer: Answer): string | null {
  switch (type.type) {
    case 'short-text':
    case 'long-text': {
      const text = answer.value as string;
      if (text.trim() === '') return 'an empty answer is "not answered" — clear the answer instead';
      const max = maxLength(type);
      return text.length > max
        ? `the text has ${text.length} characters, more than the ${max} allowed`
        : null;
    }
    case 'likert':
    case 'yes-no':
      return null;
    case 'number': {
      const value = answer.value as number;
      if (!Number.isFinite(value)) return 'the number is not finite';
      if (type.integer && !Number.isInteger(value)) return `${value} is not a whole number`;
      if (type.min !== undefined && value < type.min) return `${value} is below ${type.min}`;
      if (type.max !== undefined && value > type.max) return `${value} is above ${type.max}`;
      return null;
    }
    case 'single-choice': {
      const value = answer.value as string;
      return type.options.some((o) => o.id === value)
        ? null
        : `"${value}" is not one of the options`;
    }
    case 'multiple-choice': {
      const values = answer.value as string[];
      const offered = new Set(type.options.map((o) => o.id));
      const unknown = values.find((v) => !offered.has(v));
      if (unknown !== undefined) return `"${unknown}" is not one of the options`;
      if (new Set(values).size !== values.length) return 'an option is selected twice';
      const min = type.minSelected ?? 1;
      if (values.length < min) return `select at least ${min}`;
      if (type.maxSelected !== undefined && values.length > type.maxSelected) {
        return `select at most ${type.maxSelected}`;
      }
      return null;
    }
    case 'ranking': {
      const values = answer.value as string[];
      const offered = type.options.map((o) => o.id);
      const isPermutation =
        values.length === offered.length &&
        new Set(values).size === values.length &&
        values.every((v) => offered.includes(v));
      return isPermutation ? null : 'a ranking orders every option exactly once';
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

// ---------------------------------------------------------------------------------------------
// Lookups

/** Every question in order, with the section it sits in. */
export function allQuestions(q: Questionnaire): { section: Section; question: Question }[] {
  return q.sections.flatMap((section) =>
    section.questions.map((question) => ({ section, question })),
  );
}

export function findQuestion(q: Questionnaire, questionId: string): Question | undefined {
  for (const section of q.sections) {
    const found = section.questions.find((question) => question.id === questionId);
    if (found) return found;
  }
  return undefined;
}

/** The first problem of a questionnaire, as one readable line, or null when it is valid. */
export function questionnaireProblem(raw: unknown): string | null {
  const parsed = questionnaireSchema.safeParse(raw);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return `${issue.path.join('.') || 'questionnaire'}: ${issue.message}`;
}
