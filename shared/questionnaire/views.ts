/**
 * Pure shapes for the screens and exports of a questionnaire's answers (no UI here):
 *   sideBySide          the self-assessment's discussion with the coach: question by question,
 *                       one column per respondent (a missing answer is null: "not answered")
 *   selfAssessmentSummary  one manager's A, B and C sum-ups next to their two summaries with word
 *                       counts — the framework asks for the fit between A, B and C, not ticks
 * Both follow the questionnaire's anonymity through responsesFor (no names when anonymous).
 */
import { responsesFor } from './aggregate';
import {
  allQuestions,
  type Answer,
  type Question,
  type Questionnaire,
  type Response,
} from './schema';
import { SELF_ASSESSMENT } from './shipped';
import { countWords } from './wordCount';

export interface SideBySideColumn {
  respondentId: string;
  /** Absent for anonymous questionnaires. */
  name?: string;
}

export interface SideBySideRow {
  sectionId: string;
  question: Question;
  /** One cell per column, in column order; null = not answered. */
  answers: (Answer | null)[];
}

export interface SideBySide {
  columns: SideBySideColumn[];
  rows: SideBySideRow[];
}

/** Every question in order, with each respondent's answer in their column. */
export function sideBySide(
  questionnaire: Questionnaire,
  responses: readonly Response[],
): SideBySide {
  const shown = responsesFor(questionnaire, responses);
  const columns = shown.map((r) => {
    const column: SideBySideColumn = { respondentId: r.respondentId };
    if (r.name !== undefined) column.name = r.name;
    return column;
  });
  const rows = allQuestions(questionnaire).map(({ section, question }) => ({
    sectionId: section.id,
    question,
    answers: shown.map((r) =>
      Object.hasOwn(r.answers, question.id) ? r.answers[question.id]! : null,
    ),
  }));
  return { columns, rows };
}

export interface SummaryText {
  questionId: string;
  /** null = not written yet. */
  text: string | null;
  words: number;
  /** The question's word target, null when it has none. */
  wordTarget: number | null;
}

export interface SelfAssessmentSummary {
  /** The sum-up answer of each dimension (null = not answered). */
  sumUps: Record<'A' | 'B' | 'C', { questionId: string | null; text: string | null }>;
  keyIssues: SummaryText;
  solutions: SummaryText;
}

/**
 * One manager's sum-ups and summaries, for a questionnaire copied from the self-assessment
 * template. Works on adapted copies: a dimension's sum-up is the `sumUp` question of its section
 * (null when the facilitator removed it).
 */
export function selfAssessmentSummary(
  questionnaire: Questionnaire,
  response: Response,
): SelfAssessmentSummary {
  const textOf = (questionId: string | null): string | null => {
    if (!questionId) return null;
    const answer = response.answers[questionId];
    return answer && (answer.type === 'long-text' || answer.type === 'short-text')
      ? answer.value
      : null;
  };
  const sumUpOf = (sectionId: string) => {
    const section = questionnaire.sections.find((s) => s.id === sectionId);
    const questionId = section?.questions.find((q) => q.sumUp)?.id ?? null;
    return { questionId, text: textOf(questionId) };
  };
  const summary = (questionId: string): SummaryText => {
    const question = allQuestions(questionnaire).find(
      (x) => x.question.id === questionId,
    )?.question;
    const text = question ? textOf(questionId) : null;
    const target = question?.answer.type === 'long-text' ? question.answer.wordTarget : undefined;
    return { questionId, text, words: text ? countWords(text) : 0, wordTarget: target ?? null };
  };
  const { A, B, C } = SELF_ASSESSMENT.dimensions;
  return {
    sumUps: { A: sumUpOf(A), B: sumUpOf(B), C: sumUpOf(C) },
    keyIssues: summary(SELF_ASSESSMENT.summaries.keyIssues),
    solutions: summary(SELF_ASSESSMENT.summaries.solutions),
  };
}
