/**
 * The control for one question, by answer type. It shows `answer` (undefined: not answered) and
 * calls `onAnswer` with a tagged answer, or null to clear it back to "not answered" (a blank text or
 * an empty selection clears; nothing is ever filled in for the person). The caller saves and may
 * refuse: its message is shown under the control.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SHORT_TEXT_MAX,
  LONG_TEXT_MAX,
  type Answer,
  type Question,
} from '@shared/questionnaire/schema';
import { DraftField } from '@client/ui/DraftField';
import { WordCount } from './WordCount';

export type AnswerSaver = (answer: Answer | null) => Promise<string | null>;

interface AnswerInputProps {
  question: Question;
  answer: Answer | undefined;
  onAnswer: AnswerSaver;
  /** The id of the question's text, which labels the control. */
  labelledBy: string;
  describedBy?: string;
  readOnly?: boolean;
}

export function AnswerInput(props: AnswerInputProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const save = (answer: Answer | null) => {
    setError(null);
    void props.onAnswer(answer).then(setError);
  };
  const describedBy = [props.describedBy, error ? errorId : null].filter(Boolean).join(' ');
  const shared = { ...props, save, describedBy: describedBy || undefined };
  return (
    <div className="q-answer">
      <Control {...shared} />
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {t('questionnaires.notSaved', { error })}
        </p>
      )}
    </div>
  );
}

type ControlProps = AnswerInputProps & { save: (answer: Answer | null) => void };

function Control(props: ControlProps) {
  const kind = props.question.answer.type;
  if (kind === 'short-text' || kind === 'long-text') return <TextAnswer {...props} />;
  if (kind === 'number') return <NumberAnswer {...props} />;
  if (kind === 'multiple-choice') return <MultipleChoice {...props} />;
  if (kind === 'ranking') return <RankingAnswer {...props} />;
  return <OneOf {...props} />;
}

function TextAnswer({ question, answer, save, labelledBy, describedBy, readOnly }: ControlProps) {
  const { t } = useTranslation();
  const type = question.answer;
  const long = type.type === 'long-text';
  const [draft, setDraft] = useState<string | null>(null);
  const value =
    answer && (answer.type === 'short-text' || answer.type === 'long-text') ? answer.value : '';
  const max = type.type === 'long-text' || type.type === 'short-text' ? type.maxLength : undefined;
  const maxLength = max ?? (long ? LONG_TEXT_MAX : SHORT_TEXT_MAX);
  const target = type.type === 'long-text' ? type.wordTarget : undefined;
  const bullets = type.type === 'long-text' && type.format === 'bullets';
  return (
    <>
      <DraftField
        value={value}
        multiline={long}
        rows={long ? (target ? 10 : 5) : undefined}
        maxLength={maxLength}
        readOnly={readOnly}
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        placeholder={bullets ? t('questionnaires.bulletsPlaceholder') : undefined}
        className={long ? 'field__input q-answer__long' : 'field__input'}
        limitMessage={t('questionnaires.atLimit', { count: maxLength })}
        onDraft={setDraft}
        onCommit={(text) => {
          const trimmed = text.trim();
          save(trimmed ? { type: type.type as 'short-text', value: text } : null);
        }}
      />
      {target !== undefined && <WordCount text={draft ?? value} target={target} />}
    </>
  );
}

function NumberAnswer({ question, answer, save, labelledBy, describedBy, readOnly }: ControlProps) {
  const { t } = useTranslation();
  const type = question.answer.type === 'number' ? question.answer : undefined;
  const value = answer?.type === 'number' ? String(answer.value) : '';
  return (
    <span className="q-answer__number">
      <DraftField
        value={value}
        inputMode={type?.integer ? 'numeric' : 'decimal'}
        readOnly={readOnly}
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        onCommit={(text) => {
          const trimmed = text.trim().replace(',', '.');
          if (!trimmed) return save(null);
          const number = Number(trimmed);
          if (!Number.isFinite(number)) return t('questionnaires.notANumber');
          save({ type: 'number', value: number });
        }}
      />
      {type?.unit && <span className="q-answer__unit">{type.unit}</span>}
    </span>
  );
}

