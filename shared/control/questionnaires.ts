/**
 * Questionnaires run in a workshop (issue 12), the control-plane contract. While a run is open each
 * person's answers are held by the server (server/control/questionnaireService.ts), never in the
 * doc and never sent to anyone else; at the reveal the server writes them into the doc
 * (shared/doc/questionnaires.ts), anonymised when the run is anonymous. Everyone sees only the
 * turnout: how many of the people asked have answered anything.
 */
import { z } from 'zod';
import type { QuestionnaireAggregate } from '../questionnaire/aggregate';
import { QUESTIONNAIRE_TEMPLATE_IDS } from '../questionnaire/shipped';
import {
  answerTypeSchema,
  questionnaireIdSchema,
  type Answer,
  type Questionnaire,
} from '../questionnaire/schema';

/** Questions in one save at most (the largest template has fewer than 40). */
export const ANSWERS_PER_SAVE_MAX = 200;
/** People a run can be limited to. */
export const RESPONDENTS_MAX = 500;

const identityIdSchema = z.string().min(1).max(128);

/** Facilitator: start a shipped questionnaire (its workshop copy is written into the doc). */
export const startQuestionnaireSchema = z.strictObject({
  templateId: z.enum(QUESTIONNAIRE_TEMPLATE_IDS),
  /** Default: the template's own (the evaluation is anonymous, the others named). */
  anonymous: z.boolean().optional(),
  /** Who is asked: the people listed, or (omitted) every participant who joined. */
  respondentIds: z.array(identityIdSchema).min(1).max(RESPONDENTS_MAX).optional(),
  /**
   * Show the results (counts, distributions, texts: never who) while people answer, e.g. on the
   * wall during an EDW's evaluation. Default: on, except for the self-assessment, whose individual
   * filling nobody sees before the reveal.
   */
  liveResults: z.boolean().optional(),
});
export type StartQuestionnaire = z.infer<typeof startQuestionnaireSchema>;

/**
 * Participant: save some of my answers. Only the questions sent change (a partial save: the rest
 * stay as they were); `null` clears an answer back to "not answered". Each answer is checked
 * against its question; one that does not fit refuses the whole save, saying which and why.
 */
export const saveAnswersSchema = z.strictObject({
  questionnaireId: questionnaireIdSchema,
  answers: z
    .record(questionnaireIdSchema, z.unknown())
    .refine((a) => Object.keys(a).length <= ANSWERS_PER_SAVE_MAX, {
      message: `at most ${ANSWERS_PER_SAVE_MAX} answers in one save`,
    }),
});
export type SaveAnswers = z.infer<typeof saveAnswersSchema>;

/** Participant: my held answers; facilitator: reveal (close) a run. */
export const questionnaireRefSchema = z.strictObject({ questionnaireId: questionnaireIdSchema });

/**
 * After the reveal of a named run, a respondent keeps working on their own answers in the doc
 * (the self-assessment's summaries): one answer, or `null` to clear it. The server writes it.
 */
export const reviseAnswerSchema = z.strictObject({
  questionnaireId: questionnaireIdSchema,
  questionId: questionnaireIdSchema,
  answer: z.unknown(),
});

/** Facilitator (the coach): a note on one question; blank text removes it. */
export const coachNoteSchema = z.strictObject({
  questionnaireId: questionnaireIdSchema,
  questionId: questionnaireIdSchema,
  text: z.string(),
});

const questionText = z.string().trim().min(1).max(1000);
const hintText = z.string().trim().max(2000);

/**
 * Facilitator: adapt the workshop's copy of a questionnaire (shared/questionnaire/adapt.ts), one
 * edit at a time. Rewording an answered question needs `meaning` (a typo fix keeps its answers; a
 * changed meaning makes it a new question). While a run is open, a question somebody already
 * answered can be reworded with the same meaning only: removing or re-meaning it waits for the
 * reveal, so no held answer is ever dropped.
 */
export const adaptQuestionnaireSchema = z.strictObject({
  questionnaireId: questionnaireIdSchema,
  edit: z.discriminatedUnion('op', [
    z.strictObject({
      op: z.literal('reword'),
      questionId: questionnaireIdSchema,
      text: questionText,
      /** Blank removes the hint. */
      hint: hintText.optional(),
      meaning: z.enum(['same', 'changed']).optional(),
    }),
    z.strictObject({ op: z.literal('remove'), questionId: questionnaireIdSchema }),
    z.strictObject({
      op: z.literal('add'),
      sectionId: questionnaireIdSchema,
      text: questionText,
      hint: hintText.optional(),
      answer: answerTypeSchema,
    }),
    z.strictObject({
      op: z.literal('move'),
      questionId: questionnaireIdSchema,
      sectionId: questionnaireIdSchema,
      index: z.number().int().min(0).max(500),
    }),
  ]),
});
export type AdaptQuestionnaire = z.infer<typeof adaptQuestionnaireSchema>;

/** What an accepted edit did: the new version, and answers left without a question (kept). */
export interface AdaptResult {
  version: number;
  orphaned: number;
  questionId?: string;
}

/** Facilitator: the question under discussion (shown on the wall); null for none. */
export const questionFocusSchema = z.strictObject({
  questionnaireId: questionnaireIdSchema,
  questionId: questionnaireIdSchema.nullable(),
});

export type QuestionnaireRunStatus = 'open' | 'revealed';

/** A run as stored by the server. */
export interface QuestionnaireRun {
  questionnaireId: string;
  templateId: string;
  anonymous: boolean;
  /** null: every participant who joined (role participant, not removed). */
  respondentIds: string[] | null;
  status: QuestionnaireRunStatus;
  /** Results shown while the run is open (absent in runs stored before it existed: off). */
  liveResults?: boolean;
  startedAt: number;
  revealedAt?: number;
  /** The workshop's copy as started (also in the doc): answers are checked against it. */
  definition: Questionnaire;
}

/** A run as everyone sees it: counts only, never answers. */
export interface QuestionnaireTurnout {
  questionnaireId: string;
  templateId: string;
  anonymous: boolean;
  status: QuestionnaireRunStatus;
  /** Who is asked (identity ids), so each person knows whether the panel is for them. */
  respondentIds: string[];
  /** How many of them have saved at least one answer. */
  answered: number;
  liveResults: boolean;
  /** While open with live results: the aggregate of the held answers (never who answered). */
  results?: QuestionnaireAggregate;
}

/** My held answers to an open run (by question id; a question not answered has no entry). */
export interface MyAnswers {
  questionnaireId: string;
  answers: Record<string, Answer>;
}
