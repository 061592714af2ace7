/**
 * The Markdown report's questionnaire sections, as the HTML report has them: the self-assessment
 * (per manager their A/B/C answers, "not answered" where they gave none, and both summaries with
 * word counts; then the coach's notes) and the other questionnaires (results per question, the
 * coach's note, then every answer). No section for a record without questionnaires.
 */
import { recordQuestionnaires, type WorkshopRecord } from '../../../shared/record/schema';
import { isSelfAssessment } from '../../../shared/record/questionnaireExtract';
import type { RecordQuestionnaire } from '../../../shared/record/questionnaireSchema';
import { allQuestions } from '../../../shared/questionnaire/schema';
import { SELF_ASSESSMENT } from '../../../shared/questionnaire/shipped';
import { mdBlocks, oneLine, tableOf } from './markdownText';
import {
  answerLines,
  answerText,
  coachNoteOf,
  questionnaireFacts,
  questionResults,
  respondentLabel,
  resultLines,
  statText,
  wordCountText,
} from './questionnaireText';
import type { ExportVocabulary } from './vocabulary';

export function questionnaireLines(record: WorkshopRecord, words: ExportVocabulary): string[] {
  const all = recordQuestionnaires(record);
  const assessments = all.filter((q) => isSelfAssessment(q.definition));
  const others = all.filter((q) => !isSelfAssessment(q.definition));
  const out: string[] = [];
  if (assessments.length > 0) {
    out.push(`## ${words.t('questionnaires.selfAssessmentHeading')}`, '');
    for (const q of assessments) out.push(...selfAssessmentLines(q, words));
  }
  if (others.length > 0) {
    out.push(`## ${words.t('questionnaires.heading')}`, '');
    for (const q of others) out.push(...questionnaireSection(q, words));
  }
  return out;
}

function head(q: RecordQuestionnaire, words: ExportVocabulary): string[] {
  return [
    `### ${oneLine(q.definition.title)}`,
    '',
    ...questionnaireFacts(q, words).map((fact) => `- ${oneLine(fact)}`),
    '',
  ];
}

function selfAssessmentLines(q: RecordQuestionnaire, words: ExportVocabulary): string[] {
  const { t } = words;
  const out = head(q, words);
  const notAnswered = `_${t('questionnaires.notAnswered')}_`;
  const summaryIds = new Set<string>(Object.values(SELF_ASSESSMENT.summaries));
  q.responses.forEach((response, i) => {
    out.push(`#### ${oneLine(respondentLabel(q, response, i, words))}`, '');
    for (const section of q.definition.sections) {
      const questions = section.questions.filter((question) => !summaryIds.has(question.id));
      if (questions.length === 0) continue;
      const subtitle = section.subtitle ? ` — ${section.subtitle}` : '';
      out.push(`##### ${oneLine(section.title + subtitle)}`, '');
      for (const question of questions) {
        const answer = response.answers[question.id];
        out.push(
          `**${oneLine(question.text)}**`,
          '',
          answer ? mdBlocks(answerText(question, answer, words)) : notAnswered,
          '',
        );
      }
    }
    const summary = q.selfAssessment?.[i];
    if (!summary) return;
    for (const key of ['keyIssues', 'solutions'] as const) {
      const text = summary[key];
      const count = text.text === null ? notAnswered : oneLine(wordCountText(text, words));
      out.push(`##### ${t(`questionnaires.${key}`)} — ${count}`, '');
      if (text.text !== null) out.push(mdBlocks(text.text), '');
    }
  });
  out.push(...coachNoteLines(q, words));
  return out;
}

function coachNoteLines(q: RecordQuestionnaire, words: ExportVocabulary): string[] {
  if (q.coachNotes.length === 0) return [];
  const texts = new Map(
    allQuestions(q.definition).map(({ question }) => [question.id, question.text]),
  );
  return [
    `#### ${words.t('questionnaires.coachNote')}`,
    '',
    ...q.coachNotes.map((note) => {
      const question =
        texts.get(note.questionId) ??
        words.t('questionnaires.removedQuestion', { id: note.questionId });
      return `- **${oneLine(question)}:** ${oneLine(note.text)}`;
    }),
    '',
  ];
}

function questionnaireSection(q: RecordQuestionnaire, words: ExportVocabulary): string[] {
  const { t } = words;
  const out = head(q, words);
  for (const { section, question, result } of questionResults(q)) {
    out.push(`#### ${oneLine(`${section.title} · ${question.text}`)}`, '');
    out.push(`_${t('questionnaires.answered', { count: result.n })}_`, '');
    const lines = resultLines(question, result, words);
    if (result.type === 'short-text' || result.type === 'long-text') {
      out.push(...lines.map((line) => `- ${oneLine(String(line.value))}`));
    } else if (result.n > 0) {
      out.push(
        ...tableOf(
          [t('questionnaires.columns.result'), t('questionnaires.columns.value')],
          lines.map((line) => [line.label, statText(line.value, words)]),
          words,
        ),
      );
    }
    if (result.n === 0) out.push(t('questionnaires.noAnswers'));
    const note = coachNoteOf(q, question.id);
    if (note) out.push('', `**${t('questionnaires.coachNote')}:** ${oneLine(note)}`);
    out.push('');
  }
  const answers = answerLines(q, words);
  if (answers.length > 0) {
    out.push(
      `#### ${t('questionnaires.answers')}`,
      '',
      ...tableOf(
        [
          t('questionnaires.columns.question'),
          t('questionnaires.columns.respondent'),
          t('questionnaires.columns.answer'),
        ],
        answers.map((line) => [line.question, line.respondent, line.answer]),
        words,
      ),
      '',
    );
  }
  return out;
}
