/**
 * The capacity × opportunity matrix: rows are capacities grouped by region, columns opportunities
 * grouped by group, each cell the activities combining the two. Virtualised in both directions
 * (@tanstack/react-virtual) with sticky headers, so hundreds of rows and columns stay smooth.
 * Click a row or column header to select it, a cell to select its pair (Ctrl/Shift adds); hovering
 * a header highlights the activities that use it, hovering an activity highlights what it links.
 * Keyboard: the cells form one tab stop (roving tabindex); arrows, Home/End (Ctrl: first/last
 * row), PageUp/PageDown move; Enter or Space selects the cell's pair (Ctrl/Shift adds).
 */
import {
  memo,
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Activity, Capacity, Opportunity } from '@shared/doc';
import type { CanvasData, ColumnGroup, RowItem } from './canvasData';
import { useCanvasStore, type Highlight } from './canvasStore';
import { closedLabel, notSetClass } from '../closedLabel';
import { moveInGrid } from '@client/ui/gridNavigation';

const ROW_HEADER_WIDTH = 268;
const COLUMN_WIDTH = 172;
const ROW_HEIGHT = 76;
const BAND_HEIGHT = 34;
const GROUP_BAND = 30;
const COLUMN_HEADER = 92;
const HEADER_HEIGHT = GROUP_BAND + COLUMN_HEADER;
const CHIPS_PER_CELL = 2;

const additive = (e: MouseEvent | KeyboardEvent) => e.ctrlKey || e.metaKey || e.shiftKey;
/** Rows a PageUp/PageDown moves by. */
const PAGE_ROWS = 5;

export function highlightOfActivity(activity: Activity): Highlight {
  return {
    activityIds: new Set([activity.id]),
    capacityIds: new Set(activity.capacityIds),
    opportunityIds: new Set(activity.opportunityIds),
  };
}

