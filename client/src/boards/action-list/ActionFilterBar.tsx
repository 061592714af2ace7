/**
 * The action list's filter bar: search, status, type, funding and region filters, clearing them,
 * and grouping the table by activity. Separate from the view because it only turns choices into
 * an `ActionFilters` value (actionFilters.ts applies it).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, ACTION_TYPES, FUNDING_SOURCES, type Region } from '@shared/domain/s3';
import {
  hasFilters,
  NO_FILTERS,
  NO_REGION,
  NOT_SET_FILTER,
  type ActionFilters,
} from './actionFilters';

export interface FilterBarProps {
  filters: ActionFilters;
  regions: Region[];
  grouped: boolean;
  showGrouping: boolean;
  onChange: (filters: ActionFilters) => void;
  onGroupedChange: (grouped: boolean) => void;
}

export function FilterBar({
  filters,
  regions,
  grouped,
  showGrouping,
  onChange,
  onGroupedChange,
}: FilterBarProps) {
  const { t } = useTranslation();
  const searchId = useId();
  const groupId = useId();
  const set = <K extends keyof ActionFilters>(key: K, value: ActionFilters[K]) =>
    onChange({ ...filters, [key]: value });
  return (
    <div className="action-list__filters" role="search" aria-label={t('actionList.filters')}>
      <div className="action-list__search">
        <label htmlFor={searchId} className="visually-hidden">
          {t('actionList.search')}
        </label>
        <input
          id={searchId}
          type="search"
          className="field__input action-list__select"
          placeholder={t('actionList.searchPlaceholder')}
          value={filters.text}
          data-testid="action-search"
          onChange={(e) => set('text', e.target.value)}
        />
      </div>
      <FilterSelect
        label={t('actionList.filterStatus')}
        value={filters.status}
        testId="filter-status"
        options={[
          ...ACTION_STATUSES.map((v) => ({ value: v, label: t(`s3.actionStatus.${v}`) })),
          { value: NOT_SET_FILTER, label: t('s3.notSet') },
        ]}
        onChange={(v) => set('status', v as ActionFilters['status'])}
      />
      <FilterSelect
        label={t('actionList.filterType')}
        value={filters.actionType}
        testId="filter-type"
        options={[
          ...ACTION_TYPES.map((v) => ({ value: v, label: t(`s3.actionType.${v}`) })),
          { value: NOT_SET_FILTER, label: t('s3.notSet') },
        ]}
        onChange={(v) => set('actionType', v as ActionFilters['actionType'])}
      />
      <FilterSelect
        label={t('actionList.filterRegion')}
        value={filters.regionId}
        testId="filter-region"
        options={[
          ...regions.map((r) => ({ value: r.id, label: r.name })),
          { value: NO_REGION, label: t('actionList.noRegion') },
        ]}
        onChange={(v) => set('regionId', v)}
      />
      <FilterSelect
        label={t('actionList.filterFunding')}
        value={filters.fundingSource}
        testId="filter-funding"
        options={[
          ...FUNDING_SOURCES.map((v) => ({ value: v, label: t(`s3.fundingSource.${v}`) })),
          { value: NOT_SET_FILTER, label: t('s3.notSet') },
        ]}
        onChange={(v) => set('fundingSource', v as ActionFilters['fundingSource'])}
      />
      {hasFilters(filters) && (
        <button type="button" className="button button--ghost" onClick={() => onChange(NO_FILTERS)}>
          {t('actionList.clearFilters')}
        </button>
      )}
      {showGrouping && (
        <label htmlFor={groupId} className="action-list__toggle">
          <input
            id={groupId}
            type="checkbox"
            checked={grouped}
            data-testid="group-by-activity"
            onChange={(e) => onGroupedChange(e.target.checked)}
          />
          {t('actionList.groupByActivity')}
        </label>
      )}
    </div>
  );
}

function FilterSelect({
  label,
  value,
  options,
  testId,
  onChange,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  testId: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="action-list__filter">
      <label htmlFor={id} className="action-list__filter-label">
        {label}
      </label>
      <select
        id={id}
        className={
          value
            ? 'field__input field__select action-list__select action-list__select--on'
            : 'field__input field__select action-list__select'
        }
        value={value}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('actionList.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
