/** The live word count against a target (a target, not a limit: going over is fine). */
import { useTranslation } from 'react-i18next';
import { wordProgress } from '@shared/questionnaire/wordCount';

export function WordCount({ text, target }: { text: string; target: number }) {
  const { t } = useTranslation();
  const { words, ratio } = wordProgress(text, target);
  return (
    <p className="q-words" data-testid="word-count">
      <span className="q-words__bar" aria-hidden="true">
        <span style={{ width: `${Math.min(1, ratio) * 100}%` }} />
      </span>
      {t('questionnaires.words', { count: words, target })}
    </p>
  );
}