function highlightOfCard(
  data: CanvasData,
  kind: 'capacity' | 'opportunity',
  id: string,
): Highlight {
  const using = data.activities.filter((a) =>
    (kind === 'capacity' ? a.capacityIds : a.opportunityIds).includes(id),
  );
  return {
    activityIds: new Set(using.map((a) => a.id)),
    capacityIds: new Set(kind === 'capacity' ? [id] : []),
    opportunityIds: new Set(kind === 'opportunity' ? [id] : []),
  };
}

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

  // The cell that is the grid's one tab stop, by ids so it survives rows and columns moving.
  const [active, setActive] = useState<{ capacityId: string; opportunityId: string } | null>(null);
  let activeRow = active
    ? rows.findIndex((r) => r.kind === 'capacity' && r.capacity.id === active.capacityId)
    : -1;
  if (activeRow < 0) activeRow = rows.findIndex((r) => r.kind === 'capacity');
  let activeColumn = active ? columns.findIndex((c) => c.id === active.opportunityId) : -1;
  if (activeColumn < 0) activeColumn = 0;
  const activeRowItem = rows[activeRow];
  const activeCapacityId = activeRowItem?.kind === 'capacity' ? activeRowItem.capacity.id : '';
  const activeOpportunityId = columns[activeColumn]?.id ?? '';

  /** Focus wanted on this cell once it is rendered (it may be scrolled out and virtualised). */
  const pendingFocus = useRef<{ capacityId: string; opportunityId: string } | null>(null);
  useEffect(() => {
    if (!pendingFocus.current) return;
    const focusPending = () => {
      const want = pendingFocus.current;
      const grid = scrollRef.current;
      if (!want || !grid) return true;
      const cell = grid.querySelector<HTMLElement>(
        `[data-testid="matrix-cell"][data-capacity-id="${CSS.escape(want.capacityId)}"][data-opportunity-id="${CSS.escape(want.opportunityId)}"]`,
      );
      if (!cell) return false;
      pendingFocus.current = null;
      cell.focus({ preventScroll: true });
      return true;
    };
    let tries = 0;
    let frame = 0;
    const attempt = () => {
      if (focusPending() || ++tries > 10) return;
      frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  });

  const moveTo = (rowIndex: number, columnIndex: number, direction: 1 | -1) => {
    if (columns.length === 0) return;
    let r = Math.max(0, Math.min(rows.length - 1, rowIndex));
    // Skip region bands, in the direction of travel, else the other way.
    while (r >= 0 && r < rows.length && rows[r]?.kind !== 'capacity') r += direction;
    if (r < 0 || r >= rows.length) {
      r = Math.max(0, Math.min(rows.length - 1, rowIndex));
      while (r >= 0 && r < rows.length && rows[r]?.kind !== 'capacity') r -= direction;
    }
    const row = rows[r];
    if (!row || row.kind !== 'capacity') return;
    const c = Math.max(0, Math.min(columns.length - 1, columnIndex));
    const target = { capacityId: row.capacity.id, opportunityId: columns[c]!.id };
    setActive(target);
    pendingFocus.current = target;
    rowVirtualizer.scrollToIndex(r, { align: 'auto' });
    columnVirtualizer.scrollToIndex(c, { align: 'auto' });
  };

  const onCellKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const cell = e.target as HTMLElement;
    if (cell.dataset.testid !== 'matrix-cell') return;
    const r = activeRow;
    const c = activeColumn;
    let handled = true;
    const to = moveInGrid({ row: r, column: c }, e, {
      rows: rows.length,
      columns: columns.length,
      skipRow: (i) => rows[i]?.kind !== 'capacity',
      pageRows: PAGE_ROWS,
    });
    if (to) {
      moveTo(to.row, to.column, 1);
      e.preventDefault();
      return;
    }
    // An arrow at the grid's edge stays in the grid instead of scrolling the page.
    if (e.key.startsWith('Arrow')) {
      e.preventDefault();
      return;
    }
    switch (e.key) {
      case 'Enter':
      case ' ': {
        const capacityId = cell.dataset.capacityId;
        const opportunityId = cell.dataset.opportunityId;
        if (capacityId && opportunityId)
          useCanvasStore.getState().selectCell(capacityId, opportunityId, additive(e));
        break;
      }
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  const onCellFocus = useCallback((capacityId: string, opportunityId: string) => {
    setActive((a) =>
      a && a.capacityId === capacityId && a.opportunityId === opportunityId
        ? a
        : { capacityId, opportunityId },
    );
  }, []);

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
                      tabbable={
                        row.capacity.id === activeCapacityId &&
                        columns[vc.index]!.id === activeOpportunityId
                      }
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

/** Columns have a fixed width, so a group's band spans start × width to (start + count) × width. */
function GroupBand({ group }: { group: ColumnGroup }) {
  const { t } = useTranslation();
  return (
    <div
      className={group.grouped ? 'matrix__group' : 'matrix__group is-ungrouped'}
      style={{
        left: ROW_HEADER_WIDTH + group.start * COLUMN_WIDTH,
        width: group.count * COLUMN_WIDTH,
        height: GROUP_BAND,
      }}
      role="presentation"
    >
      <span className="matrix__group-name">
        {group.grouped ? group.name : t('activityCanvas.matrix.ungrouped')}
      </span>
    </div>
  );
}

function RegionBand({ row }: { row: Extract<RowItem, { kind: 'region' }> }) {
  const { t } = useTranslation();
  const name =
    row.name ||
    t(row.known ? 'activityCanvas.matrix.noRegion' : 'activityCanvas.matrix.unknownRegion');
  return (
    <div className="matrix__band-label" role="rowheader" style={{ width: ROW_HEADER_WIDTH }}>
      <span>{name}</span>
      <span className="matrix__band-count">{row.count}</span>
    </div>
  );
}

const RowHeader = memo(function RowHeader({
  capacity,
  data,
}: {
  capacity: Capacity;
  data: CanvasData;
}) {
  const { t } = useTranslation();
  const selected = useCanvasStore((s) => s.capacityIds.has(capacity.id));
  const lit = useCanvasStore((s) => s.highlight?.capacityIds.has(capacity.id) ?? false);
  const count = data.usage.get(capacity.id) ?? 0;
  const title = capacity.title || t('activityCanvas.list.untitled');
  return (
    <button
      type="button"
      role="rowheader"
      className={['matrix__row-header', selected && 'is-selected', lit && 'is-lit']
        .filter(Boolean)
        .join(' ')}
      style={{ width: ROW_HEADER_WIDTH }}
      aria-selected={selected}
      aria-label={t('activityCanvas.matrix.selectCapacity', { title })}
      data-testid="matrix-capacity"
      data-capacity-id={capacity.id}
      onClick={(e) => useCanvasStore.getState().toggleCapacity(capacity.id, additive(e))}
      onMouseEnter={() =>
        useCanvasStore.getState().setHighlight(highlightOfCard(data, 'capacity', capacity.id))
      }
      onFocus={() =>
        useCanvasStore.getState().setHighlight(highlightOfCard(data, 'capacity', capacity.id))
      }
    >
      <span className="matrix__header-title">{title}</span>
      <span className="matrix__header-meta">
        <span className={`matrix__kind${notSetClass(capacity.kind)}`}>
          {closedLabel(t, 'capacityKind', capacity.kind)}
        </span>
        <UsageBadge count={count} />
      </span>
    </button>
  );
});

const ColumnHeader = memo(function ColumnHeader({
  opportunity,
  data,
  left,
  colIndex,
}: {
  opportunity: Opportunity;
  data: CanvasData;
  left: number;
  colIndex: number;
}) {
  const { t } = useTranslation();
  const selected = useCanvasStore((s) => s.opportunityIds.has(opportunity.id));
  const lit = useCanvasStore((s) => s.highlight?.opportunityIds.has(opportunity.id) ?? false);
  const count = data.usage.get(opportunity.id) ?? 0;
  const title = opportunity.title || t('activityCanvas.list.untitled');
  return (
    <button
      type="button"
      role="columnheader"
      aria-colindex={colIndex}
      className={['matrix__col-header', selected && 'is-selected', lit && 'is-lit']
        .filter(Boolean)
        .join(' ')}
      style={{ left, width: COLUMN_WIDTH, top: GROUP_BAND, height: COLUMN_HEADER }}
      aria-selected={selected}
      aria-label={t('activityCanvas.matrix.selectOpportunity', { title })}
      data-testid="matrix-opportunity"
      data-opportunity-id={opportunity.id}
      onClick={(e) => useCanvasStore.getState().toggleOpportunity(opportunity.id, additive(e))}
      onMouseEnter={() =>
        useCanvasStore.getState().setHighlight(highlightOfCard(data, 'opportunity', opportunity.id))
      }
      onFocus={() =>
        useCanvasStore.getState().setHighlight(highlightOfCard(data, 'opportunity', opportunity.id))
      }
    >
      <span className={`kind-badge kind-badge--${opportunity.kind}`}>
        {closedLabel(t, 'opportunityKind', opportunity.kind)}
      </span>
      <span className="matrix__header-title">{title}</span>
      <UsageBadge count={count} />
    </button>
  );
});

function UsageBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <span
      className={count > 0 ? 'usage-badge is-used' : 'usage-badge'}
      title={t('activityCanvas.matrix.usedBy', { count })}
      data-testid="usage-badge"
    >
      {count}
    </span>
  );
}

