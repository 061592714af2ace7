/**
 * A run's state for everyone (open: how many of the people asked have answered; revealed), and the
 * facilitator's reveal. The reveal is final: it asks first, saying how many have answered.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionnaireTurnout } from '@shared/control/questionnaires';
import type { QuestionnaireChannel } from '@client/connection/questionnaireChannel';
import { serverErrorText } from '@client/connection/api/serverErrorText';

export function RunBar({
  run,
  revealed,
  facilitator,
  channel,
  onStartAnother,
}: {
  run: QuestionnaireTurnout | undefined;
  revealed: boolean;
  facilitator: boolean;
  channel: QuestionnaireChannel | null;
  onStartAnother: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reveal = async () => {
    if (!channel || !run) return;
    setError(null);
    const reply = await channel.reveal(run.questionnaireId);
    setConfirming(false);
    if (!reply.ok) setError(serverErrorText(t, reply));
  };
  return (
    <div className="q-run" data-testid="questionnaire-run">
      <p className="q-run__status" role="status" data-testid="questionnaire-turnout">
        {revealed
          ? t('questionnaires.run.revealed')
          : run
            ? t('questionnaires.run.turnout', {
                count: run.respondentIds.length,
                answered: run.answered,
              })
            : t('questionnaires.run.unknown')}
        {run && (
          <span className="q-run__mode">
            {' · '}
            {run.anonymous ? t('questionnaires.run.anonymous') : t('questionnaires.run.named')}
          </span>
        )}
      </p>
      {facilitator && run?.status === 'open' && !confirming && (
        <button
          type="button"
          className="button button--primary"
          data-testid="questionnaire-reveal"
          onClick={() => setConfirming(true)}
        >
          {t('questionnaires.run.reveal')}
        </button>
      )}
      {facilitator && confirming && run && (
        <span className="q-run__confirm" role="group" aria-label={t('questionnaires.run.reveal')}>
          <span>
            {t('questionnaires.run.confirm', {
              count: run.respondentIds.length,
              answered: run.answered,
            })}
          </span>
          <button
            type="button"
            className="button button--primary"
            data-testid="questionnaire-reveal-confirm"
            onClick={() => void reveal()}
          >
            {t('questionnaires.run.revealNow')}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('questionnaires.run.notYet')}
          </button>
        </span>
      )}
      {facilitator && (
        <button
          type="button"
          className="button"
          onClick={onStartAnother}
          data-testid="questionnaire-new"
        >
          {t('questionnaires.run.another')}
        </button>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
