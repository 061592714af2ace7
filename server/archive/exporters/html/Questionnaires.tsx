// @jsxRuntime automatic
/**
 * The report's questionnaires (every one but the self-assessments, which have their own section):
 * per questionnaire its facts, then per question its results — likert distributions and choices
 * as bars, the mean and number statistics as facts, rankings as a table, the texts as a list —
 * and the coach's note; then every answer, one row each. A questionnaire not revealed says so and
 * shows nothing else: the record holds no answers for it.
 */
import type { ReactNode } from 'react';
import { recordQuestionnaires } from '../../../../shared/record/schema';
import { isSelfAssessment } from '../../../../shared/record/questionnaireExtract';
import type {
  RecordQuestionAggregate,
  RecordQuestionnaire,
} from '../../../../shared/record/questionnaireSchema';
import type { Question } from '../../../../shared/questionnaire/schema';
import {
  answerLines,
  coachNoteOf,
  optionLabel,
  questionnaireFacts,
  questionResults,
  resultLines,
  statText,
} from '../questionnaireText';
import type { ExportVocabulary } from '../vocabulary';
import { Bars, Facts, Section, type ReportProps } from './blocks';

function Result({
  question,
  result,
  words,
}: {
  question: Question;
  result: RecordQuestionAggregate;
  words: ExportVocabulary;
}): ReactNode {
  const { t } = words;
  const lines = resultLines(question, result, words);
  if (result.n === 0) return <p className="muted">{t('questionnaires.noAnswers')}</p>;
  switch (result.type) {
    case 'short-text':
    case 'long-text':
      return (
        <ul className="answer-texts">
          {result.texts.map((text, i) => (
            <li key={i} className="answer">
              {text}
            </li>
          ))}
        </ul>
      );
    case 'likert': {
      const [mean] = lines.slice(-1);
      return (
        <>
          <Bars
            rows={lines.slice(0, -1).map((l) => ({ label: l.label, total: Number(l.value) }))}
            max={result.n}
          />
          <Facts facts={[[mean!.label, statText(mean!.value, words)]]} />
        </>
      );
    }
    case 'yes-no':
    case 'single-choice':
    case 'multiple-choice':
      return (
        <Bars
          rows={lines.map((l) => ({ label: l.label, total: Number(l.value) }))}
          max={result.n}
        />
      );
    case 'number':
      return <Facts facts={lines.map((l) => [l.label, statText(l.value, words)])} />;
    case 'ranking':
      return (
        <table>
          <thead>
            <tr>
              <th>{t('questionnaires.columns.result')}</th>
              <th className="num">{t('questionnaires.meanRank')}</th>
              <th className="num">{t('questionnaires.points')}</th>
            </tr>
          </thead>
          <tbody>
            {result.ranks.map((rank, i) => {
              return (
                <tr key={rank.optionId}>
                  <td>{`${i + 1}. ${optionLabel(question, rank.optionId)}`}</td>
                  <td className="num">{statText(rank.meanRank, words)}</td>
                  <td className="num">{words.number(rank.borda)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      );
  }
}

function Questionnaire({
  questionnaire,
  words,
}: {
  questionnaire: RecordQuestionnaire;
  words: ExportVocabulary;
}): ReactNode {
  const { t } = words;
  const results = questionResults(questionnaire);
  const answers = answerLines(questionnaire, words);
  return (
    <div className="questionnaire">
      <h3>{questionnaire.definition.title}</h3>
      {questionnaireFacts(questionnaire, words).map((fact, i) => (
        <p key={i} className="muted">
          {fact}
        </p>
      ))}
      {results.map(({ section, question, result }) => {
        const note = coachNoteOf(questionnaire, question.id);
        return (
          <div key={question.id} className="question">
            <h4>
              <span className="muted">{section.title} · </span>
              {question.text}
            </h4>
            <p className="muted">{t('questionnaires.answered', { count: result.n })}</p>
            <Result question={question} result={result} words={words} />
            {note && <Facts facts={[[t('questionnaires.coachNote'), note]]} />}
          </div>
        );
      })}
      {answers.length > 0 && (
        <>
          <h4>{t('questionnaires.answers')}</h4>
          <table className="answers-table">
            <thead>
              <tr>
                <th>{t('questionnaires.columns.question')}</th>
                <th>{t('questionnaires.columns.respondent')}</th>
                <th>{t('questionnaires.columns.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {answers.map((line, i) => (
                <tr key={i}>
                  <td>{line.question}</td>
                  <td>{line.respondent}</td>
                  <td className="answer">{line.answer}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

export function Questionnaires({ record, words }: Omit<ReportProps, 'index'>): ReactNode {
  const shown = recordQuestionnaires(record).filter((q) => !isSelfAssessment(q.definition));
  if (shown.length === 0) return null;
  return (
    <Section id="questionnaires" title={words.t('questionnaires.heading')}>
      {shown.map((q) => (
        <Questionnaire key={q.definition.id} questionnaire={q} words={words} />
      ))}
    </Section>
  );
}
