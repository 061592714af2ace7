/**
 * Results of a questionnaire, computed from the answers (pure). An aggregate never says who
 * answered: it holds counts, distributions, statistics and the texts, and the texts are sorted
 * (not in the order people answered, which could give them away). Only answers that fit their
 * question (validateAnswer) are counted; the others are counted in `unfit`, never guessed at.
 *
 *   yes-no           yes / no counts
 *   single-choice    a count per option
 *   multiple-choice  a count per option (n = people who answered)
 *   likert           the distribution over 1–5, the mean (null with no answers), n
 *   number           min, max, mean, median (null with no answers), n
 *   ranking          per option: mean rank (1 = first) and Borda points (k−1 for first of k … 0)
 *   short/long text  the texts
 *
 * `anonymise` turns named responses into anonymous ones for an anonymous questionnaire: no names,
 * respondent ids replaced by "respondent-1…n" in an order that comes from the answers, not from
 * who joined first.
 */
import {
  allQuestions,
  LIKERT_POINTS,
  validateAnswer,
  type Answer,
  type AnswerOf,
  type Answers,
  type Question,
  type Questionnaire,
  type Response,
} from './schema';

interface Base {
  questionId: string;
  /** How many people gave an answer that fits the question. */
  n: number;
}

export type QuestionAggregate =
  | (Base & { type: 'short-text' | 'long-text'; texts: string[] })
  | (Base & { type: 'yes-no'; yes: number; no: number })
  | (Base & { type: 'single-choice' | 'multiple-choice'; counts: Record<string, number> })
  | (Base & { type: 'likert'; distribution: number[]; mean: number | null })
  | (Base & {
      type: 'number';
      min: number | null;
      max: number | null;
      mean: number | null;
      median: number | null;
    })
  | (Base & { type: 'ranking'; ranks: RankingResult[] });

export interface RankingResult {
  optionId: string;
  /** Mean position, 1 = first; null with no answers. */
  meanRank: number | null;
  /** Sum of (k − position) over answers, k options: first gets k−1, last 0. */
  borda: number;
}

export interface QuestionnaireAggregate {
  questionnaireId: string;
  version: number;
  /** People with at least one counted answer. */
  respondents: number;
  questions: QuestionAggregate[];
  /** Answers that do not fit their question (or whose question is gone): not counted. */
  unfit: number;
}

export function aggregateQuestionnaire(
  questionnaire: Questionnaire,
  responses: readonly Response[],
): QuestionnaireAggregate {
  const known = new Set<string>();
  let unfit = 0;
  const counted = new Set<number>();
  const questions = allQuestions(questionnaire).map(({ question }) => {
    known.add(question.id);
    const fitting: Answer[] = [];
    responses.forEach((response, r) => {
      if (!Object.hasOwn(response.answers, question.id)) return;
      const check = validateAnswer(question, response.answers[question.id]);
      if (check.ok) {
        fitting.push(check.answer);
        counted.add(r);
      } else {
        unfit++;
      }
    });
    return aggregateQuestion(question, fitting);
  });
  for (const response of responses) {
    for (const questionId of Object.keys(response.answers)) if (!known.has(questionId)) unfit++;
  }
  return {
    questionnaireId: questionnaire.id,
    version: questionnaire.version,
    respondents: counted.size,
    questions,
    unfit,
  };
}

/** The aggregate of one question over answers already checked against it. */
export function aggregateQuestion(
  question: Question,
  answers: readonly Answer[],
): QuestionAggregate {
  const questionId = question.id;
  const type = question.answer;
  const of = <T extends Answer['type']>(t: T) =>
    answers.filter((a): a is AnswerOf<T> => a.type === t);
  switch (type.type) {
    case 'short-text':
    case 'long-text': {
      const texts = of(type.type)
        .map((a) => a.value)
        .sort(compareText);
      return { questionId, type: type.type, n: texts.length, texts };
    }
    case 'yes-no': {
      const values = of('yes-no').map((a) => a.value);
      const yes = values.filter(Boolean).length;
      return { questionId, type: 'yes-no', n: values.length, yes, no: values.length - yes };
    }
    case 'single-choice': {
      const values = of('single-choice').map((a) => a.value);
      return {
        questionId,
        type: 'single-choice',
        n: values.length,
        counts: countOptions(type.options, values),
      };
    }
    case 'multiple-choice': {
      const values = of('multiple-choice').map((a) => a.value);
      return {
        questionId,
        type: 'multiple-choice',
        n: values.length,
        counts: countOptions(type.options, values.flat()),
      };
    }
    case 'likert': {
      const values = of('likert').map((a) => a.value);
      const distribution = Array.from({ length: LIKERT_POINTS }, () => 0);
      for (const v of values) distribution[v - 1]! += 1;
      return { questionId, type: 'likert', n: values.length, distribution, mean: mean(values) };
    }
    case 'number': {
      const values = of('number')
        .map((a) => a.value)
        .sort((a, b) => a - b);
      return {
        questionId,
        type: 'number',
        n: values.length,
        min: values.length ? values[0]! : null,
        max: values.length ? values[values.length - 1]! : null,
        mean: mean(values),
        median: median(values),
      };
    }
    case 'ranking': {
      const orders = of('ranking').map((a) => a.value);
      const k = type.options.length;
      const ranks = type.options.map((option) => {
        const positions = orders.map((order) => order.indexOf(option.id) + 1);
        return {
          optionId: option.id,
          meanRank: mean(positions),
          borda: positions.reduce((sum, p) => sum + (k - p), 0),
        };
      });
      ranks.sort((a, b) => b.borda - a.borda || a.optionId.localeCompare(b.optionId));
      return { questionId, type: 'ranking', n: orders.length, ranks };
    }
  }
}

/**
 * Responses without names, for an anonymous questionnaire: names removed and respondent ids
 * replaced by "respondent-1…n", numbered in the order of their answers' content (so neither the
 * ids nor the order link a response back to a person).
 */
export function anonymise(responses: readonly Response[]): Response[] {
  return responses
    .map((r) => ({ key: canonical(r.answers), answers: r.answers }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r, i) => ({ respondentId: `respondent-${i + 1}`, answers: r.answers }));
}

/** The responses as the questionnaire allows them to be shown: anonymised when it is anonymous. */
export function responsesFor(
  questionnaire: Questionnaire,
  responses: readonly Response[],
): Response[] {
  return questionnaire.anonymous ? anonymise(responses) : responses.map((r) => ({ ...r }));
}

function countOptions(
  options: readonly { id: string }[],
  values: readonly string[],
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const option of options) counts[option.id] = 0;
  for (const v of values) if (Object.hasOwn(counts, v)) counts[v]! += 1;
  return counts;
}

function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function median(sorted: readonly number[]): number | null {
  if (!sorted.length) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en') || (a < b ? -1 : a > b ? 1 : 0);
}

/** JSON with sorted keys, so equal answers give equal strings. */
function canonical(answers: Answers): string {
  return JSON.stringify(
    Object.keys(answers)
      .sort()
      .map((id) => [id, answers[id]]),
  );
}