/** Likert, yes/no and single choice: one of a few, as radio buttons, with a way back to none. */
function OneOf({ question, answer, save, labelledBy, describedBy, readOnly }: ControlProps) {
  const { t } = useTranslation();
  const name = useId();
  const type = question.answer;
  let choices: { key: string; label: string; answer: Answer }[] = [];
  if (type.type === 'likert') {
    choices = type.labels.map((label, i) => ({
      key: String(i + 1),
      label: `${i + 1} · ${label}`,
      answer: { type: 'likert', value: i + 1 },
    }));
  } else if (type.type === 'yes-no') {
    choices = [
      {
        key: 'yes',
        label: t('questionnaires.answer.yes'),
        answer: { type: 'yes-no', value: true },
      },
      { key: 'no', label: t('questionnaires.answer.no'), answer: { type: 'yes-no', value: false } },
    ];
  } else if (type.type === 'single-choice') {
    choices = type.options.map((o) => ({
      key: o.id,
      label: o.label,
      answer: { type: 'single-choice', value: o.id },
    }));
  }
  const chosen = answer ? JSON.stringify(answer.value) : null;
  return (
    <div
      role="radiogroup"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      className={type.type === 'likert' ? 'q-choices q-choices--scale' : 'q-choices'}
    >
      {choices.map((c) => (
        <label key={c.key} className="q-choice">
          <input
            type="radio"
            name={name}
            disabled={readOnly}
            checked={chosen === JSON.stringify(c.answer.value)}
            onChange={() => save(c.answer)}
          />
          <span>{c.label}</span>
        </label>
      ))}
      {answer && !readOnly && (
        <button type="button" className="button button--ghost q-clear" onClick={() => save(null)}>
          {t('questionnaires.clear')}
        </button>
      )}
    </div>
  );
}

function MultipleChoice({
  question,
  answer,
  save,
  labelledBy,
  describedBy,
  readOnly,
}: ControlProps) {
  const type = question.answer.type === 'multiple-choice' ? question.answer : undefined;
  const selected = answer?.type === 'multiple-choice' ? answer.value : [];
  if (!type) return null;
  const toggle = (id: string) => {
    const next = selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id];
    // Options stay in the question's order; none selected is "not answered".
    const ordered = type.options.map((o) => o.id).filter((x) => next.includes(x));
    save(ordered.length ? { type: 'multiple-choice', value: ordered } : null);
  };
  return (
    <div
      role="group"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      className="q-choices"
    >
      {type.options.map((o) => (
        <label key={o.id} className="q-choice">
          <input
            type="checkbox"
            disabled={readOnly}
            checked={selected.includes(o.id)}
            onChange={() => toggle(o.id)}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
}

/**
 * A ranking: the options in the person's order, moved with buttons (keyboard and touch alike).
 * Until the person moves one or keeps the order shown, the question is not answered.
 */
function RankingAnswer({
  question,
  answer,
  save,
  labelledBy,
  describedBy,
  readOnly,
}: ControlProps) {
  const { t } = useTranslation();
  const type = question.answer.type === 'ranking' ? question.answer : undefined;
  if (!type) return null;
  const order = answer?.type === 'ranking' ? answer.value : type.options.map((o) => o.id);
  const label = (id: string) => type.options.find((o) => o.id === id)?.label ?? id;
  const move = (index: number, by: number) => {
    const next = [...order];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    save({ type: 'ranking', value: next });
  };
  return (
    <div className="q-ranking">
      <ol aria-labelledby={labelledBy} aria-describedby={describedBy} className="q-ranking__list">
        {order.map((id, i) => (
          <li key={id} className="q-ranking__item">
            <span>{label(id)}</span>
            {!readOnly && (
              <span className="q-ranking__moves">
                <button
                  type="button"
                  className="icon-button"
                  disabled={i === 0}
                  aria-label={t('questionnaires.ranking.up', { option: label(id) })}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  disabled={i === order.length - 1}
                  aria-label={t('questionnaires.ranking.down', { option: label(id) })}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {!readOnly && !answer && (
        <button
          type="button"
          className="button"
          onClick={() => save({ type: 'ranking', value: order })}
        >
          {t('questionnaires.ranking.keep')}
        </button>
      )}
      {!readOnly && answer && (
        <button type="button" className="button button--ghost q-clear" onClick={() => save(null)}>
          {t('questionnaires.clear')}
        </button>
      )}
    </div>
  );
}
