/**
 * The kanban by status: one column per action status (idea, planned, running, done). Cards are
 * dragged between columns (the status changes for everyone), or moved from the keyboard with the
 * status menu on each card. Each column is virtualised, so thousands of actions stay smooth.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useRef, useState, type DragEvent } from 'react';
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

const CARD_HEIGHT = 132;
const CARD_GAP = 8;
const DRAG_TYPE = 'application/x-transforma-action';

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
  const [over, setOver] = useState(false);
  const virtualizer = useVirtualizer({
    count: actions.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT + CARD_GAP,
    getItemKey: (i) => actions[i]!.id,
    overscan: 6,
  });
  const label = closedLabel(t, 'actionStatus', status);
  const statusKey = status || 'not-set';

  const accepts = (event: DragEvent) => canEdit && event.dataTransfer.types.includes(DRAG_TYPE);
  return (
    <section
      className={`action-kanban__column action-kanban__column--${statusKey}${over ? ' action-kanban__column--over' : ''}`}
      aria-label={t('actionList.kanbanColumn', { status: label, count: actions.length })}
      data-testid={`kanban-column-${statusKey}`}
      onDragOver={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        setOver(false);
        if (!accepts(e)) return;
        e.preventDefault();
        const id = e.dataTransfer.getData(DRAG_TYPE);
        if (id && status !== NOT_SET) onMove(id, status);
      }}
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
    return (
      <li
        className={selected ? 'action-card action-card--selected' : 'action-card'}
        style={{ transform: `translateY(${top}px)`, height: CARD_HEIGHT }}
        data-testid="kanban-card"
        data-action-id={action.id}
        draggable={canEdit}
        onDragStart={(e) => {
          e.dataTransfer.setData(DRAG_TYPE, action.id);
          e.dataTransfer.setData('text/plain', action.title);
          e.dataTransfer.effectAllowed = 'move';
          e.currentTarget.classList.add('action-card--dragging');
        }}
        onDragEnd={(e) => e.currentTarget.classList.remove('action-card--dragging')}
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
