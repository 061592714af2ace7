/**
 * The facilitator starts a shipped questionnaire: the cluster-management self-assessment, the
 * StressTest or the formative evaluation, named or anonymous, with results live or held until the
 * reveal. The defaults are the template's (the evaluation is anonymous; the self-assessment's
 * individual filling shows nothing before the reveal).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  QUESTIONNAIRE_TEMPLATE_IDS,
  questionnaireTemplate,
  SELF_ASSESSMENT,
} from '@shared/questionnaire/shipped';
import type { QuestionnaireChannel } from '@client/connection/questionnaireChannel';
import { serverErrorText } from '@client/connection/api/serverErrorText';
import { Field } from '@client/ui/Field';

type TemplateId = (typeof QUESTIONNAIRE_TEMPLATE_IDS)[number];

export function StartQuestionnaire({
  channel,
  initial,
  onStarted,
}: {
  channel: QuestionnaireChannel | null;
  initial: TemplateId;
  onStarted: (questionnaireId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [templateId, setTemplateId] = useState<TemplateId>(initial);
  const template = questionnaireTemplate(templateId, i18n.language);
  const [anonymous, setAnonymous] = useState<boolean | null>(null);
  const [live, setLive] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const anonymousNow = anonymous ?? template.anonymous;
  const liveNow = live ?? templateId !== SELF_ASSESSMENT.templateId;
  const questions = template.sections.reduce((n, s) => n + s.questions.length, 0);

  const start = async () => {
    if (!channel) return;
    setBusy(true);
    setError(null);
    const reply = await channel.start({
      templateId,
      anonymous: anonymousNow,
      liveResults: liveNow,
    });
    setBusy(false);
    if (reply.ok && reply.value) onStarted(reply.value.questionnaireId);
    else setError(reply.ok ? null : serverErrorText(t, reply));
  };

  return (
    <form
      className="q-start"
      data-testid="start-questionnaire"
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
    >
      <h2 className="q-start__title">{t('questionnaires.start.title')}</h2>
      <Field label={t('questionnaires.start.template')}>
        {(control) => (
          <select
            {...control}
            className="field__input field__select"
            value={templateId}
            data-testid="questionnaire-template"
            onChange={(e) => {
              setTemplateId(e.target.value as TemplateId);
              setAnonymous(null);
              setLive(null);
            }}
          >
            {QUESTIONNAIRE_TEMPLATE_IDS.map((id) => (
              <option key={id} value={id}>
                {questionnaireTemplate(id, i18n.language).title}
              </option>
            ))}
          </select>
        )}
      </Field>
      {template.description && <p className="q-muted">{template.description}</p>}
      <p className="q-muted">
        {t('questionnaires.start.size', { count: questions, sections: template.sections.length })}
      </p>
      <label className="q-choice">
        <input
          type="checkbox"
          checked={anonymousNow}
          data-testid="questionnaire-anonymous"
          onChange={(e) => setAnonymous(e.target.checked)}
        />
        <span>{t('questionnaires.start.anonymous')}</span>
      </label>
      <label className="q-choice">
        <input
          type="checkbox"
          checked={liveNow}
          data-testid="questionnaire-live"
          onChange={(e) => setLive(e.target.checked)}
        />
        <span>{t('questionnaires.start.live')}</span>
      </label>
      <p className="q-muted">
        {liveNow ? t('questionnaires.start.liveHint') : t('questionnaires.start.heldHint')}
      </p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary"
        disabled={busy || !channel}
        data-testid="questionnaire-start"
      >
        {t('questionnaires.start.submit')}
      </button>
    </form>
  );
}
