/**
 * Joining a workshop: name (suggested from the last workshop), organisation, helix and region (one
 * of the workshop's, when it has any). Renaming from the top bar asks for the name only.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JoinRequest } from '@shared/domain/identity';
import { HELICES, type Helix, type Region } from '@shared/domain/s3';
import { ApiRequestError, NetworkError } from '@client/connection/api/errors';
import { DISPLAY_NAME_MAX } from '@client/store/personStore';
import { LanguageSwitcher } from '@client/ui/LanguageSwitcher';
import { describeError } from '@client/connection/api/describeError';
import { ModalDialog } from '@client/ui/ModalDialog';

const ORGANISATION_MAX = 120;

interface JoinDialogProps {
  mode: 'join' | 'rename';
  workshopTitle: string;
  initialName: string;
  /** The workshop's regions to choose from (join only). */
  regions?: Region[];
  /** Resolves once saved; a rejection (ApiRequestError, NetworkError) is shown in the dialog. */
  onSubmit: (profile: JoinRequest) => Promise<void>;
  /** Only when renaming; joining cannot be skipped. */
  onCancel?: () => void;
}

export function JoinDialog({
  mode,
  workshopTitle,
  initialName,
  regions = [],
  onSubmit,
  onCancel,
}: JoinDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const ids = {
    name: useId(),
    organisation: useId(),
    helix: useId(),
    region: useId(),
    language: useId(),
  };
  const nameRef = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const [name, setName] = useState(initialName);
  const [organisation, setOrganisation] = useState('');
  const [helix, setHelix] = useState<Helix | ''>('');
  const [regionId, setRegionId] = useState('');
  const [consentToNames, setConsentToNames] = useState(false);
  const [nameMissing, setNameMissing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const joining = mode === 'join';

  const describe = (error: unknown): string => {
    if (error instanceof NetworkError) return t('join.errors.network');
    // The only refusal a link that opened the board can get: this device's person was removed.
    if (error instanceof ApiRequestError && error.status === 403) return t('join.errors.removed');
    if (error instanceof ApiRequestError && error.field === 'regionId') {
      setRegionId('');
      return t('join.errors.region');
    }
    return t('join.errors.generic', { message: describeError(error, t) });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    if (!trimmed) {
      setNameMissing(true);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(
        joining
          ? {
              name: trimmed,
              organisation: organisation.trim(),
              helix: helix || null,
              regionId,
              consentToNames,
            }
          : { name: trimmed },
      );
    } catch (error) {
      setFailure(describe(error));
      setBusy(false);
    }
  };

  const optional = <span className="join-dialog__optional">{t('join.optional')}</span>;

  return (
    <ModalDialog
      className="dialog join-dialog"
      labelledBy={titleId}
      testId="join-dialog"
      onClose={onCancel}
      // The name is what to fill in first, not the language above it.
      initialFocus={nameRef}
    >
      <form onSubmit={submit} noValidate>
        {joining && (
          <div className="join-dialog__language">
            <label htmlFor={ids.language} className="join-dialog__language-label">
              {t('app.language')}
            </label>
            <LanguageSwitcher id={ids.language} testId="join-language" />
          </div>
        )}
        <h2 id={titleId} className="dialog__title">
          {joining ? t('join.title', { workshop: workshopTitle }) : t('join.titleRename')}
        </h2>
        <p className="dialog__text">
          {joining ? t('join.profileExplanation') : t('join.explanation')}
        </p>
        <div className="field">
          <label htmlFor={ids.name} className="field__label">
            {t('join.nameLabel')}
          </label>
          <input
            ref={nameRef}
            id={ids.name}
            className="field__input"
            data-testid="join-name-input"
            type="text"
            autoComplete="name"
            autoFocus
            maxLength={DISPLAY_NAME_MAX}
            placeholder={t('join.namePlaceholder')}
            value={name}
            aria-invalid={nameMissing || undefined}
            aria-describedby={nameMissing ? errorId : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setNameMissing(false);
            }}
          />
          {nameMissing && (
            <p id={errorId} className="field__error" role="alert">
              {t('join.nameRequired')}
            </p>
          )}
        </div>
        {joining && (
          <>
            <div className="field">
              <label htmlFor={ids.organisation} className="field__label">
                {t('join.organisationLabel')} {optional}
              </label>
              <input
                id={ids.organisation}
                className="field__input"
                data-testid="join-organisation-input"
                type="text"
                autoComplete="organization"
                maxLength={ORGANISATION_MAX}
                placeholder={t('join.organisationPlaceholder')}
                value={organisation}
                onChange={(e) => setOrganisation(e.target.value)}
              />
            </div>
            <div className="join-dialog__pair">
              <div className="field">
                <label htmlFor={ids.helix} className="field__label">
                  {t('join.helixLabel')} {optional}
                </label>
                <select
                  id={ids.helix}
                  className="field__input field__select"
                  data-testid="join-helix-select"
                  value={helix}
                  onChange={(e) => setHelix(e.target.value as Helix | '')}
                >
                  <option value="">{t('join.helixNone')}</option>
                  {HELICES.map((h) => (
                    <option key={h} value={h}>
                      {t(`s3.helix.${h}`)}
                    </option>
                  ))}
                </select>
              </div>
              {regions.length > 0 && (
                <div className="field">
                  <label htmlFor={ids.region} className="field__label">
                    {t('join.regionLabel')} {optional}
                  </label>
                  <select
                    id={ids.region}
                    className="field__input field__select"
                    data-testid="join-region-select"
                    value={regionId}
                    onChange={(e) => setRegionId(e.target.value)}
                  >
                    <option value="">{t('join.regionNone')}</option>
                    {regions.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.name}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </div>
            <label className="join-consent">
              <input
                type="checkbox"
                checked={consentToNames}
                data-testid="join-consent"
                onChange={(e) => setConsentToNames(e.target.checked)}
              />
              <span>{t('join.consent')}</span>
            </label>
          </>
        )}
        {failure && (
          <p className="field__error" role="alert" data-testid="join-error">
            {failure}
          </p>
        )}
        <div className="dialog__actions">
          {onCancel && (
            <button type="button" className="button button--ghost" onClick={onCancel}>
              {t('join.cancel')}
            </button>
          )}
          <button
            type="submit"
            className="button button--primary"
            data-testid="join-submit"
            disabled={busy}
          >
            {joining
              ? t(busy ? 'join.joining' : 'join.submit')
              : t(busy ? 'join.saving' : 'join.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
