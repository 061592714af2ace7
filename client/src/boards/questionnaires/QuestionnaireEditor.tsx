/**
 * The facilitator adapts the workshop's copy of a questionnaire: reword, move, remove and add
 * questions. Each change is one checked edit on the server (server/control/questionnaireEditing.ts);
 * rewording a question people already answered asks whether it is still the same question (a typo
 * fix keeps the answers) or a new one (the old answers are set aside, never deleted).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdaptQuestionnaire } from '@shared/control/questionnaires';
import type { AnswerType, Question, Questionnaire, Section } from '@shared/questionnaire/schema';
import type { QuestionnaireChannel } from '@client/connection/questionnaireChannel';
import { serverErrorText } from '@client/connection/api/serverErrorText';
import { DraftField } from '@client/ui/DraftField';

type Edit = AdaptQuestionnaire['edit'];

export function QuestionnaireEditor({
  questionnaire,
  channel,
}: {
  questionnaire: Questionnaire;
  channel: QuestionnaireChannel;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [decision, setDecision] = useState<Extract<Edit, { op: 'reword' }> | null>(null);

  const send = async (edit: Edit) => {
    setMessage(null);
    const reply = await channel.adapt(questionnaire.id, edit);
    if (reply.ok) {
      const orphaned = reply.value?.orphaned ?? 0;
      if (orphaned > 0) setMessage(t('questionnaires.editor.setAside', { count: orphaned }));
      setDecision(null);
      return;
    }
    if (reply.code === 'needs-decision' && edit.op === 'reword') setDecision(edit);
    else setMessage(serverErrorText(t, reply));
  };

  return (
    <div className="q-editor" data-testid="questionnaire-editor">
      <p className="q-muted">
        {t('questionnaires.editor.version', { version: questionnaire.version })}
        {questionnaire.basedOn &&
          ` · ${t('questionnaires.editor.basedOn', {
            template: questionnaire.basedOn.id,
            version: questionnaire.basedOn.version,
          })}`}
      </p>
      {message && (
        <p className="q-editor__message" role="status">
          {message}
        </p>
      )}
      {decision && (
        <div className="q-run__confirm" role="group" aria-label={t('questionnaires.editor.decide')}>
          <span>{t('questionnaires.editor.decide')}</span>
          <button
            type="button"
            className="button button--primary"
            data-testid="edit-meaning-same"
            onClick={() => void send({ ...decision, meaning: 'same' })}
          >
            {t('questionnaires.editor.same')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void send({ ...decision, meaning: 'changed' })}
          >
            {t('questionnaires.editor.changed')}
          </button>
          <button type="button" className="button button--ghost" onClick={() => setDecision(null)}>
            {t('questionnaires.editor.cancel')}
          </button>
        </div>
      )}
      {questionnaire.sections.map((section) => (
        <fieldset key={section.id} className="q-section">
          <legend className="q-section__title">{section.title}</legend>
          <ol className="q-editor__list">
            {section.questions.map((question, i) => (
              <EditedQuestion
                key={question.id}
                question={question}
                section={section}
                index={i}
                send={send}
              />
            ))}
          </ol>
          <AddQuestion section={section} send={send} />
        </fieldset>
      ))}
    </div>
  );
}

function EditedQuestion({
  question,
  section,
  index,
  send,
}: {
  question: Question;
  section: Section;
  index: number;
  send: (edit: Edit) => Promise<void>;
}) {
  const { t } = useTranslation();
  const move = (by: number) =>
    void send({ op: 'move', questionId: question.id, sectionId: section.id, index: index + by });
  return (
    <li className="q-editor__question" data-testid={`edit-question-${question.id}`}>
      <DraftField
        value={question.text}
        maxLength={1000}
        aria-label={t('questionnaires.editor.text', { number: index + 1 })}
        onCommit={(text) => {
          if (!text.trim()) return t('questionnaires.editor.blank');
          void send({ op: 'reword', questionId: question.id, text });
        }}
      />
      <span className="q-muted q-editor__type">
        {t(`questionnaires.types.${question.answer.type}`)}
      </span>
      <span className="q-ranking__moves">
        <button
          type="button"
          className="icon-button"
          disabled={index === 0}
          aria-label={t('questionnaires.editor.up', { number: index + 1 })}
          onClick={() => move(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          disabled={index === section.questions.length - 1}
          aria-label={t('questionnaires.editor.down', { number: index + 1 })}
          onClick={() => move(1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="button button--ghost"
          data-testid="edit-remove"
          onClick={() => void send({ op: 'remove', questionId: question.id })}
        >
          {t('questionnaires.editor.remove')}
        </button>
      </span>
    </li>
  );
}

const NEW_TYPES = ['long-text', 'short-text', 'likert', 'yes-no', 'number'] as const;
type NewType = (typeof NEW_TYPES)[number];

function AddQuestion({ section, send }: { section: Section; send: (edit: Edit) => Promise<void> }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [type, setType] = useState<NewType>('long-text');
  const answerOf = (kind: NewType): AnswerType => {
    if (kind === 'likert') {
      // An agreement scale in the facilitator's language, chosen by them with the type.
      const labels = [
        t('questionnaires.editor.agreement.disagreeStrongly'),
        t('questionnaires.editor.agreement.disagree'),
        t('questionnaires.editor.agreement.neutral'),
        t('questionnaires.editor.agreement.agree'),
        t('questionnaires.editor.agreement.agreeStrongly'),
      ];
      return { type: 'likert', labels };
    }
    return { type: kind } as AnswerType;
  };
  return (
    <form
      className="q-editor__add"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        void send({ op: 'add', sectionId: section.id, text, answer: answerOf(type) }).then(() =>
          setText(''),
        );
      }}
    >
      <input
        className="field__input"
        value={text}
        maxLength={1000}
        placeholder={t('questionnaires.editor.newQuestion')}
        aria-label={t('questionnaires.editor.newQuestionIn', { section: section.title })}
        data-testid="edit-new-question"
        onChange={(e) => setText(e.target.value)}
      />
      <select
        className="field__input field__select"
        value={type}
        aria-label={t('questionnaires.editor.type')}
        onChange={(e) => setType(e.target.value as NewType)}
      >
        {NEW_TYPES.map((kind) => (
          <option key={kind} value={kind}>
            {t(`questionnaires.types.${kind}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="button" disabled={!text.trim()} data-testid="edit-add">
        {t('questionnaires.editor.add')}
      </button>
    </form>
  );
}
