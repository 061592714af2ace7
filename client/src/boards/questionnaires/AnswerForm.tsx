/**
 * Filling in an open questionnaire. Answers go to the server only (held there until the
 * facilitator reveals them, never in the doc, never sent to anyone else); what is shown is what
 * the server acknowledged, with the person's last change shown at once while it is saved.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer, Questionnaire } from '@shared/questionnaire/schema';
import type { QuestionnaireChannel } from '@client/connection/questionnaireChannel';
import { serverErrorText } from '@client/connection/api/serverErrorText';
import { AnswerInput } from './AnswerInput';
import { QuestionBlock } from './QuestionBlock';

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export function AnswerForm({
  questionnaire,
  channel,
  anonymous,
  readOnly,
}: {
  questionnaire: Questionnaire;
  channel: QuestionnaireChannel;
  anonymous: boolean;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Record<string, Answer> | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void channel.mine(questionnaire.id).then((reply) => {
      if (!live) return;
      if (reply.ok && reply.value) setAnswers(reply.value.answers);
      else setLoadError(reply.ok ? null : serverErrorText(t, reply));
    });
    return () => {
      live = false;
    };
  }, [channel, questionnaire.id, t]);

  const save = async (questionId: string, answer: Answer | null): Promise<string | null> => {
    setAnswers((current) => {
      const next = { ...current };
      if (answer) next[questionId] = answer;
      else delete next[questionId];
      return next;
    });
    setState('saving');
    const reply = await channel.save(questionnaire.id, { [questionId]: answer });
    if (reply.ok && reply.value) {
      setAnswers(reply.value.answers);
      setState('saved');
      return null;
    }
    setState('failed');
    return reply.ok ? null : serverErrorText(t, reply);
  };

  if (loadError) {
    return (
      <p className="field__error" role="alert">
        {t('questionnaires.notLoaded', { error: loadError })}
      </p>
    );
  }
  if (!answers) return <p className="q-muted">{t('questionnaires.loading')}</p>;
  const answered = Object.keys(answers).length;
  return (
    <form className="q-form" onSubmit={(e) => e.preventDefault()} data-testid="answer-form">
      <p className="q-private" data-testid="answers-private">
        {anonymous ? t('questionnaires.privateAnonymous') : t('questionnaires.private')}
      </p>
      {questionnaire.sections.map((section, s) => (
        <fieldset key={section.id} className="q-section">
          <legend className="q-section__title">
            {section.title}
            {section.subtitle && <span className="q-section__subtitle"> — {section.subtitle}</span>}
          </legend>
          {section.description && <p className="q-section__description">{section.description}</p>}
          {section.questions.map((question, q) => (
            <QuestionBlock key={question.id} question={question} number={`${s + 1}.${q + 1}`}>
              {({ labelledBy, describedBy }) => (
                <AnswerInput
                  question={question}
                  answer={answers[question.id]}
                  labelledBy={labelledBy}
                  describedBy={describedBy}
                  readOnly={readOnly}
                  onAnswer={(answer) => save(question.id, answer)}
                />
              )}
            </QuestionBlock>
          ))}
        </fieldset>
      ))}
      <p className="q-save-state" role="status" data-testid="answers-state">
        {state === 'saving'
          ? t('questionnaires.saving')
          : t('questionnaires.answeredCount', {
              count: answered,
              total: questionnaire.sections.reduce((n, s) => n + s.questions.length, 0),
            })}
      </p>
    </form>
  );
}
