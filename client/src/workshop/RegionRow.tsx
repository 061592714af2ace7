/**
 * One region of the workshop settings' table: its name, country and NUTS code, each saved as it is
 * typed (DraftField), and its removal, confirmed with the number of capacities it takes along.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { cardsMap, removeRegion, updateRegion } from '@shared/doc';
import type { Region } from '@shared/domain/s3';
import { DraftField } from '@client/ui/DraftField';
import { Icon } from '@client/ui/Icon';
import { REGION_FIELD_MAX, regionFieldError, upper, type RegionField } from './regionFields';

function capacitiesIn(doc: Y.Doc, regionId: string): number {
  let n = 0;
  cardsMap(doc).forEach((card) => {
    if (card.get('type') === 'capacity' && card.get('regionId') === regionId) n++;
  });
  return n;
}

/** Each cell's field: its test id and the accessible name it takes from the region's name. */
const CELLS = [
  { key: 'name', testId: 'region-name', label: 'capacityMap.settings.regionNameOf' },
  { key: 'country', testId: 'region-country', label: 'capacityMap.settings.countryOf' },
  { key: 'nuts', testId: 'region-nuts', label: 'capacityMap.settings.nutsOf' },
] as const;

export function RegionRow({ doc, region }: { doc: Y.Doc; region: Region }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);

  const commit = (key: RegionField, value: string) => {
    const error = regionFieldError(key, value.trim());
    if (error) return t(`capacityMap.settings.errors.${error}`);
    updateRegion(doc, region.id, { [key]: value.trim() });
    return null;
  };

  if (confirming) {
    const count = capacitiesIn(doc, region.id);
    return (
      <div
        className="region-table__row region-table__row--confirm"
        role="row"
        data-testid="region-remove-confirm"
      >
        <p role="cell" className="region-table__confirm-text">
          {t('capacityMap.settings.removeConfirm', { name: region.name })}{' '}
          <span className="muted">
            {count > 0
              ? t('capacityMap.settings.removeConsequence', { count })
              : t('capacityMap.settings.removeNoCapacities')}
          </span>
        </p>
        <div role="cell" className="region-table__confirm-actions">
          <button
            type="button"
            className="button button--ghost"
            autoFocus
            onClick={() => setConfirming(false)}
          >
            {t('capacityMap.settings.keep')}
          </button>
          <button
            type="button"
            className="button button--danger"
            data-testid="region-remove-confirm-button"
            onClick={() => removeRegion(doc, region.id)}
          >
            {t('capacityMap.settings.remove')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div
      className="region-table__row"
      role="row"
      data-testid="region-row"
      data-region-id={region.id}
    >
      {CELLS.map(({ key, testId, label }) => (
        <div key={key} role="cell" className="region-table__cell">
          <DraftField
            testId={testId}
            aria-label={t(label, { name: region.name })}
            value={region[key]}
            maxLength={REGION_FIELD_MAX[key]}
            {...(key === 'nuts'
              ? { transform: upper, placeholder: t('capacityMap.settings.nutsPlaceholder') }
              : {})}
            onCommit={(v) => commit(key, v)}
          />
        </div>
      ))}
      <div role="cell" className="region-table__cell region-table__cell--actions">
        <button
          type="button"
          className="icon-button"
          data-testid="region-remove"
          aria-label={t('capacityMap.settings.removeRegion', { name: region.name })}
          title={t('capacityMap.settings.removeRegion', { name: region.name })}
          onClick={() => setConfirming(true)}
        >
          <Icon name="trash" size={16} />
        </button>
      </div>
    </div>
  );
}
