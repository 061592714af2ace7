// @jsxRuntime automatic
/**
 * The report's self-assessment section (copies of the cluster-management self-assessment): per
 * manager, their answers to the A, B and C dimensions question by question ("not answered" where
 * they gave none — never a made-up value), their three sum-ups side by side, and the two ~500-word
 * summaries with their word counts; then the coach's notes, question by question.
 */
import type { ReactNode } from 'react';
import { recordQuestionnaires } from '../../../../shared/record/schema';
import { isSelfAssessment } from '../../../../shared/record/questionnaireExtract';
import type { RecordQuestionnaire } from '../../../../shared/record/questionnaireSchema';
import { allQuestions } from '../../../../shared/questionnaire/schema';
import { SELF_ASSESSMENT } from '../../../../shared/questionnaire/shipped';
import {
  answerText,
  coachNoteOf,
  questionnaireFacts,
  respondentLabel,
  wordCountText,
} from '../questionnaireText';
import type { ExportVocabulary } from '../vocabulary';
import { Section, type ReportProps } from './blocks';

const SUMMARY_SECTION = 'summaries';
const DIMENSIONS = ['A', 'B', 'C'] as const;

function Manager({
  questionnaire,
  position,
  words,
}: {
  questionnaire: RecordQuestionnaire;
  position: number;
  words: ExportVocabulary;
}): ReactNode {
  const { t } = words;
  const response = questionnaire.responses[position]!;
  const summary = questionnaire.selfAssessment?.[position];
  const summaryIds = new Set<string>(Object.values(SELF_ASSESSMENT.summaries));
  // The summaries are shown below with their word counts, not among the A/B/C answers.
  const sections = questionnaire.definition.sections
    .map((section) => ({
      section,
      questions: section.questions.filter((q) => !summaryIds.has(q.id)),
    }))
    .filter(({ section, questions }) => section.id !== SUMMARY_SECTION && questions.length > 0);
  const notAnswered = <span className="muted">{t('questionnaires.notAnswered')}</span>;
  return (
    <div className="manager">
      <h4>{respondentLabel(questionnaire, response, position, words)}</h4>
      {sections.map(({ section, questions }) => (
        <table key={section.id} className="answers-table">
          <caption>
            {section.title}
            {section.subtitle && <span className="muted"> — {section.subtitle}</span>}
          </caption>
          <tbody>
            {questions.map((question) => {
              const answer = response.answers[question.id];
              return (
                <tr key={question.id} className={question.sumUp ? 'sum-up' : undefined}>
                  <th scope="row">{question.text}</th>
                  <td className="answer">
                    {answer ? answerText(question, answer, words) : notAnswered}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
      {summary && (
        <>
          <div className="sum-ups">
            {DIMENSIONS.map((d) => (
              <div key={d} className="sum-ups__cell">
                <div className="activity__label">{t('questionnaires.sumUp', { dimension: d })}</div>
                <div className="answer">
                  {summary.sumUps[d].questionId === null ? (
                    <span className="muted">{t('questionnaires.noSumUp')}</span>
                  ) : (
                    (summary.sumUps[d].text ?? notAnswered)
                  )}
                </div>
              </div>
            ))}
          </div>
          {(
            [
              ['keyIssues', summary.keyIssues],
              ['solutions', summary.solutions],
            ] as const
          ).map(([key, text]) => (
            <div key={key} className="summary-text">
              <h5>
                {t(`questionnaires.${key}`)}{' '}
                <span className="muted">
                  {text.text === null
                    ? t('questionnaires.notAnswered')
                    : wordCountText(text, words)}
                </span>
              </h5>
              {text.text !== null && <p className="answer">{text.text}</p>}
            </div>
          ))}
        </>
      )}
    </div>
  );
}

function CoachNotes({
  questionnaire,
  words,
}: {
  questionnaire: RecordQuestionnaire;
  words: ExportVocabulary;
}): ReactNode {
  const { t } = words;
  if (questionnaire.coachNotes.length === 0) return null;
  const texts = new Map(
    allQuestions(questionnaire.definition).map(({ question }) => [question.id, question.text]),
  );
  return (
    <>
      <h4>{t('questionnaires.coachNote')}</h4>
      <table className="answers-table">
        <tbody>
          {questionnaire.coachNotes.map((note) => (
            <tr key={note.questionId}>
              <th scope="row">
                {texts.get(note.questionId) ??
                  t('questionnaires.removedQuestion', { id: note.questionId })}
              </th>
              <td className="answer">{coachNoteOf(questionnaire, note.questionId)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function SelfAssessment({ record, words }: Omit<ReportProps, 'index'>): ReactNode {
  const shown = recordQuestionnaires(record).filter((q) => isSelfAssessment(q.definition));
  if (shown.length === 0) return null;
  return (
    <Section id="self-assessment" title={words.t('questionnaires.selfAssessmentHeading')}>
      {shown.map((q) => (
        <div key={q.definition.id} className="questionnaire">
          <h3>{q.definition.title}</h3>
          {questionnaireFacts(q, words).map((fact, i) => (
            <p key={i} className="muted">
              {fact}
            </p>
          ))}
          {q.responses.map((response, i) => (
            <Manager key={response.respondentId} questionnaire={q} position={i} words={words} />
          ))}
          <CoachNotes questionnaire={q} words={words} />
        </div>
      ))}
    </Section>
  );
}
