/**
 * The questionnaires of a workshop as the record keeps them (issue 12), from record schema
 * version 2: each questionnaire's definition as it stood when the record was taken (with the
 * template and template version it was copied from), whether its answers were revealed, the
 * answers (named: respondent id and name; anonymous: renumbered ids, never a name), the aggregate,
 * the coach's notes and, for copies of the cluster-management self-assessment, each manager's
 * sum-ups and summaries.
 *
 * The questionnaire shapes (definition, response, answer) are the engine's own zod schemas
 * (shared/questionnaire/schema.ts), used as they are, so the record cannot describe an answer
 * differently from the doc. The aggregate's shape is restated here because the engine keeps it
 * as a TypeScript type only; the `Fits` checks at the end keep the two in step.
 */
import { z } from 'zod';
import type { QuestionnaireAggregate } from '../questionnaire/aggregate';
import {
  questionnaireIdSchema,
  questionnaireSchema,
  responseSchema,
} from '../questionnaire/schema';
import type { SelfAssessmentSummary } from '../questionnaire/views';

const count = z.number().int().min(0);
const time = z.iso.datetime();
/** A mean or median: null when nobody answered (never 0 standing in for "no answers"). */
const statistic = z.number().nullable();

const base = { questionId: questionnaireIdSchema, n: count };

export const recordQuestionAggregateSchema = z.union([
  z.object({ ...base, type: z.enum(['short-text', 'long-text']), texts: z.array(z.string()) }),
  z.object({ ...base, type: z.literal('yes-no'), yes: count, no: count }),
  z.object({
    ...base,
    type: z.enum(['single-choice', 'multiple-choice']),
    /** People per option id (every option, 0 included). */
    counts: z.record(z.string(), count),
  }),
  z.object({
    ...base,
    type: z.literal('likert'),
    /** People per point, 1 to 5 in order. */
    distribution: z.array(count).length(5),
    mean: statistic,
  }),
  z.object({
    ...base,
    type: z.literal('number'),
    min: statistic,
    max: statistic,
    mean: statistic,
    median: statistic,
  }),
  z.object({
    ...base,
    type: z.literal('ranking'),
    /** Best first (most Borda points). */
    ranks: z.array(
      z.object({ optionId: z.string(), meanRank: statistic, borda: z.number().min(0) }),
    ),
  }),
]);

export const recordQuestionnaireAggregateSchema = z.object({
  questionnaireId: questionnaireIdSchema,
  version: z.number().int().min(1),
  /** People with at least one counted answer. */
  respondents: count,
  questions: z.array(recordQuestionAggregateSchema),
  /** Answers that no longer fit their (edited or removed) question: kept, not counted. */
  unfit: count,
});

const summaryTextSchema = z.object({
  questionId: z.string(),
  /** null: not written. */
  text: z.string().nullable(),
  words: count,
  /** null: the question asks for no number of words. */
  wordTarget: z.number().int().min(1).nullable(),
});

const sumUpSchema = z.object({
  /** null: the facilitator removed this dimension's sum-up question. */
  questionId: z.string().nullable(),
  /** null: not answered. */
  text: z.string().nullable(),
});

/** One manager's A, B and C sum-ups next to their two ~500-word summaries. */
export const recordSelfAssessmentSummarySchema = z.object({
  respondentId: z.string().min(1).max(128),
  /** Absent for an anonymous questionnaire. */
  name: z.string().min(1).max(100).optional(),
  sumUps: z.object({ A: sumUpSchema, B: sumUpSchema, C: sumUpSchema }),
  keyIssues: summaryTextSchema,
  solutions: summaryTextSchema,
});

export const QUESTIONNAIRE_STATUSES = ['revealed', 'not-revealed'] as const;

export const recordQuestionnaireSchema = z.object({
  /** The questionnaire as it stood when the record was taken (id, version, basedOn, sections…). */
  definition: questionnaireSchema,
  /**
   * not-revealed: the answers were still held by the server (or nobody answered), so the record
   * holds none — they are unknown, not empty.
   */
  status: z.enum(QUESTIONNAIRE_STATUSES),
  /** When the answers were revealed; null when not revealed, or when the doc did not say. */
  revealedAt: time.nullable(),
  /** Everyone's answers, unanswered questions absent. Anonymous: ids respondent-1…n, no names. */
  responses: z.array(responseSchema),
  /** null while not revealed. */
  aggregate: recordQuestionnaireAggregateSchema.nullable(),
  /** The coach's notes, in question order; a question without a note is not listed. */
  coachNotes: z.array(z.object({ questionId: z.string().min(1).max(64), text: z.string() })),
  /**
   * Copies of the cluster-management self-assessment: one entry per respondent. null for other
   * questionnaires.
   */
  selfAssessment: z.array(recordSelfAssessmentSummarySchema).nullable(),
});

export type RecordQuestionnaire = z.infer<typeof recordQuestionnaireSchema>;
export type RecordQuestionAggregate = z.infer<typeof recordQuestionAggregateSchema>;
export type RecordSelfAssessmentSummary = z.infer<typeof recordSelfAssessmentSummarySchema>;

// The engine's results must fit the record's shapes (a compile error here means they drifted).
type Fits<A, B extends A> = B;
export type AggregateFitsRecord = Fits<
  z.infer<typeof recordQuestionnaireAggregateSchema>,
  QuestionnaireAggregate
>;
export type SummaryFitsRecord = Fits<
  Omit<RecordSelfAssessmentSummary, 'respondentId' | 'name'>,
  SelfAssessmentSummary
>;
