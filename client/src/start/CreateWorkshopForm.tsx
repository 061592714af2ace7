/**
 * Creates a workshop. The facilitator who creates it keeps all three tokens in this browser and
 * lands on the board as facilitator.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  WORKSHOP_TEMPLATES,
  WORKSHOP_TITLE_MAX,
  type WorkshopTemplate,
} from '@shared/domain/workshopTemplates';
import { ApiRequestError, NetworkError } from '@client/connection/api/errors';
import { createWorkshop } from '@client/connection/api/workshops';
import { navigate } from '@client/lib/navigation';
import { saveWorkshopAccess } from '@client/store/workshopAccess';
import { describeError } from '@client/connection/api/describeError';

export function CreateWorkshopForm() {
  const { t } = useTranslation();
  const formTitleId = useId();
  const titleId = useId();
  const templateId = useId();
  const errorId = useId();
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<WorkshopTemplate>('edw');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    if (!title.trim()) {
      setError({ message: t('start.errors.titleRequired'), field: 'title' });
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const created = await createWorkshop({ title: title.trim(), template });
      saveWorkshopAccess(created.id, { token: created.tokens.facilitator, tokens: created.tokens });
      navigate(`/w/${encodeURIComponent(created.id)}`);
    } catch (caught) {
      setSubmitting(false);
      if (caught instanceof NetworkError) setError({ message: t('start.errors.network') });
      else if (caught instanceof ApiRequestError)
        setError({
          message: t('start.errors.generic', { message: describeError(caught, t) }),
          field: caught.field,
        });
      else setError({ message: t('start.errors.generic', { message: String(caught) }) });
    }
  };

  const titleInvalid = error?.field === 'title';
  return (
    <form
      className="panel create-form"
      aria-labelledby={formTitleId}
      data-testid="create-workshop-form"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id={formTitleId} className="panel__title">
        {t('start.formTitle')}
      </h2>
      <div className="field">
        <label htmlFor={titleId} className="field__label">
          {t('start.titleLabel')}
        </label>
        <input
          id={titleId}
          className="field__input"
          name="title"
          data-testid="workshop-title-input"
          value={title}
          maxLength={WORKSHOP_TITLE_MAX}
          placeholder={t('start.titlePlaceholder')}
          required
          aria-invalid={titleInvalid || undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setTitle(e.target.value);
            if (titleInvalid) setError(null);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={templateId} className="field__label">
          {t('start.templateLabel')}
        </label>
        <select
          id={templateId}
          className="field__input field__select"
          name="template"
          data-testid="workshop-template-select"
          value={template}
          onChange={(e) => setTemplate(e.target.value as WorkshopTemplate)}
        >
          {WORKSHOP_TEMPLATES.map((option) => (
            <option key={option} value={option}>
              {t(`template.${option}`)}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {error.message}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary button--large"
        data-testid="create-workshop-submit"
        disabled={submitting}
      >
        {submitting ? t('start.submitting') : t('start.submit')}
      </button>
      <p className="create-form__hint">{t('start.hint')}</p>
    </form>
  );
}
