/**
 * One cell of the activity matrix: the activities combining its capacity and opportunity, as chips
 * that open them (the first two, then "+N more"); a click selects the cell's pair.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, Capacity, Opportunity } from '@shared/doc';
import { useCanvasStore } from './canvasStore';
import { additive, CHIPS_PER_CELL, COLUMN_WIDTH, highlightOfActivity } from './matrixLayout';

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

export const MatrixCell = memo(function MatrixCell({
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

function ActivityChip({ activity }: { activity: Activity }) {
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
