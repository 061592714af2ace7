/** The rows of the action table: a group heading (an activity, with its add button) and one action's cells, each showing its value or its editor. */
import { memo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type * as Y from 'yjs';

import type { Action } from '@shared/doc';
import type { Region } from '@shared/domain/s3';
import {
  activityLabel,
  COLUMNS,
  formatBudget,
  formatDate,
  ROW_HEADER_WIDTH,
  type ColumnKey,
  type FieldValue,
  type WriteError,
} from './actionFields';
import type { ActionListSnapshot } from './actionStore';
import { CellEditor } from './CellEditor';
import { ActivityMark, StatusBadge } from './actionBadges';
import { closedLabel, notSetClass } from '../closedLabel';

export type CommitThen = 'stay' | 'keep' | 'next' | 'previous' | 'down';

export interface ActiveCell {
  rowId: string;
  column: ColumnKey;
}

interface GroupRowProps {
  doc: Y.Doc;
  snapshot: ActionListSnapshot;
  activityId: string;
  count: number;
  canEdit: boolean;
  style: CSSProperties;
  onAdd: (activityId: string) => void;
}

export function GroupRow({
  doc,
  snapshot,
  activityId,
  count,
  canEdit,
  style,
  onAdd,
}: GroupRowProps) {
  const { t } = useTranslation();
  const activity = snapshot.activityById.get(activityId);
  const label = activityLabel(doc, snapshot, activityId);
  return (
    <div
      className="action-table__group"
      role="row"
      style={style}
      data-testid="action-group"
      data-activity-id={activityId}
    >
      <div className="action-table__group-cell" role="gridcell" aria-colspan={COLUMNS.length + 1}>
        <ActivityMark label={label} />
        {activity && <StatusBadge kind="activity" status={activity.status} />}
        {activity?.provenance && (
          <span className="action-chip action-chip--muted">{t('actionList.copiedFrom')}</span>
        )}
        <span className="muted action-table__group-count">
          {t('actionList.activityActions', { count })}
        </span>
        {canEdit && activity && (
          <button
            type="button"
            className="icon-button icon-button--labelled action-table__group-add"
            data-testid="group-add-action"
            aria-label={t('actionList.addTo', {
              activity: label.title || t('actionList.untitledActivity'),
            })}
            onClick={() => onAdd(activityId)}
          >
            + {t('actionList.add')}
          </button>
        )}
      </div>
    </div>
  );
}

interface ActionRowProps {
  doc: Y.Doc;
  action: Action;
  activity: { title: string; removed: boolean };
  snapshot: ActionListSnapshot;
  regions: Region[];
  ariaRowIndex: number;
  activeColumn: ColumnKey | null;
  editing: { initial?: string } | null;
  error: { cell: ActiveCell; error: WriteError } | null;
  canEdit: boolean;
  style: CSSProperties;
  onStartEditing: (cell: ActiveCell, initial?: string) => void;
  onSelect: (cell: ActiveCell | null) => void;
  onCommit: (cell: ActiveCell, value: FieldValue, then: CommitThen) => boolean;
  onCancel: () => void;
  onOpenDetails: (actionId: string) => void;
}

/** One action: re-renders only when its own snapshot (or its active cell) changes. */
export const ActionRow = memo(
  function ActionRow(props: ActionRowProps) {
    const { action, activity, regions, activeColumn, editing, canEdit } = props;
    const { t } = useTranslation();
    const title = action.title || t('actionList.untitled');
    return (
      <div
        className={
          activeColumn ? 'action-table__row action-table__row--active' : 'action-table__row'
        }
        role="row"
        aria-rowindex={props.ariaRowIndex}
        aria-label={t('actionList.rowLabel', { title })}
        style={props.style}
        data-testid="action-row"
        data-action-id={action.id}
      >
        <div className="action-table__rowhead" role="rowheader" style={{ width: ROW_HEADER_WIDTH }}>
          <button
            type="button"
            className="icon-button action-table__open"
            aria-label={t('actionList.openDetails', { title })}
            data-testid="open-action"
            tabIndex={-1}
            onClick={() => props.onOpenDetails(action.id)}
          >
            <svg
              width="16"
              height="16"
              viewBox="0 0 24 24"
              aria-hidden="true"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              <path d="M14 4h6v6M20 4l-7 7M10 20H4v-6M4 20l7-7" />
            </svg>
          </button>
        </div>
        {COLUMNS.map((column) => {
          const isActive = activeColumn === column.key;
          const isEditing = isActive && editing !== null;
          const cell: ActiveCell = { rowId: action.id, column: column.key };
          return (
            <div
              key={column.key}
              role="gridcell"
              tabIndex={isActive ? 0 : -1}
              aria-selected={isActive || undefined}
              aria-readonly={!canEdit || column.editor === 'none' || undefined}
              className={
                `action-table__cell action-table__cell--${column.key}` +
                (isActive ? ' action-table__cell--active' : '') +
                (isEditing ? ' action-table__cell--editing' : '')
              }
              style={{ width: column.width }}
              data-column={column.key}
              ref={isActive && !isEditing ? focusIfGridFocused : undefined}
              onClick={() => {
                if (isEditing) return;
                if (column.editor === 'none' || !canEdit) {
                  props.onSelect(cell);
                  if (column.key === 'indicators') props.onOpenDetails(action.id);
                  return;
                }
                props.onStartEditing(cell);
              }}
            >
              {isEditing ? (
                <CellEditor
                  action={action}
                  column={column.key}
                  initial={editing.initial}
                  regions={regions}
                  activities={props.snapshot.activities}
                  error={props.error?.cell.column === column.key ? props.error.error : null}
                  onCommit={(value, then) => props.onCommit(cell, value, then)}
                  onCancel={props.onCancel}
                />
              ) : (
                <CellValue
                  action={action}
                  column={column.key}
                  activity={activity}
                  regions={regions}
                  t={t}
                />
              )}
            </div>
          );
        })}
      </div>
    );
  },
  (a, b) =>
    a.action === b.action &&
    a.activity.title === b.activity.title &&
    a.activity.removed === b.activity.removed &&
    a.regions === b.regions &&
    a.activeColumn === b.activeColumn &&
    a.editing === b.editing &&
    a.error === b.error &&
    a.canEdit === b.canEdit &&
    a.ariaRowIndex === b.ariaRowIndex &&
    a.style.transform === b.style.transform &&
    a.onCommit === b.onCommit &&
    a.onStartEditing === b.onStartEditing &&
    (a.activeColumn === null || a.snapshot.activities === b.snapshot.activities),
);

/** Keeps the keyboard on the grid: a newly active cell takes the focus if the grid had it. */
function focusIfGridFocused(element: HTMLDivElement | null) {
  if (!element) return;
  const grid = element.closest('[role="grid"]');
  const focused = document.activeElement;
  if (
    grid &&
    focused &&
    focused !== element &&
    grid.contains(focused) &&
    focused.matches('[role="gridcell"]')
  )
    element.focus({ preventScroll: true });
}

interface CellValueProps {
  action: Action;
  column: ColumnKey;
  activity: { title: string; removed: boolean };
  regions: Region[];
  /** The row's translation function: one hook per row, not per cell. */
  t: TFunction;
}

function CellValue({ action, column, activity, regions, t }: CellValueProps) {
  switch (column) {
    case 'title':
      return action.title ? (
        <span className="action-table__text" title={action.title}>
          {action.title}
        </span>
      ) : (
        <span className="action-table__placeholder">{t('actionList.untitled')}</span>
      );
    case 'activity':
      return <ActivityMark label={activity} compact />;
    case 'actionType':
      return (
        <span className={`action-table__text${notSetClass(action.actionType)}`}>
          {closedLabel(t, 'actionType', action.actionType)}
        </span>
      );
    case 'status':
      return <StatusBadge kind="action" status={action.status} />;
    case 'lead':
      return <span className="action-table__text">{action.lead}</span>;
    case 'partners':
      return (
        <span className="action-table__text" title={action.partners.join('; ')}>
          {action.partners.join('; ')}
        </span>
      );
    case 'regions':
      return (
        <span className="action-table__chips">
          {action.regionIds.map((id) => (
            <span key={id} className="action-chip">
              {regions.find((r) => r.id === id)?.name ?? t('actionList.unknownRegion')}
            </span>
          ))}
        </span>
      );
    case 'start':
    case 'end':
      return <span className="action-table__text">{formatDate(action[column])}</span>;
    case 'budget':
      return (
        <span className="action-table__text action-table__number">
          {formatBudget(action.budget)}
        </span>
      );
    case 'fundingSource':
      return (
        <span className={`action-table__text${notSetClass(action.fundingSource)}`}>
          {closedLabel(t, 'fundingSource', action.fundingSource)}
        </span>
      );
    case 'clusterService':
      return <span className="action-table__text">{action.clusterService}</span>;
    case 'indicators':
      return action.indicators.length > 0 ? (
        <span className="action-table__text">
          {t('actionList.indicatorCount', { count: action.indicators.length })}
        </span>
      ) : null;
  }
}
