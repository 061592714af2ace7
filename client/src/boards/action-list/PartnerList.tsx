/** The partners of an action: chips to remove, a row to add one (case-insensitively unique). */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Action } from '@shared/doc';
import { Icon } from '@client/ui/Icon';

export function PartnerList({
  action,
  canEdit,
  onChange,
}: {
  action: Action;
  canEdit: boolean;
  onChange: (partners: string[]) => boolean;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const add = () => {
    const name = draft.trim();
    if (!name) return;
    if (!action.partners.some((p) => p.toLowerCase() === name.toLowerCase()))
      onChange([...action.partners, name]);
    setDraft('');
  };
  return (
    <div className="action-detail__partners">
      {action.partners.length === 0 && <p className="muted">{t('actionList.detail.noPartners')}</p>}
      <ul className="action-detail__chips" data-testid="detail-partners">
        {action.partners.map((partner) => (
          <li key={partner} className="action-chip action-chip--large">
            {partner}
            {canEdit && (
              <button
                type="button"
                className="action-chip__remove"
                aria-label={t('actionList.detail.partnerRemove', { name: partner })}
                onClick={() => onChange(action.partners.filter((p) => p !== partner))}
              >
                <Icon name="close" size={12} />
              </button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <div className="action-detail__add-row">
          <label htmlFor={inputId} className="visually-hidden">
            {t('actionList.detail.partnerAdd')}
          </label>
          <input
            id={inputId}
            className="field__input action-detail__input"
            placeholder={t('actionList.detail.partnerPlaceholder')}
            value={draft}
            maxLength={200}
            data-testid="detail-partner-input"
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="button" onClick={add} disabled={!draft.trim()}>
            <Icon name="plus" size={16} />
            {t('actionList.detail.partnerAdd')}
          </button>
        </div>
      )}
    </div>
  );
}
