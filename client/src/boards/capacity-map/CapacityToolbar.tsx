/** The capacity map's toolbar: Map | Diamond, the filters, Import and Add capacity. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { CAPACITY_KINDS, HELICES, type Region } from '@shared/domain/s3';
import { Icon } from '@client/ui/Icon';
import { useSummary } from './capacityIndex';
import { useCapacityMap } from './capacityMapContext';
import {
  NO_FILTERS,
  NO_REGION_FILTER,
  NOT_SET_FILTER,
  useCapacityMapStore,
  type CapacityFilters,
  type CapacityMapMode,
} from './capacityMapStore';
import { BoardIcon } from './visuals';

interface CapacityToolbarProps {
  regions: Region[];
  field: string;
  onAdd: () => void;
  onImport: () => void;
}

export function CapacityToolbar({ regions, field, onAdd, onImport }: CapacityToolbarProps) {
  const { t } = useTranslation();
  const { canEdit, user, index } = useCapacityMap();
  const mode = useCapacityMapStore((s) => s.mode);
  const setMode = useCapacityMapStore((s) => s.setMode);
  const filters = useCapacityMapStore((s) => s.filters);
  const setFilters = useCapacityMapStore((s) => s.setFilters);
  const summary = useSummary(index);
  const searchId = useId();
  const filtered = filters !== NO_FILTERS && Object.values(filters).some((v) => v !== '');

  const modes: { key: CapacityMapMode; icon: 'grid' | 'radar' }[] = [
    { key: 'map', icon: 'grid' },
    { key: 'diamond', icon: 'radar' },
  ];

  return (
    <div className="cmap-toolbar" role="toolbar" aria-label={t('capacityMap.toolbar.label')}>
      <div className="segmented" role="radiogroup" aria-label={t('capacityMap.toolbar.view')}>
        {modes.map(({ key, icon }) => (
          <button
            key={key}
            type="button"
            role="radio"
            aria-checked={mode === key}
            className={mode === key ? 'segmented__option is-active' : 'segmented__option'}
            data-testid={`capacity-mode-${key}`}
            onClick={() => setMode(key)}
          >
            <BoardIcon name={icon} size={16} />
            {t(`capacityMap.toolbar.modes.${key}`)}
          </button>
        ))}
      </div>
      {field && (
        <span className="cmap-toolbar__field" title={t('capacityMap.toolbar.field')}>
          {field}
        </span>
      )}

      {mode === 'map' && (
        <div className="cmap-filters" role="search" aria-label={t('capacityMap.filters.label')}>
          <div className="cmap-search">
            <label htmlFor={searchId} className="visually-hidden">
              {t('capacityMap.filters.search')}
            </label>
            <BoardIcon name="search" size={15} />
            <input
              id={searchId}
              type="search"
              className="cmap-search__input"
              data-testid="capacity-filter-search"
              placeholder={t('capacityMap.filters.search')}
              value={filters.search}
              onChange={(e) => setFilters({ search: e.target.value })}
            />
          </div>
          <select
            className={filters.regionId ? 'cmap-filter is-set' : 'cmap-filter'}
            aria-label={t('capacityMap.filters.region')}
            data-testid="capacity-filter-region"
            value={filters.regionId}
            onChange={(e) => setFilters({ regionId: e.target.value })}
          >
            <option value="">{t('capacityMap.filters.allRegions')}</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
            <option value={NO_REGION_FILTER}>{t('capacityMap.grid.noRegion')}</option>
          </select>
          <select
            className={filters.kind ? 'cmap-filter is-set' : 'cmap-filter'}
            aria-label={t('capacityMap.filters.kind')}
            data-testid="capacity-filter-kind"
            value={filters.kind}
            onChange={(e) => setFilters({ kind: e.target.value as CapacityFilters['kind'] })}
          >
            <option value="">{t('capacityMap.filters.allKinds')}</option>
            {CAPACITY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`s3.capacityKind.${kind}`)}
              </option>
            ))}
            <option value={NOT_SET_FILTER}>{t('capacityMap.kindNotSet')}</option>
          </select>
          <select
            className={filters.helix ? 'cmap-filter is-set' : 'cmap-filter'}
            aria-label={t('capacityMap.filters.helix')}
            data-testid="capacity-filter-helix"
            value={filters.helix}
            onChange={(e) => setFilters({ helix: e.target.value as CapacityFilters['helix'] })}
          >
            <option value="">{t('capacityMap.filters.allHelices')}</option>
            {HELICES.map((h) => (
              <option key={h} value={h}>
                {t(`s3.helix.${h}`)}
              </option>
            ))}
            <option value={NOT_SET_FILTER}>{t('capacityMap.helixNotSet')}</option>
          </select>
          {filtered && (
            <button
              type="button"
              className="button button--ghost cmap-filters__clear"
              data-testid="capacity-filter-clear"
              onClick={() => setFilters(NO_FILTERS)}
            >
              {t('capacityMap.filters.clear')}
            </button>
          )}
          <span className="cmap-toolbar__count" aria-live="polite" data-testid="capacity-count">
            {filtered
              ? t('capacityMap.toolbar.countFiltered', {
                  shown: summary.shown,
                  count: summary.total,
                })
              : t('capacityMap.toolbar.count', { count: summary.total })}
          </span>
        </div>
      )}

      <div className="cmap-toolbar__end">
        {canEdit && user && (
          <button type="button" className="button" data-testid="capacity-import" onClick={onImport}>
            <BoardIcon name="upload" size={16} />
            {t('capacityMap.toolbar.import')}
          </button>
        )}
        {canEdit && (
          <button
            type="button"
            className="button button--primary"
            data-testid="capacity-add"
            onClick={() => {
              setMode('map');
              onAdd();
            }}
          >
            <Icon name="plus" size={16} />
            {t('capacityMap.toolbar.add')}
          </button>
        )}
      </div>
    </div>
  );
}
