/**
 * An answer as a person reads it (side by side, summaries, the wall): option labels instead of
 * ids, the likert point with its label, the number with its unit. An answer that no longer fits
 * its (edited) question is shown as given, marked by the caller; nothing is converted.
 */
import type { TFunction } from 'i18next';
import type { Answer, Question } from '@shared/questionnaire/schema';

function optionLabel(question: Question, optionId: string): string {
  const answer = question.answer;
  if ('options' in answer) return answer.options.find((o) => o.id === optionId)?.label ?? optionId;
  return optionId;
}

export function answerText(question: Question, answer: Answer, t: TFunction): string {
  switch (answer.type) {
    case 'short-text':
    case 'long-text':
      return answer.value;
    case 'likert': {
      const label =
        question.answer.type === 'likert' ? question.answer.labels[answer.value - 1] : '';
      return label ? `${answer.value} – ${label}` : String(answer.value);
    }
    case 'yes-no':
      return answer.value ? t('questionnaires.answer.yes') : t('questionnaires.answer.no');
    case 'number': {
      const unit = question.answer.type === 'number' ? question.answer.unit : undefined;
      return unit ? `${answer.value} ${unit}` : String(answer.value);
    }
    case 'single-choice':
      return optionLabel(question, answer.value);
    case 'multiple-choice':
      return answer.value.map((id) => optionLabel(question, id)).join('; ');
    case 'ranking':
      return answer.value.map((id, i) => `${i + 1}. ${optionLabel(question, id)}`).join('  ');
  }
}
