/**
 * The holders of a capacity: who holds it and from which helix, each editable and removable, and
 * the form that adds one (a name is required). Separate from the capacity panel because it is a
 * list with its own add form and its own refusal.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addHolder, removeHolder, updateHolder, type CapacityHolder } from '@shared/doc';
import { HELICES, NOT_SET, type HelixOrNotSet } from '@shared/domain/s3';
import { DraftField } from '@client/ui/DraftField';
import { SelectField } from '@client/ui/Field';
import { Icon } from '@client/ui/Icon';
import { closedOptions, notSetOption } from '../closedLabel';
import { useCapacityMap } from './capacityMapContext';
import { HelixChip } from './capacityParts';

export function HolderList({
  id,
  holders,
  labelId,
}: {
  id: string;
  holders: CapacityHolder[];
  labelId: string;
}) {
  const { t } = useTranslation();
  const { doc, canEdit } = useCapacityMap();
  const nameId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [helix, setHelix] = useState<HelixOrNotSet>(NOT_SET);
  const [error, setError] = useState(false);
  const helixOptions = [notSetOption(t), ...closedOptions(t, 'helix', HELICES)];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(true);
      nameRef.current?.focus();
      return;
    }
    addHolder(doc, id, { name: name.trim(), helix });
    setName('');
    setError(false);
    nameRef.current?.focus();
  };

  return (
    <div className="field">
      <span className="field__label" id={labelId}>
        {t('capacityMap.panel.holders')}
      </span>
      {holders.length === 0 && !canEdit && (
        <p className="cmap-panel__hint">{t('capacityMap.panel.noHolders')}</p>
      )}
      {holders.length > 0 && (
        <ul className="holder-list" aria-labelledby={labelId} data-testid="holder-list">
          {holders.map((holder) =>
            canEdit ? (
              <li key={holder.id} className="holder-list__row" data-testid="holder-row">
                <DraftField
                  className="field__input holder-list__name"
                  aria-label={t('capacityMap.panel.holderName')}
                  value={holder.name}
                  maxLength={200}
                  onCommit={(value) => {
                    if (!value.trim()) return t('capacityMap.panel.holderNameRequired');
                    updateHolder(doc, id, { ...holder, name: value.trim() });
                    return null;
                  }}
                />
                <SelectField
                  className="field__input field__select holder-list__helix"
                  aria-label={t('capacityMap.panel.holderHelixOf', { name: holder.name })}
                  value={holder.helix}
                  options={helixOptions}
                  onChange={(helix) =>
                    updateHolder(doc, id, { ...holder, helix: helix as HelixOrNotSet })
                  }
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('capacityMap.panel.removeHolder', { name: holder.name })}
                  title={t('capacityMap.panel.removeHolder', { name: holder.name })}
                  onClick={() => removeHolder(doc, id, holder.id)}
                >
                  <Icon name="close" size={16} />
                </button>
              </li>
            ) : (
              <li key={holder.id}>
                <HelixChip helix={holder.helix} name={holder.name} />
              </li>
            ),
          )}
        </ul>
      )}
      {canEdit && (
        <form className="holder-add" onSubmit={submit} noValidate data-testid="holder-add-form">
          <label htmlFor={nameId} className="visually-hidden">
            {t('capacityMap.panel.newHolder')}
          </label>
          <input
            ref={nameRef}
            id={nameId}
            className="field__input holder-list__name"
            data-testid="holder-add-name"
            value={name}
            maxLength={200}
            placeholder={t('capacityMap.panel.newHolderPlaceholder')}
            aria-invalid={error || undefined}
            onChange={(e) => {
              setName(e.target.value);
              setError(false);
            }}
          />
          <SelectField
            className="field__input field__select holder-list__helix"
            aria-label={t('capacityMap.panel.holderHelix')}
            testId="holder-add-helix"
            value={helix}
            options={helixOptions}
            onChange={(value) => setHelix(value as HelixOrNotSet)}
          />
          <button type="submit" className="button" data-testid="holder-add-submit">
            <Icon name="plus" size={16} />
            {t('capacityMap.panel.addHolder')}
          </button>
          {error && (
            <p className="field__error holder-add__error" role="alert">
              {t('capacityMap.panel.holderNameRequired')}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