interface MatrixCellProps {
  capacity: Capacity;
  opportunity: Opportunity;
  activities: Activity[] | undefined;
  left: number;
  colIndex: number;
  canEdit: boolean;
  /** The grid's one tab stop. */
  tabbable: boolean;
  onFocusCell: (capacityId: string, opportunityId: string) => void;
}

const MatrixCell = memo(function MatrixCell({
  capacity,
  opportunity,
  activities,
  left,
  colIndex,
  tabbable,
  onFocusCell,
}: MatrixCellProps) {
  const { t } = useTranslation();
  const rowSelected = useCanvasStore((s) => s.capacityIds.has(capacity.id));
  const columnSelected = useCanvasStore((s) => s.opportunityIds.has(opportunity.id));
  const lit = useCanvasStore(
    (s) =>
      (s.highlight?.capacityIds.has(capacity.id) ?? false) ||
      (s.highlight?.opportunityIds.has(opportunity.id) ?? false),
  );
  const list = activities ?? [];
  const capacityTitle = capacity.title || t('activityCanvas.list.untitled');
  const opportunityTitle = opportunity.title || t('activityCanvas.list.untitled');
  const classes = [
    'matrix__cell',
    (rowSelected || columnSelected) && 'is-in-selection',
    rowSelected && columnSelected && 'is-selected',
    lit && 'is-lit',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      role="gridcell"
      aria-colindex={colIndex}
      aria-selected={rowSelected && columnSelected}
      className={classes}
      style={{ left, width: COLUMN_WIDTH }}
      data-testid="matrix-cell"
      data-capacity-id={capacity.id}
      data-opportunity-id={opportunity.id}
      tabIndex={tabbable ? 0 : -1}
      aria-label={t('activityCanvas.matrix.cellLabel', {
        capacity: capacityTitle,
        opportunity: opportunityTitle,
        count: list.length,
      })}
      title={t('activityCanvas.matrix.cell', {
        capacity: capacityTitle,
        opportunity: opportunityTitle,
        count: list.length,
      })}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onFocusCell(capacity.id, opportunity.id);
      }}
      onClick={(e) => {
        if (e.target instanceof Element && e.target.closest('button')) return;
        useCanvasStore.getState().selectCell(capacity.id, opportunity.id, additive(e));
      }}
    >
      {list.slice(0, CHIPS_PER_CELL).map((a) => (
        <ActivityChip key={a.id} activity={a} />
      ))}
      {list.length > CHIPS_PER_CELL && (
        <button
          type="button"
          className="matrix__more"
          onClick={() => useCanvasStore.getState().openActivity(list[CHIPS_PER_CELL]!.id)}
        >
          {t('activityCanvas.matrix.more', { count: list.length - CHIPS_PER_CELL })}
        </button>
      )}
    </div>
  );
});

export function ActivityChip({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const lit = useCanvasStore((s) => s.highlight?.activityIds.has(activity.id) ?? false);
  const open = useCanvasStore((s) => s.openActivityId === activity.id);
  return (
    <button
      type="button"
      className={[
        'activity-chip',
        `activity-chip--${activity.status}`,
        lit && 'is-lit',
        open && 'is-open',
      ]
        .filter(Boolean)
        .join(' ')}
      data-testid="activity-chip"
      data-activity-id={activity.id}
      data-status={activity.status}
      title={`${activity.title || t('activityCanvas.list.untitled')} · ${t(`s3.activityStatus.${activity.status}`)}`}
      onClick={() => useCanvasStore.getState().openActivity(activity.id)}
      onMouseEnter={() => useCanvasStore.getState().setHighlight(highlightOfActivity(activity))}
    >
      {activity.title || t('activityCanvas.list.untitled')}
    </button>
  );
}
