/**
 * A questionnaire's results (shared/questionnaire/aggregate.ts): counts, the likert distribution
 * and mean, number statistics, rankings by Borda points, the texts. Never who answered what.
 * Shown live while people answer (runs with live results) and after the reveal; on the wall too.
 */
import { useTranslation } from 'react-i18next';
import type { QuestionAggregate, QuestionnaireAggregate } from '@shared/questionnaire/aggregate';
import type { Question, Questionnaire } from '@shared/questionnaire/schema';

export function ResultsView({
  questionnaire,
  aggregate,
  only,
}: {
  questionnaire: Questionnaire;
  aggregate: QuestionnaireAggregate;
  /** Show one question (the one under discussion, on the wall). */
  only?: string;
}) {
  const { t } = useTranslation();
  const byId = new Map(aggregate.questions.map((q) => [q.questionId, q] as const));
  return (
    <div className="q-results" data-testid="questionnaire-results">
      <p className="q-muted" role="status">
        {t('questionnaires.results.respondents', { count: aggregate.respondents })}
      </p>
      {questionnaire.sections.map((section) => {
        const questions = section.questions.filter((q) => !only || q.id === only);
        if (questions.length === 0) return null;
        return (
          <section key={section.id} className="q-results__section">
            <h3 className="q-section__title">{section.title}</h3>
            {questions.map((question) => (
              <QuestionResult
                key={question.id}
                question={question}
                result={byId.get(question.id)}
              />
            ))}
          </section>
        );
      })}
    </div>
  );
}

function QuestionResult({ question, result }: { question: Question; result?: QuestionAggregate }) {
  const { t } = useTranslation();
  return (
    <div className="q-result" data-testid={`result-${question.id}`}>
      <p className="q-question__text">{question.text}</p>
      {!result || result.n === 0 ? (
        <p className="q-muted">{t('questionnaires.results.none')}</p>
      ) : (
        <ResultBody question={question} result={result} />
      )}
    </div>
  );
}

function Bars({ rows, n }: { rows: { label: string; count: number }[]; n: number }) {
  return (
    <ul className="q-bars">
      {rows.map((row) => (
        <li key={row.label} className="q-bars__row">
          <span className="q-bars__label">{row.label}</span>
          <span className="q-bars__track" aria-hidden="true">
            <span style={{ width: `${n ? (row.count / n) * 100 : 0}%` }} />
          </span>
          <span className="q-bars__count">{row.count}</span>
        </li>
      ))}
    </ul>
  );
}

const fmt = (x: number | null) => (x === null ? '–' : String(Math.round(x * 100) / 100));

function ResultBody({ question, result }: { question: Question; result: QuestionAggregate }) {
  const { t } = useTranslation();
  const type = question.answer;
  const optionLabel = (id: string) =>
    ('options' in type ? type.options.find((o) => o.id === id)?.label : undefined) ?? id;
  switch (result.type) {
    case 'likert':
      return (
        <>
          <Bars
            n={result.n}
            rows={result.distribution.map((count, i) => ({
              label: `${i + 1} · ${type.type === 'likert' ? type.labels[i] : ''}`,
              count,
            }))}
          />
          <p className="q-muted">
            {t('questionnaires.results.mean', { mean: fmt(result.mean), count: result.n })}
          </p>
        </>
      );
    case 'yes-no':
      return (
        <Bars
          n={result.n}
          rows={[
            { label: t('questionnaires.answer.yes'), count: result.yes },
            { label: t('questionnaires.answer.no'), count: result.no },
          ]}
        />
      );
    case 'single-choice':
    case 'multiple-choice':
      return (
        <Bars
          n={result.n}
          rows={Object.entries(result.counts).map(([id, count]) => ({
            label: optionLabel(id),
            count,
          }))}
        />
      );
    case 'number':
      return (
        <p className="q-muted">
          {t('questionnaires.results.numbers', {
            min: fmt(result.min),
            median: fmt(result.median),
            mean: fmt(result.mean),
            max: fmt(result.max),
            count: result.n,
          })}
        </p>
      );
    case 'ranking':
      return (
        <ol className="q-ranking__list">
          {[...result.ranks]
            .sort((a, b) => b.borda - a.borda)
            .map((r) => (
              <li key={r.optionId}>
                {optionLabel(r.optionId)}{' '}
                <span className="q-muted">
                  {t('questionnaires.results.rank', { count: r.borda, mean: fmt(r.meanRank) })}
                </span>
              </li>
            ))}
        </ol>
      );
    case 'short-text':
    case 'long-text':
      return (
        <ul className="q-texts">
          {result.texts.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ul>
      );
  }
}
