/**
 * The capacity × opportunity matrix: rows are capacities grouped by region, columns opportunities
 * grouped by group, each cell the activities combining the two. Virtualised in both directions
 * (@tanstack/react-virtual) with sticky headers, so hundreds of rows and columns stay smooth.
 * Click a row or column header to select it, a cell to select its pair (Ctrl/Shift adds); hovering
 * a header highlights the activities that use it, hovering an activity highlights what it links.
 * Keyboard: the cells form one tab stop (roving tabindex); arrows, Home/End (Ctrl: first/last
 * row), PageUp/PageDown move; Enter or Space selects the cell's pair (Ctrl/Shift adds).
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CanvasData } from './canvasData';
import { useCanvasStore } from './canvasStore';
import {
  BAND_HEIGHT,
  COLUMN_WIDTH,
  HEADER_HEIGHT,
  ROW_HEADER_WIDTH,
  ROW_HEIGHT,
} from './matrixLayout';
import { ColumnHeader, GroupBand, RegionBand, RowHeader } from './MatrixHeaders';
import { MatrixCell } from './MatrixCell';
import { useMatrixKeys } from './useMatrixKeys';

interface ActivityMatrixProps {
  data: CanvasData;
  canEdit: boolean;
}

export function ActivityMatrix({ data, canEdit }: ActivityMatrixProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { rows, columns, columnGroups } = data;

  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'region' ? BAND_HEIGHT : ROW_HEIGHT),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 6,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => COLUMN_WIDTH,
    getItemKey: (i) => columns[i]?.id ?? i,
    overscan: 3,
    scrollPaddingStart: ROW_HEADER_WIDTH,
  });

  const virtualRows = rowVirtualizer.getVirtualItems();
  const virtualColumns = columnVirtualizer.getVirtualItems();
  const width = ROW_HEADER_WIDTH + columnVirtualizer.getTotalSize();
  const height = HEADER_HEIGHT + rowVirtualizer.getTotalSize();
  const firstColumn = virtualColumns[0]?.index ?? 0;
  const lastColumn = virtualColumns[virtualColumns.length - 1]?.index ?? -1;

  const { onCellKeyDown, onCellFocus, isTabStop } = useMatrixKeys({
    rows,
    columns,
    gridRef: scrollRef,
    rowScroller: rowVirtualizer,
    columnScroller: columnVirtualizer,
  });

  if (data.capacities.length === 0 && data.opportunities.length === 0) {
    return (
      <div className="matrix-empty" data-testid="matrix-empty">
        <p className="matrix-empty__title">{t('activityCanvas.matrix.emptyTitle')}</p>
        <p>{t('activityCanvas.matrix.emptyBody')}</p>
      </div>
    );
  }

  return (
    <div
      ref={scrollRef}
      className="matrix"
      role="grid"
      aria-label={t('activityCanvas.matrix.label')}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length + 1}
      data-testid="activity-matrix"
      onKeyDown={onCellKeyDown}
      onMouseLeave={() => useCanvasStore.getState().setHighlight(null)}
    >
      <div className="matrix__inner" style={{ width, height }}>
        <div className="matrix__head" style={{ width, height: HEADER_HEIGHT }} role="row">
          <div
            className="matrix__corner"
            style={{ width: ROW_HEADER_WIDTH, height: HEADER_HEIGHT }}
            role="columnheader"
          >
            {t('activityCanvas.matrix.corner')}
          </div>
          {columnGroups
            .filter((g) => g.start <= lastColumn && g.start + g.count - 1 >= firstColumn)
            .map((g) => (
              <GroupBand key={g.key} group={g} />
            ))}
          {virtualColumns.map((vc) => {
            const opportunity = columns[vc.index]!;
            return (
              <ColumnHeader
                key={vc.key}
                opportunity={opportunity}
                data={data}
                left={ROW_HEADER_WIDTH + vc.start}
                colIndex={vc.index + 2}
              />
            );
          })}
        </div>
        {data.columns.length === 0 && (
          <p
            className="matrix__note"
            style={{ left: ROW_HEADER_WIDTH + 16, top: HEADER_HEIGHT + 12 }}
          >
            {t('activityCanvas.matrix.noOpportunities')}
          </p>
        )}
        {data.capacities.length === 0 && (
          <p className="matrix__note" style={{ left: 16, top: HEADER_HEIGHT + 12 }}>
            {t('activityCanvas.matrix.noCapacities')}
          </p>
        )}
        {virtualRows.map((vr) => {
          const row = rows[vr.index]!;
          return (
            <div
              key={vr.key}
              className={row.kind === 'region' ? 'matrix__band' : 'matrix__row'}
              role="row"
              aria-rowindex={vr.index + 2}
              style={{ top: HEADER_HEIGHT + vr.start, height: vr.size, width }}
            >
              {row.kind === 'region' ? (
                <RegionBand row={row} />
              ) : (
                <>
                  <RowHeader capacity={row.capacity} data={data} />
                  {virtualColumns.map((vc) => (
                    <MatrixCell
                      key={vc.key}
                      capacity={row.capacity}
                      opportunity={columns[vc.index]!}
                      activities={data.cells.get(`${row.capacity.id} ${columns[vc.index]!.id}`)}
                      left={ROW_HEADER_WIDTH + vc.start}
                      colIndex={vc.index + 2}
                      canEdit={canEdit}
                      tabbable={isTabStop(row.capacity.id, columns[vc.index]!.id)}
                      onFocusCell={onCellFocus}
                    />
                  ))}
                </>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
