/**
 * Questionnaires as every human-readable export prints them (HTML/PDF, Markdown, CSV, XLSX), so the
 * formats cannot disagree: an answer as text ("4 – Agree", option labels rather than ids, a
 * ranking in its order, yes/no in the export's language), who answered (a name, or "anonymous
 * respondent 2" — an anonymous questionnaire's record holds no name to print), the answers in
 * question order, and each question's results as label/value lines.
 *
 * A question someone did not answer has no answer in the record and gets no line here: the
 * exports leave it out or say "not answered", never print a value for it.
 */
import type { RecordQuestionnaire } from '../../../shared/record/questionnaireSchema';
import type { RecordQuestionAggregate } from '../../../shared/record/questionnaireSchema';
import {
  allQuestions,
  type Answer,
  type Question,
  type Response,
  type Section,
} from '../../../shared/questionnaire/schema';
import type { ExportVocabulary } from './vocabulary';

/** Several values in one line (choices). */
const LIST = '; ';

/** An option's label; its id when the question (as it now stands) has no such option. */
export function optionLabel(question: Question | undefined, id: string): string {
  const type = question?.answer;
  if (!type || !('options' in type)) return id;
  return type.options.find((o) => o.id === id)?.label ?? id;
}

/**
 * One answer as text. The question tells the labels; an answer whose question was since removed
 * or changed type prints its bare value (its option ids), never a guessed label.
 */
export function answerText(
  question: Question | undefined,
  answer: Answer,
  words: ExportVocabulary,
): string {
  const fits = question?.answer.type === answer.type ? question : undefined;
  switch (answer.type) {
    case 'short-text':
    case 'long-text':
      return answer.value;
    case 'likert': {
      const label = fits?.answer.type === 'likert' ? fits.answer.labels[answer.value - 1] : '';
      return label ? `${answer.value} – ${label}` : String(answer.value);
    }
    case 'yes-no':
      return words.t(answer.value ? 'questionnaires.yes' : 'questionnaires.no');
    case 'number': {
      const unit = fits?.answer.type === 'number' ? fits.answer.unit : undefined;
      return unit ? `${words.number(answer.value)} ${unit}` : words.number(answer.value);
    }
    case 'single-choice':
      return optionLabel(fits, answer.value);
    case 'multiple-choice':
      return answer.value.map((id) => optionLabel(fits, id)).join(LIST);
    case 'ranking':
      return answer.value
        .map((id, i) =>
          words.t('questionnaires.place', { place: i + 1, option: optionLabel(fits, id) }),
        )
        .join(LIST);
  }
}

/**
 * Who gave a response: the name in a named questionnaire; "anonymous respondent N" in an anonymous
 * one; in a named one without the name (the person did not agree to be named in the record),
 * "respondent N (name not recorded)". Numbered by position, never by an id that could be a
 * person's identity.
 */
export function respondentLabel(
  questionnaire: RecordQuestionnaire,
  response: Pick<Response, 'respondentId' | 'name'>,
  position: number,
  words: ExportVocabulary,
): string {
  if (questionnaire.definition.anonymous) {
    return words.t('questionnaires.anonymousRespondent', { number: position + 1 });
  }
  if (response.name === undefined) {
    return words.t('questionnaires.unnamedRespondent', { number: position + 1 });
  }
  return response.name;
}

export interface AnswerLine {
  section: string;
  question: string;
  questionId: string;
  respondent: string;
  answer: string;
}

/**
 * Every answer, one line each: respondent by respondent, in question order; answers to questions
 * removed since (kept by the record) last, under "Removed question (id)".
 */
export function answerLines(
  questionnaire: RecordQuestionnaire,
  words: ExportVocabulary,
): AnswerLine[] {
  const questions = allQuestions(questionnaire.definition);
  const known = new Set(questions.map(({ question }) => question.id));
  return questionnaire.responses.flatMap((response, r) => {
    const respondent = respondentLabel(questionnaire, response, r, words);
    const line = (section: Section | undefined, question: Question | undefined, id: string) => ({
      section: section?.title ?? '',
      question: question?.text ?? words.t('questionnaires.removedQuestion', { id }),
      questionId: id,
      respondent,
      answer: answerText(question, response.answers[id]!, words),
    });
    return [
      ...questions
        .filter(({ question }) => Object.hasOwn(response.answers, question.id))
        .map(({ section, question }) => line(section, question, question.id)),
      ...Object.keys(response.answers)
        .filter((id) => !known.has(id))
        .sort()
        .map((id) => line(undefined, undefined, id)),
    ];
  });
}

