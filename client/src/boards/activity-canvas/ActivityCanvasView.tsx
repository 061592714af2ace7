/**
 * The transformative-activity canvas: the capacity × opportunity matrix, and beside it the list of
 * activities (or the one being edited). Select capacities and opportunities (rows, columns or
 * cells), then "Create activity" combines them.
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_BOARD, createActivity } from '@shared/doc';
import { Icon } from '@client/ui/Icon';
import { asUndoStep } from '@client/sync/undo';
import { BoardContext, type BoardContextValue } from '../board/boardContext';
import type { BoardViewProps } from '../boardView';
import { ActivityList } from './ActivityList';
import { ActivityMatrix } from './ActivityMatrix';
import { ActivityPanel } from './ActivityPanel';
import { useCanvasData, type CanvasData } from './canvasData';
import { useCanvasStore } from './canvasStore';
import '@client/styles/activity-canvas.css';

const NAME_PART_MAX = 60;

/** A first name for a new activity from what it combines ("Tourism + ICT × Generative AI"). */
function suggestedName(data: CanvasData, capacityIds: string[], opportunityIds: string[]): string {
  const titles = (ids: string[], list: { id: string; title: string }[]) =>
    ids
      .map((id) => list.find((c) => c.id === id)?.title ?? '')
      .filter(Boolean)
      .join(' + ')
      .slice(0, NAME_PART_MAX);
  const left = titles(capacityIds, data.capacities);
  const right = titles(opportunityIds, data.opportunities);
  return left && right ? `${left} × ${right}` : left || right;
}

export default function ActivityCanvasView({ doc, sync, canEdit, user }: BoardViewProps) {
  const { t } = useTranslation();
  const data = useCanvasData(doc);
  const capacityIds = useCanvasStore((s) => s.capacityIds);
  const opportunityIds = useCanvasStore((s) => s.opportunityIds);
  const openId = useCanvasStore((s) => s.openActivityId);
  const context = useMemo<BoardContextValue>(
    () => ({ doc, sync, canEdit, user, boardId: ACTIVITY_BOARD }),
    [doc, sync, canEdit, user],
  );

  useEffect(() => () => useCanvasStore.getState().reset(), [doc]);

  // Selected rows/columns that were deleted meanwhile do not count.
  const liveCapacities = [...capacityIds].filter((id) => data.capacities.some((c) => c.id === id));
  const liveOpportunities = [...opportunityIds].filter((id) =>
    data.opportunities.some((o) => o.id === id),
  );
  const canCreate = canEdit && liveCapacities.length > 0 && liveOpportunities.length > 0;

  const create = () => {
    if (!canCreate) return;
    const id = asUndoStep(doc, () =>
      createActivity(doc, {
        title: suggestedName(data, liveCapacities, liveOpportunities),
        capacityIds: liveCapacities,
        opportunityIds: liveOpportunities,
        createdBy: user?.name ?? '',
      }),
    );
    const store = useCanvasStore.getState();
    store.clearSelection();
    store.openActivity(id);
  };

  return (
    <BoardContext value={context}>
      <section
        className="activity-canvas"
        aria-label={t('activityCanvas.title')}
        data-testid="activity-canvas"
      >
        <div className="activity-canvas__main">
          <div
            className="activity-canvas__toolbar"
            role="toolbar"
            aria-label={t('activityCanvas.toolbar.label')}
          >
            <p className="activity-canvas__selection" aria-live="polite">
              {liveCapacities.length + liveOpportunities.length > 0
                ? t('activityCanvas.toolbar.selection', {
                    capacities: liveCapacities.length,
                    opportunities: liveOpportunities.length,
                  })
                : t('activityCanvas.toolbar.selectionHint')}
            </p>
            {liveCapacities.length + liveOpportunities.length > 0 && (
              <button
                type="button"
                className="button button--ghost"
                data-testid="clear-selection"
                onClick={() => useCanvasStore.getState().clearSelection()}
              >
                {t('activityCanvas.toolbar.clear')}
              </button>
            )}
            {canEdit && (
              <button
                type="button"
                className="button button--primary"
                data-testid="create-activity"
                disabled={!canCreate}
                title={t('activityCanvas.toolbar.createHint')}
                onClick={create}
              >
                <Icon name="plus" size={16} />
                {t('activityCanvas.toolbar.create')}
              </button>
            )}
          </div>
          <ActivityMatrix data={data} canEdit={canEdit} />
        </div>
        <aside className="activity-canvas__side">
          {openId ? (
            <ActivityPanel
              key={openId}
              doc={doc}
              activityId={openId}
              data={data}
              canEdit={canEdit}
            />
          ) : (
            <ActivityList doc={doc} data={data} />
          )}
        </aside>
      </section>
    </BoardContext>
  );
}
