/**
 * The discussion with the coach (the self-assessment's step 4): question by question, one column
 * per respondent, the coach's note beside it. The facilitator picks the question under discussion
 * (the wall shows only that one, large); notes are the facilitator's, read by everyone.
 */
import { useTranslation } from 'react-i18next';
import { sideBySide } from '@shared/questionnaire/views';
import { COACH_NOTE_MAX } from '@shared/doc/questionnaireDiscussion';
import type { QuestionnaireChannel } from '@client/connection/questionnaireChannel';
import { DraftField } from '@client/ui/DraftField';
import { answerText } from './answerText';
import type { QuestionnaireInDoc } from './useQuestionnaireDoc';

export function SideBySideView({
  item,
  channel,
  coach,
  wall,
}: {
  item: QuestionnaireInDoc;
  channel: QuestionnaireChannel | null;
  /** The facilitator: writes notes and picks the question. */
  coach: boolean;
  /** The wall: only the question under discussion. */
  wall: boolean;
}) {
  const { t } = useTranslation();
  const { definition, notes, focus } = item;
  const table = sideBySide(definition, item.responses);
  const rows = wall && focus ? table.rows.filter((r) => r.question.id === focus) : table.rows;
  const columnName = (i: number) =>
    table.columns[i]?.name ?? t('questionnaires.respondent', { number: i + 1 });
  const ids = table.rows.map((r) => r.question.id);
  const at = focus ? ids.indexOf(focus) : -1;
  const setFocus = (questionId: string | null) => void channel?.focus(definition.id, questionId);

  if (table.columns.length === 0) {
    return <p className="q-muted">{t('questionnaires.noAnswers')}</p>;
  }
  return (
    <div className={wall ? 'q-side q-side--wall' : 'q-side'} data-testid="side-by-side">
      {coach && (
        <div className="q-side__nav">
          <button
            type="button"
            className="button"
            disabled={at <= 0}
            onClick={() => setFocus(ids[at - 1] ?? null)}
          >
            {t('questionnaires.discussion.previous')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={at === ids.length - 1}
            onClick={() => setFocus(ids[at + 1] ?? null)}
            data-testid="discussion-next"
          >
            {at < 0 ? t('questionnaires.discussion.start') : t('questionnaires.discussion.next')}
          </button>
          {focus && (
            <button type="button" className="button button--ghost" onClick={() => setFocus(null)}>
              {t('questionnaires.discussion.showAll')}
            </button>
          )}
        </div>
      )}
      <div className="q-side__scroll">
        <table className="q-side__table">
          <thead>
            <tr>
              <th scope="col">{t('questionnaires.question')}</th>
              {table.columns.map((c, i) => (
                <th key={c.respondentId} scope="col" data-testid="side-by-side-column">
                  {columnName(i)}
                </th>
              ))}
              <th scope="col">{t('questionnaires.coachNotes')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.question.id}
                className={
                  row.question.id === focus ? 'q-side__row q-side__row--focus' : 'q-side__row'
                }
                aria-current={row.question.id === focus ? 'true' : undefined}
                data-testid={`side-row-${row.question.id}`}
              >
                <th scope="row" className="q-side__question">
                  {row.question.text}
                  {coach && row.question.id !== focus && (
                    <button
                      type="button"
                      className="button button--ghost q-side__discuss"
                      onClick={() => setFocus(row.question.id)}
                    >
                      {t('questionnaires.discussion.discuss')}
                    </button>
                  )}
                </th>
                {row.answers.map((answer, i) => (
                  <td key={table.columns[i]!.respondentId} className="q-side__answer">
                    {answer ? (
                      answerText(row.question, answer, t)
                    ) : (
                      <span className="q-muted">{t('questionnaires.notAnswered')}</span>
                    )}
                  </td>
                ))}
                <td className="q-side__note">
                  {coach && !wall ? (
                    <DraftField
                      multiline
                      rows={3}
                      value={notes[row.question.id] ?? ''}
                      maxLength={COACH_NOTE_MAX}
                      aria-label={t('questionnaires.coachNoteOn', { question: row.question.text })}
                      testId={`coach-note-${row.question.id}`}
                      onCommit={(text) => void channel?.note(definition.id, row.question.id, text)}
                    />
                  ) : (
                    (notes[row.question.id] ?? '')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
