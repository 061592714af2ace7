/**
 * Asks for the display name: once, before a person first joins any workshop (the name is then
 * remembered for all of them), and again whenever they choose to change it from the top bar.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPLAY_NAME_MAX } from '../person/personStore';

interface JoinDialogProps {
  mode: 'join' | 'rename';
  workshopTitle: string;
  initialName: string;
  onSubmit: (name: string) => void;
  /** Only when renaming; joining cannot be skipped. */
  onCancel?: () => void;
}

export function JoinDialog({
  mode,
  workshopTitle,
  initialName,
  onSubmit,
  onCancel,
}: JoinDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const inputId = useId();
  const errorId = useId();
  const [name, setName] = useState(initialName);
  const [error, setError] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError(true);
      return;
    }
    onSubmit(trimmed);
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      data-testid="join-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onCancel?.();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId} className="dialog__title">
          {mode === 'join' ? t('join.title', { workshop: workshopTitle }) : t('join.titleRename')}
        </h2>
        <p className="dialog__text">{t('join.explanation')}</p>
        <label htmlFor={inputId} className="field__label">
          {t('join.nameLabel')}
        </label>
        <input
          id={inputId}
          className="field__input"
          data-testid="join-name-input"
          type="text"
          autoComplete="name"
          autoFocus
          maxLength={DISPLAY_NAME_MAX}
          placeholder={t('join.namePlaceholder')}
          value={name}
          aria-invalid={error || undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setError(false);
          }}
        />
        {error && (
          <p id={errorId} className="field__error" role="alert">
            {t('join.nameRequired')}
          </p>
        )}
        <div className="dialog__actions">
          {onCancel && (
            <button type="button" className="button button--ghost" onClick={onCancel}>
              {t('join.cancel')}
            </button>
          )}
          <button type="submit" className="button button--primary" data-testid="join-submit">
            {mode === 'join' ? t('join.submit') : t('join.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
