/** One question as a person reads it: its text, hint and examples, then what goes with it. */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '@shared/questionnaire/schema';

export function QuestionBlock({
  question,
  number,
  children,
}: {
  question: Question;
  number: string;
  children: (ids: { labelledBy: string; describedBy: string | undefined }) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="q-question" data-testid={`question-${question.id}`}>
      <p id={id} className="q-question__text">
        <span className="q-question__number">{number}</span> {question.text}
        {question.sumUp && <span className="q-question__sumup">{t('questionnaires.sumUp')}</span>}
      </p>
      {question.hint && (
        <p id={hintId} className="q-question__hint">
          {question.hint}
        </p>
      )}
      {question.examples && question.examples.length > 0 && (
        <details className="q-question__examples">
          <summary>{t('questionnaires.examples', { count: question.examples.length })}</summary>
          <ul>
            {question.examples.map((example) => (
              <li key={example}>{example}</li>
            ))}
          </ul>
        </details>
      )}
      {children({ labelledBy: id, describedBy: question.hint ? hintId : undefined })}
    </div>
  );
}
