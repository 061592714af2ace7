/**
 * The action list (ADW / cADW): the concrete actions that develop each transformative activity,
 * as a table (sort, filter, inline edit, grouping by activity; virtualised) or a kanban by status,
 * with a detail panel for the long fields. Read-only on the wall screen. Its controls are
 * ActivityPicker.tsx, AddActionButton.tsx and ActionFilterBar.tsx.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { createAction, listRegions, regionsArray, resolveLinks } from '@shared/doc';
import type { Region } from '@shared/domain/s3';
import { useYValue } from '@client/sync/useY';
import type { BoardViewProps } from '../boardView';
import { ActionDetail, undoLast } from './ActionDetail';
import { UndoToast } from '@client/ui/UndoToast';
import { ActionKanban } from './ActionKanban';
import { ActionTable, type ActiveCell } from './ActionTable';
import type { ColumnKey } from './actionFields';
import {
  filterActions,
  hasFilters,
  NO_FILTERS,
  sortActions,
  tableRows,
  viewContext,
  type ActionFilters,
  type SortState,
} from './actionFilters';
import { useActionList } from './actionStore';
import { FilterBar } from './ActionFilterBar';
import { ActivityPicker } from './ActivityPicker';
import { AddActionButton } from './AddActionButton';
import '@client/styles/action-list.css';

type ViewMode = 'table' | 'kanban';

const readRegions = (array: Y.Array<Region>) => listRegions(array.doc!);

export default function ActionListView({ doc, sync, canEdit, user }: BoardViewProps) {
  const { t } = useTranslation();
  const snapshot = useActionList(doc);
  const regions = useYValue(regionsArray(doc), readRegions);
  const [mode, setMode] = useState<ViewMode>('table');
  const [grouped, setGrouped] = useState(true);
  const [filters, setFilters] = useState<ActionFilters>(NO_FILTERS);
  const [sort, setSort] = useState<SortState | null>(null);
  const [detailId, setDetailId] = useState<string | null>(null);
  const [editRequest, setEditRequest] = useState<ActiveCell | null>(null);
  const [toast, setToast] = useState<string | null>(null);

  const context = useMemo(
    () => viewContext(snapshot, regions, (id) => resolveLinks(doc, [id])[0]?.title ?? ''),
    [snapshot, regions, doc],
  );
  const visible = useMemo(
    () => sortActions(filterActions(snapshot.actions, filters, context), sort, context),
    [snapshot.actions, filters, sort, context],
  );
  const filtered = hasFilters(filters);
  const rows = useMemo(
    () => tableRows(visible, grouped, snapshot, !filtered || filters.activityId !== ''),
    [visible, grouped, snapshot, filtered, filters.activityId],
  );

  const detail = detailId ? snapshot.actions.find((a) => a.id === detailId) : undefined;
  useEffect(() => {
    if (detailId && !detail) setDetailId(null);
  }, [detailId, detail]);

  const onSort = useCallback((key: ColumnKey) => {
    setSort((current) =>
      current?.key !== key
        ? { key, direction: 'asc' }
        : current.direction === 'asc'
          ? { key, direction: 'desc' }
          : null,
    );
  }, []);

  const addAction = useCallback(
    (activityId: string) => {
      const id = createAction(doc, { activityId, createdBy: user?.name ?? '' });
      // The new action must be visible: keep only an activity filter that shows it.
      setFilters((f) => (f.activityId === activityId ? { ...NO_FILTERS, activityId } : NO_FILTERS));
      if (mode === 'table') setEditRequest({ rowId: id, column: 'title' });
      else setDetailId(id);
    },
    [doc, user, mode],
  );

  const openDetails = useCallback((id: string) => setDetailId(id), []);
  const closeDetails = useCallback(() => setDetailId(null), []);
  const editRequestDone = useCallback(() => setEditRequest(null), []);

  const total = snapshot.actions.length;
  return (
    <section
      className="board-view action-list"
      aria-label={t('actionList.title')}
      data-testid="action-list"
    >
      <div className="action-list__toolbar" role="toolbar" aria-label={t('actionList.toolbar')}>
        <div className="action-views" role="radiogroup" aria-label={t('actionList.views')}>
          {(['table', 'kanban'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              className={
                mode === m
                  ? 'action-views__option action-views__option--on'
                  : 'action-views__option'
              }
              data-testid={`action-view-${m}`}
              onClick={() => setMode(m)}
            >
              {t(`actionList.${m}`)}
            </button>
          ))}
        </div>
        <ActivityPicker
          snapshot={snapshot}
          value={filters.activityId}
          onChange={(activityId) => setFilters((f) => ({ ...f, activityId }))}
        />
        <span className="action-list__count" data-testid="action-count" aria-live="polite">
          {filtered
            ? t('actionList.countFiltered', { shown: visible.length, total })
            : t('actionList.count', { count: total })}
        </span>
        <span className="action-list__spacer" />
        {canEdit && (
          <AddActionButton snapshot={snapshot} activityId={filters.activityId} onAdd={addAction} />
        )}
      </div>

      <FilterBar
        filters={filters}
        regions={regions}
        grouped={grouped}
        showGrouping={mode === 'table'}
        onChange={setFilters}
        onGroupedChange={setGrouped}
      />

      <div className="action-list__main">
        <div className="action-list__content">
          {total === 0 ? (
            <EmptyState canEdit={canEdit} />
          ) : visible.length === 0 &&
            filtered &&
            !(grouped && mode === 'table' && filters.activityId) ? (
            <div className="action-list__empty" data-testid="action-list-empty">
              <p>{t('actionList.empty.filtered')}</p>
              <button type="button" className="button" onClick={() => setFilters(NO_FILTERS)}>
                {t('actionList.clearFilters')}
              </button>
            </div>
          ) : mode === 'table' ? (
            <ActionTable
              doc={doc}
              snapshot={snapshot}
              rows={rows}
              regions={regions}
              canEdit={canEdit}
              sort={sort}
              onSort={onSort}
              onOpenDetails={openDetails}
              onAddToActivity={addAction}
              editRequest={editRequest}
              onEditRequestDone={editRequestDone}
            />
          ) : (
            <ActionKanban
              doc={doc}
              snapshot={snapshot}
              actions={visible}
              canEdit={canEdit}
              selectedId={detailId}
              onOpenDetails={openDetails}
            />
          )}
          {total === 0 && canEdit && snapshot.activities.length > 0 && (
            <div className="action-list__empty-add">
              <AddActionButton
                snapshot={snapshot}
                activityId=""
                onAdd={addAction}
                testId="add-action-empty"
              />
            </div>
          )}
        </div>
        {detail && (
          <ActionDetail
            doc={doc}
            sync={sync}
            snapshot={snapshot}
            action={detail}
            regions={regions}
            canEdit={canEdit}
            user={user}
            onClose={closeDetails}
            onDeleted={() => {
              setDetailId(null);
              setToast(t('actionList.detail.deleted'));
            }}
          />
        )}
      </div>
      {toast && (
        <UndoToast
          message={toast}
          undoLabel={t('actionList.detail.undo')}
          dismissLabel={t('capacityMap.toast.dismiss')}
          testId="action-toast"
          onUndo={() => {
            undoLast(doc);
            setToast(null);
          }}
          onClose={() => setToast(null)}
        />
      )}
    </section>
  );
}

function EmptyState({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="action-list__empty" data-testid="action-list-empty">
      <h3>{t('actionList.empty.title')}</h3>
      <p className="muted">
        {canEdit ? t('actionList.empty.hint') : t('actionList.empty.hintReadOnly')}
      </p>
    </div>
  );
}
