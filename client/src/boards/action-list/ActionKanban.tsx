/**
 * The kanban by status: one column per action status (idea, planned, running, done). Cards are
 * dragged between columns (mouse, touch, or the keyboard from the card's grip: the status changes
 * for everyone), or moved with the status menu on each card. Each column is virtualised, so
 * thousands of actions stay smooth.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { getAction, updateAction, type Action } from '@shared/doc';
import {
  ACTION_STATUSES,
  NOT_SET,
  type ActionStatus,
  type ActionStatusOrNotSet,
} from '@shared/domain/s3';
import { activityLabel, formatBudget, formatDate } from './actionFields';
import type { ActionListSnapshot } from './actionStore';
import { ActivityMark } from './actionBadges';
import { closedLabel, notSetClass } from '../closedLabel';
import { DragAndDrop, useDraggableItem, useDropZone } from '@client/ui/dragAndDrop';
import { Icon } from '@client/ui/Icon';

const CARD_HEIGHT = 132;
const CARD_GAP = 8;

interface ActionKanbanProps {
  doc: Y.Doc;
  snapshot: ActionListSnapshot;
  actions: Action[];
  canEdit: boolean;
  selectedId: string | null;
  onOpenDetails: (actionId: string) => void;
}

export function ActionKanban({
  doc,
  snapshot,
  actions,
  canEdit,
  selectedId,
  onOpenDetails,
}: ActionKanbanProps) {
  const byStatus = new Map<ActionStatusOrNotSet, Action[]>(
    [NOT_SET, ...ACTION_STATUSES].map((s) => [s, []]),
  );
  for (const action of actions) byStatus.get(action.status)!.push(action);
  // A "Not set" column only while some action has no status (never a guessed "idea").
  const columns: ActionStatusOrNotSet[] = byStatus.get(NOT_SET)!.length
    ? [NOT_SET, ...ACTION_STATUSES]
    : [...ACTION_STATUSES];
  const move = useCallback(
    (actionId: string, status: ActionStatus) => {
      const action = getAction(doc, actionId);
      if (action && action.status !== status) updateAction(doc, actionId, { status });
    },
    [doc],
  );
  return (
    <DragAndDrop>
      <div className="action-kanban" data-testid="action-kanban">
        {columns.map((status) => (
          <KanbanColumn
            key={status}
            doc={doc}
            snapshot={snapshot}
            status={status}
            actions={byStatus.get(status)!}
            canEdit={canEdit}
            selectedId={selectedId}
            onMove={move}
            onOpenDetails={onOpenDetails}
          />
        ))}
      </div>
    </DragAndDrop>
  );
}

interface KanbanColumnProps {
  doc: Y.Doc;
  snapshot: ActionListSnapshot;
  status: ActionStatusOrNotSet;
  actions: Action[];
  canEdit: boolean;
  selectedId: string | null;
  onMove: (actionId: string, status: ActionStatus) => void;
  onOpenDetails: (actionId: string) => void;
}

function KanbanColumn({
  doc,
  snapshot,
  status,
  actions,
  canEdit,
  selectedId,
  onMove,
  onOpenDetails,
}: KanbanColumnProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: actions.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT + CARD_GAP,
    getItemKey: (i) => actions[i]!.id,
    overscan: 6,
  });
  const label = closedLabel(t, 'actionStatus', status);
  const statusKey = status || 'not-set';
  // No drop on "Not set": a status is never taken away.
  const drop = useDropZone({
    id: statusKey,
    label,
    disabled: !canEdit || status === NOT_SET,
    onDrop: (id) => {
      if (status !== NOT_SET) onMove(id, status);
    },
  });
  return (
    <section
      ref={drop.ref}
      className={`action-kanban__column action-kanban__column--${statusKey}${drop.isOver ? ' action-kanban__column--over' : ''}`}
      aria-label={t('actionList.kanbanColumn', { status: label, count: actions.length })}
      data-testid={`kanban-column-${statusKey}`}
    >
      <header className="action-kanban__header">
        <span
          className={`action-kanban__dot action-kanban__dot--${statusKey}`}
          aria-hidden="true"
        />
        <h3>{label}</h3>
        <span className="action-kanban__count">{actions.length}</span>
      </header>
      <div className="action-kanban__scroll" ref={scrollRef}>
        <ul
          className="action-kanban__list"
          style={{ height: Math.max(virtualizer.getTotalSize(), 80) }}
        >
          {actions.length === 0 && canEdit && (
            <li className="action-kanban__empty" aria-hidden="true">
              {t('actionList.dropHere')}
            </li>
          )}
          {virtualizer.getVirtualItems().map((item) => {
            const action = actions[item.index]!;
            return (
              <KanbanCard
                key={item.key}
                action={action}
                activity={activityLabel(doc, snapshot, action.activityId)}
                canEdit={canEdit}
                selected={selectedId === action.id}
                top={item.start}
                onMove={onMove}
                onOpenDetails={onOpenDetails}
              />
            );
          })}
        </ul>
      </div>
    </section>
  );
}

interface KanbanCardProps {
  action: Action;
  activity: { title: string; removed: boolean };
  canEdit: boolean;
  selected: boolean;
  top: number;
  onMove: (actionId: string, status: ActionStatus) => void;
  onOpenDetails: (actionId: string) => void;
}

const KanbanCard = memo(
  function KanbanCard({
    action,
    activity,
    canEdit,
    selected,
    top,
    onMove,
    onOpenDetails,
  }: KanbanCardProps) {
    const { t } = useTranslation();
    const title = action.title || t('actionList.untitled');
    const dates = [formatDate(action.start), formatDate(action.end)].filter(Boolean).join(' – ');
    const drag = useDraggableItem({
      id: action.id,
      label: title,
      from: action.status || 'not-set',
      disabled: !canEdit,
    });
    const className = [
      'action-card',
      selected && 'action-card--selected',
      canEdit && 'action-card--draggable',
      drag.isDragging && 'action-card--dragging',
    ]
      .filter(Boolean)
      .join(' ');
    return (
      <li
        ref={drag.ref}
        {...drag.listeners}
        className={className}
        style={{ transform: `translateY(${top}px)`, height: CARD_HEIGHT }}
        data-testid="kanban-card"
        data-action-id={action.id}
      >
        <button
          type="button"
          className="action-card__open"
          aria-label={t('actionList.cardLabel', {
            title,
            status: closedLabel(t, 'actionStatus', action.status),
          })}
          onClick={() => onOpenDetails(action.id)}
        >
          <span className="action-card__title">{title}</span>
        </button>
        {canEdit && (
          <button
            type="button"
            ref={drag.handleRef}
            {...drag.handleProps}
            className="action-card__grip"
            aria-label={t('dragAndDrop.handle', { item: title })}
            title={t('dragAndDrop.handle', { item: title })}
            data-testid="kanban-drag"
          >
            <Icon name="grip" size={16} />
          </button>
        )}
        <span className="action-card__activity">
          <ActivityMark label={activity} compact />
        </span>
        <span className="action-card__meta">
          {action.lead && <span className="action-card__lead">{action.lead}</span>}
          {dates && <span>{dates}</span>}
        </span>
        <span className="action-card__foot">
          <span className="action-card__budget">{formatBudget(action.budget)}</span>
          {canEdit ? (
            <select
              className="action-card__status"
              aria-label={t('actionList.moveTo', { title })}
              data-testid="kanban-status"
              value={action.status}
              onChange={(e) => onMove(action.id, e.target.value as ActionStatus)}
            >
              {action.status === NOT_SET && (
                <option value={NOT_SET} disabled>
                  {t('s3.notSet')}
                </option>
              )}
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`s3.actionStatus.${s}`)}
                </option>
              ))}
            </select>
          ) : (
            <span className={`action-card__type${notSetClass(action.actionType)}`}>
              {closedLabel(t, 'actionType', action.actionType)}
            </span>
          )}
        </span>
      </li>
    );
  },
  (a, b) =>
    a.action === b.action &&
    a.activity.title === b.activity.title &&
    a.activity.removed === b.activity.removed &&
    a.canEdit === b.canEdit &&
    a.selected === b.selected &&
    a.top === b.top &&
    a.onMove === b.onMove &&
    a.onOpenDetails === b.onOpenDetails,
);
