/** Asks for the organiser token and checks it with the server before the archive opens. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '@client/connection/api/errors';
import { searchRecords } from '@client/connection/api/records';
import { describeError } from '@client/connection/api/describeError';

interface TokenGateProps {
  onToken: (token: string) => void;
  /** Why the token is asked for here (the record view explains its other way in). */
  note?: string;
}

export function TokenGate({ onToken, note }: TokenGateProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const errorId = useId();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim();
    if (!value || busy) return;
    setBusy(true);
    setError(null);
    try {
      await searchRecords(value, { pageSize: 1 });
      onToken(value);
    } catch (err) {
      setError(
        err instanceof ApiRequestError && err.status === 401
          ? t('archive.gate.invalid')
          : describeError(err, t),
      );
      setBusy(false);
    }
  };

  return (
    <form className="archive-gate" onSubmit={submit} noValidate data-testid="organiser-gate">
      <h1 className="archive-gate__heading">{t('archive.gate.heading')}</h1>
      <p className="archive-gate__text">{note ?? t('archive.gate.explanation')}</p>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          {t('archive.gate.label')}
        </label>
        <input
          id={inputId}
          className="field__input"
          type="password"
          autoComplete="off"
          autoFocus
          data-testid="organiser-token-input"
          value={token}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setToken(e.target.value);
            setError(null);
          }}
        />
        {error && (
          <p id={errorId} className="field__error" role="alert" data-testid="organiser-token-error">
            {error}
          </p>
        )}
      </div>
      <button
        type="submit"
        className="button button--primary"
        data-testid="organiser-token-submit"
        disabled={busy || token.trim() === ''}
      >
        {busy ? t('archive.gate.checking') : t('archive.gate.submit')}
      </button>
    </form>
  );
}
