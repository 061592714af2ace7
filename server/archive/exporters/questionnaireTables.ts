/**
 * The questionnaire tables of the CSV ZIP and the XLSX workbook, present only when the record has
 * questionnaires (a record without them exports the four tables it always had):
 *   questionnaire-answers.csv  one row per answer: questionnaire, section, question, respondent
 *                              (a name, or "anonymous respondent N"), the answer as text
 *   questionnaire-results.csv  one row per result line: counts, likert distributions and means,
 *                              number statistics, ranking points, the texts, the coach's notes; a
 *                              questionnaire not revealed gets one row saying so
 *   self-assessment.csv        one row per manager of a self-assessment: A, B, C sum-ups and the
 *                              two summaries with their word counts
 */
import { recordQuestionnaires, type WorkshopRecord } from '../../../shared/record/schema';
import { isSelfAssessment } from '../../../shared/record/questionnaireExtract';
import { allQuestions } from '../../../shared/questionnaire/schema';
import {
  answerLines,
  coachNoteOf,
  questionResults,
  respondentLabel,
  resultLines,
} from './questionnaireText';
import type { ExportVocabulary, ExportKey } from './vocabulary';

export const QUESTIONNAIRE_CSV_FILES = [
  'questionnaire-answers.csv',
  'questionnaire-results.csv',
  'self-assessment.csv',
] as const;
export type QuestionnaireCsvFile = (typeof QUESTIONNAIRE_CSV_FILES)[number];

export const QUESTIONNAIRE_SHEET_NAME: Record<QuestionnaireCsvFile, ExportKey> = {
  'questionnaire-answers.csv': 'questionnaires.sheets.answers',
  'questionnaire-results.csv': 'questionnaires.sheets.results',
  'self-assessment.csv': 'questionnaires.sheets.selfAssessment',
};

export interface QuestionnaireTable {
  header: string[];
  rows: (string | number | null)[][];
}

/** The questionnaire tables the record has content for, by file name (none without questionnaires). */
export function questionnaireTables(
  record: WorkshopRecord,
  words: ExportVocabulary,
): Partial<Record<QuestionnaireCsvFile, QuestionnaireTable>> {
  const questionnaires = recordQuestionnaires(record);
  if (questionnaires.length === 0) return {};
  const t = (key: ExportKey) => words.t(key);
  const col = {
    questionnaire: t('questionnaires.columns.questionnaire'),
    section: t('questionnaires.columns.section'),
    question: t('questionnaires.columns.question'),
  };

  const answers: QuestionnaireTable = {
    header: [
      col.questionnaire,
      col.section,
      col.question,
      t('questionnaires.columns.respondent'),
      t('questionnaires.columns.answer'),
    ],
    rows: questionnaires.flatMap((q) =>
      answerLines(q, words).map((line) => [
        q.definition.title,
        line.section,
        line.question,
        line.respondent,
        line.answer,
      ]),
    ),
  };

  const results: QuestionnaireTable = {
    header: [
      col.questionnaire,
      col.section,
      col.question,
      t('questionnaires.columns.answered'),
      t('questionnaires.columns.result'),
      t('questionnaires.columns.value'),
    ],
    rows: questionnaires.flatMap((q) => {
      if (q.status === 'not-revealed') {
        return [[q.definition.title, '', '', null, t('questionnaires.notRevealed'), null]];
      }
      const byQuestion = new Map(questionResults(q).map((r) => [r.question.id, r]));
      return allQuestions(q.definition).flatMap(({ section, question }) => {
        const prefix = [q.definition.title, section.title, question.text];
        const found = byQuestion.get(question.id);
        const lines = found
          ? resultLines(question, found.result, words).map((line) => [
              ...prefix,
              found.result.n,
              line.label,
              line.value,
            ])
          : [];
        const note = coachNoteOf(q, question.id);
        if (note) lines.push([...prefix, null, t('questionnaires.coachNote'), note]);
        return lines;
      });
    }),
  };

  const tables: Partial<Record<QuestionnaireCsvFile, QuestionnaireTable>> = {
    'questionnaire-answers.csv': answers,
    'questionnaire-results.csv': results,
  };

  const assessed = questionnaires.filter((q) => isSelfAssessment(q.definition) && q.selfAssessment);
  if (assessed.length > 0) {
    const sumUp = (dimension: string) => words.t('questionnaires.sumUp', { dimension });
    tables['self-assessment.csv'] = {
      header: [
        col.questionnaire,
        t('questionnaires.manager'),
        sumUp('A'),
        sumUp('B'),
        sumUp('C'),
        t('questionnaires.keyIssues'),
        `${t('questionnaires.keyIssues')}: ${t('questionnaires.columns.words')}`,
        t('questionnaires.solutions'),
        `${t('questionnaires.solutions')}: ${t('questionnaires.columns.words')}`,
      ],
      rows: assessed.flatMap((q) =>
        (q.selfAssessment ?? []).map((s, i) => [
          q.definition.title,
          respondentLabel(q, s, i, words),
          // null: not answered (an empty cell, never a made-up text).
          s.sumUps.A.text,
          s.sumUps.B.text,
          s.sumUps.C.text,
          s.keyIssues.text,
          s.keyIssues.text === null ? null : s.keyIssues.words,
          s.solutions.text,
          s.solutions.text === null ? null : s.solutions.words,
        ]),
      ),
    };
  }
  return tables;
}
