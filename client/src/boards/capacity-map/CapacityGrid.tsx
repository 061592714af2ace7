/**
 * The map: one row per region (and one for capacities without a region), one column per kind; the
 * capacities flow inside each cell, which draws only the cards near the visible area
 * (CapacityCell). Dragging a card to another cell changes its region and kind; the keys move the
 * focus from card to card over the whole map (useCapacityGridKeys).
 */
import { memo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { CAPACITY_KINDS, NOT_SET, type CapacityKindOrNotSet, type Region } from '@shared/domain/s3';
import { DragAndDrop } from '@client/ui/dragAndDrop';
import { CapacityCell } from './CapacityCell';
import { NO_REGION_ROW, useSummary } from './capacityIndex';
import { useCapacityMap } from './capacityMapContext';
import { NO_REGION_FILTER, NOT_SET_FILTER, useCapacityMapStore } from './capacityMapStore';
import { GridLayoutContext, useGridLayoutOf } from './gridLayout';
import { useCapacityGridKeys } from './useCapacityGridKeys';
import { regionColor } from './visuals';

export interface GridRow {
  key: string;
  region: Region | null;
  color: string | null;
}

/** The grid is one drag and drop area: cards are dragged from cell to cell. */
export function CapacityGrid({ regions }: { regions: Region[] }) {
  return (
    <DragAndDrop>
      <GridView regions={regions} />
    </DragAndDrop>
  );
}

function GridView({ regions }: { regions: Region[] }) {
  const { t } = useTranslation();
  const { index } = useCapacityMap();
  const filters = useCapacityMapStore((s) => s.filters);
  const { kindNotSet } = useSummary(index);
  const [scrollElement, setScrollElement] = useState<HTMLElement | null>(null);
  const [gridElement, setGridElement] = useState<HTMLElement | null>(null);
  const layout = useGridLayoutOf(scrollElement, gridElement);

  const allRows: GridRow[] = [
    ...regions.map((region, i) => ({ key: region.id, region, color: regionColor(i) })),
    { key: NO_REGION_ROW, region: null, color: null },
  ];
  const rows = filters.regionId
    ? allRows.filter(
        (r) => r.key === (filters.regionId === NO_REGION_FILTER ? NO_REGION_ROW : filters.regionId),
      )
    : allRows;
  // Capacities nobody gave a kind get their own column, only while there are some (never "Other").
  const kinds: CapacityKindOrNotSet[] =
    filters.kind === NOT_SET_FILTER
      ? [NOT_SET]
      : filters.kind
        ? [filters.kind]
        : kindNotSet > 0
          ? [...CAPACITY_KINDS, NOT_SET]
          : [...CAPACITY_KINDS];

  const onKeyDown = useCapacityGridKeys({
    rowKeys: rows.map((r) => r.key),
    allRowKeys: allRows.map((r) => r.key),
    kinds,
    layout,
  });

  return (
    <div
      ref={setScrollElement}
      className="cmap-scroll"
      data-testid="capacity-grid"
      onKeyDown={onKeyDown}
    >
      <GridLayoutContext value={layout}>
        <div
          ref={setGridElement}
          className="cmap-grid"
          style={{ '--cmap-cols': kinds.length } as CSSProperties}
        >
          <div className="cmap-colheads" role="presentation">
            {kinds.map((kind) => (
              <div
                key={kind || 'not-set'}
                className={`cmap-colhead${kind ? '' : ' is-not-set'}`}
                data-testid={kind ? undefined : 'kind-not-set-column'}
              >
                {kind ? t(`s3.capacityKind.${kind}`) : t('capacityMap.kindNotSet')}
              </div>
            ))}
          </div>
          {scrollElement &&
            rows.map((row) => <GridRowView key={row.key || 'none'} row={row} kinds={kinds} />)}
        </div>
      </GridLayoutContext>
    </div>
  );
}

const GridRowView = memo(function GridRowView({
  row,
  kinds,
}: {
  row: GridRow;
  kinds: CapacityKindOrNotSet[];
}) {
  const { t } = useTranslation();
  const { index } = useCapacityMap();
  const summary = useSummary(index);
  const count = summary.perRow.get(row.key) ?? 0;
  const name = row.region?.name ?? t('capacityMap.grid.noRegion');
  const details = row.region
    ? [row.region.country, row.region.nuts].filter(Boolean).join(' · ')
    : '';
  const headingId = `cmap-row-${row.key || 'none'}`;
  return (
    <section
      className={row.region ? 'cmap-row' : 'cmap-row cmap-row--none'}
      aria-labelledby={headingId}
      data-testid="capacity-row"
      data-region-id={row.key}
    >
      <header className="cmap-row__head">
        {row.color && (
          <span className="cmap-row__swatch" style={{ background: row.color }} aria-hidden="true" />
        )}
        <h3 id={headingId} className="cmap-row__name">
          {name}
        </h3>
        {details && <span className="cmap-row__details">{details}</span>}
        <span className="cmap-row__count">{t('capacityMap.grid.rowCount', { count })}</span>
      </header>
      <div className="cmap-row__cells">
        {kinds.map((kind) => (
          <CapacityCell key={kind} rowKey={row.key} rowName={name} kind={kind} />
        ))}
      </div>
    </section>
  );
});