export interface ResultLine {
  /** What the number or text is about: "4 – Agree", "Yes", "Mean", an option, "Text". */
  label: string;
  value: number | string | null;
}

/** A question's results as label/value lines (counts, distribution, statistics, texts). */
export function resultLines(
  question: Question,
  result: RecordQuestionAggregate,
  words: ExportVocabulary,
): ResultLine[] {
  const { t } = words;
  const stat = (label: string, value: number | null): ResultLine => ({ label, value });
  switch (result.type) {
    case 'short-text':
    case 'long-text':
      return result.texts.map((text) => ({ label: t('questionnaires.text'), value: text }));
    case 'yes-no':
      return [
        { label: t('questionnaires.yes'), value: result.yes },
        { label: t('questionnaires.no'), value: result.no },
      ];
    case 'single-choice':
    case 'multiple-choice':
      return Object.entries(result.counts).map(([id, count]) => ({
        label: optionLabel(question, id),
        value: count,
      }));
    case 'likert': {
      const labels = question.answer.type === 'likert' ? question.answer.labels : [];
      return [
        ...result.distribution.map((count, i) => ({
          label: labels[i] ? `${i + 1} – ${labels[i]}` : String(i + 1),
          value: count,
        })),
        stat(t('questionnaires.mean'), result.mean),
      ];
    }
    case 'number':
      return [
        stat(t('questionnaires.min'), result.min),
        stat(t('questionnaires.max'), result.max),
        stat(t('questionnaires.mean'), result.mean),
        stat(t('questionnaires.median'), result.median),
      ];
    case 'ranking':
      return result.ranks.flatMap((rank) => [
        stat(
          `${optionLabel(question, rank.optionId)}: ${t('questionnaires.meanRank')}`,
          rank.meanRank,
        ),
        stat(`${optionLabel(question, rank.optionId)}: ${t('questionnaires.points')}`, rank.borda),
      ]);
  }
}

/** Each question of the questionnaire with its result (questions without one are skipped). */
export function questionResults(questionnaire: RecordQuestionnaire) {
  const aggregate = questionnaire.aggregate;
  if (!aggregate) return [];
  return allQuestions(questionnaire.definition).flatMap(({ section, question }) => {
    const result = aggregate.questions.find((q) => q.questionId === question.id);
    return result ? [{ section, question, result }] : [];
  });
}

/** A number as printed; a statistic nobody's answers gave (null) as "not set". */
export function statText(value: number | string | null, words: ExportVocabulary): string {
  if (value === null) return words.notSet;
  return typeof value === 'number' ? words.number(value) : value;
}

/** "412 words (target about 500 words)", or "412 words" for a question without a target. */
export function wordCountText(
  summary: { words: number; wordTarget: number | null },
  words: ExportVocabulary,
): string {
  const count = words.t('questionnaires.words', { count: summary.words });
  return summary.wordTarget === null
    ? count
    : `${count} (${words.t('questionnaires.target', { count: summary.wordTarget })})`;
}

/** The facts line(s) of a questionnaire: version, template, anonymity, whether revealed. */
export function questionnaireFacts(
  questionnaire: RecordQuestionnaire,
  words: ExportVocabulary,
): string[] {
  const { t } = words;
  const { definition } = questionnaire;
  const facts = [t('questionnaires.version', { version: definition.version })];
  if (definition.basedOn) {
    facts.push(
      t('questionnaires.basedOn', {
        id: definition.basedOn.id,
        version: definition.basedOn.version,
      }),
    );
  }
  facts.push(t(definition.anonymous ? 'questionnaires.anonymous' : 'questionnaires.named'));
  if (questionnaire.status === 'not-revealed') facts.push(t('questionnaires.notRevealed'));
  else if (questionnaire.revealedAt)
    facts.push(t('questionnaires.revealedAt', { at: words.time(questionnaire.revealedAt) }));
  else facts.push(t('questionnaires.revealed'));
  if (questionnaire.aggregate) {
    facts.push(t('questionnaires.respondents', { count: questionnaire.aggregate.respondents }));
    if (questionnaire.aggregate.unfit > 0) {
      facts.push(t('questionnaires.unfit', { count: questionnaire.aggregate.unfit }));
    }
  }
  return facts;
}

/** The coach's note on a question, or undefined. */
export function coachNoteOf(questionnaire: RecordQuestionnaire, questionId: string) {
  return questionnaire.coachNotes.find((n) => n.questionId === questionId)?.text;
}
