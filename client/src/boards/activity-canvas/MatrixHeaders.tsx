/**
 * The activity matrix's headers: the opportunity groups' bands and the region bands, and the row
 * (capacity) and column (opportunity) headers that select their line and light what uses it.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Capacity, Opportunity } from '@shared/doc';
import type { CanvasData, ColumnGroup, RowItem } from './canvasData';
import { useCanvasStore } from './canvasStore';
import { closedLabel, notSetClass } from '../closedLabel';
import {
  additive,
  COLUMN_HEADER,
  COLUMN_WIDTH,
  GROUP_BAND,
  highlightOfCard,
  ROW_HEADER_WIDTH,
} from './matrixLayout';

/** Columns have a fixed width, so a group's band spans start × width to (start + count) × width. */
export function GroupBand({ group }: { group: ColumnGroup }) {
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

export function RegionBand({ row }: { row: Extract<RowItem, { kind: 'region' }> }) {
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

export const RowHeader = memo(function RowHeader({
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

export const ColumnHeader = memo(function ColumnHeader({
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
