/**
 * The action list (ADW / cADW): the concrete actions that develop each transformative activity,
 * as a table (sort, filter, inline edit, grouping by activity; virtualised) or a kanban by status,
 * with a detail panel for the long fields. Read-only on the wall screen.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { createAction, listRegions, regionsArray, resolveLinks } from '@shared/doc';
import { ACTION_STATUSES, ACTION_TYPES, FUNDING_SOURCES, type Region } from '@shared/domain/s3';
import { Icon } from '@client/ui/Icon';
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
  NO_REGION,
  NOT_SET_FILTER,
  sortActions,
  tableRows,
  viewContext,
  type ActionFilters,
  type SortState,
} from './actionFilters';
import { useActionList } from './actionStore';
import { StatusBadge } from './actionBadges';
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

/** Choose an activity: shows only its actions ("jump to an activity's actions"). */
function ActivityPicker({
  snapshot,
  value,
  onChange,
}: {
  snapshot: ReturnType<typeof useActionList>;
  value: string;
  onChange: (activityId: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const counts = useMemo(() => {
    const out = new Map<string, number>();
    for (const a of snapshot.actions) out.set(a.activityId, (out.get(a.activityId) ?? 0) + 1);
    return out;
  }, [snapshot.actions]);
  return (
    <div className="action-list__picker">
      <label htmlFor={id} className="visually-hidden">
        {t('actionList.filterActivity')}
      </label>
      <select
        id={id}
        className="field__input field__select action-list__select action-list__select--activity"
        value={value}
        data-testid="activity-picker"
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('actionList.allActivities')}</option>
        {snapshot.activities.map((a) => (
          <option key={a.id} value={a.id}>
            {(a.title || t('actionList.untitledActivity')) +
              ` · ${t(`s3.activityStatus.${a.status}`)} · ${t('actionList.activityActions', { count: counts.get(a.id) ?? 0 })}`}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "Add action": to the chosen activity, else asks which one. */
function AddActionButton({
  snapshot,
  activityId,
  onAdd,
  testId = 'add-action',
}: {
  snapshot: ReturnType<typeof useActionList>;
  activityId: string;
  onAdd: (activityId: string) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const target = activityId ? snapshot.activityById.get(activityId) : undefined;

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('button, [tabindex="0"]')?.focus();
    const onPress = (e: PointerEvent) => {
      if (!menuRef.current?.parentElement?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onPress);
    return () => window.removeEventListener('pointerdown', onPress);
  }, [open]);

  return (
    <div className="action-add">
      <button
        type="button"
        className="button button--primary"
        data-testid={testId}
        aria-haspopup={target ? undefined : 'menu'}
        aria-expanded={target ? undefined : open}
        title={target ? t('actionList.addTo', { activity: target.title }) : undefined}
        onClick={() => (target ? onAdd(target.id) : setOpen((o) => !o))}
      >
        <Icon name="plus" size={16} />
        {t('actionList.add')}
      </button>
      {open && (
        <div
          ref={menuRef}
          className="popover action-add__menu"
          data-testid="add-action-menu"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
            }
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const items = [
                ...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []),
              ];
              const i = items.indexOf(document.activeElement as HTMLElement);
              items[(i + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
            }
          }}
        >
          <p id={headingId} className="action-add__heading">
            {snapshot.activities.length > 0
              ? t('actionList.addChoose')
              : t('actionList.addNoActivities')}
          </p>
          {snapshot.activities.length > 0 && (
            <div role="menu" aria-labelledby={headingId} className="action-add__list">
              {snapshot.activities.map((a) => (
                <button
                  key={a.id}
                  type="button"
                  role="menuitem"
                  className="action-add__item"
                  data-testid="add-action-activity"
                  data-activity-id={a.id}
                  onClick={() => {
                    setOpen(false);
                    onAdd(a.id);
                  }}
                >
                  <span className="action-add__title">
                    {a.title || t('actionList.untitledActivity')}
                  </span>
                  <StatusBadge kind="activity" status={a.status} />
                </button>
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}

interface FilterBarProps {
  filters: ActionFilters;
  regions: Region[];
  grouped: boolean;
  showGrouping: boolean;
  onChange: (filters: ActionFilters) => void;
  onGroupedChange: (grouped: boolean) => void;
}

function FilterBar({
  filters,
  regions,
  grouped,
  showGrouping,
  onChange,
  onGroupedChange,
}: FilterBarProps) {
  const { t } = useTranslation();
  const searchId = useId();
  const groupId = useId();
  const set = <K extends keyof ActionFilters>(key: K, value: ActionFilters[K]) =>
    onChange({ ...filters, [key]: value });
  return (
    <div className="action-list__filters" role="search" aria-label={t('actionList.filters')}>
      <div className="action-list__search">
        <label htmlFor={searchId} className="visually-hidden">
          {t('actionList.search')}
        </label>
        <input
          id={searchId}
          type="search"
          className="field__input action-list__select"
          placeholder={t('actionList.searchPlaceholder')}
          value={filters.text}
          data-testid="action-search"
          onChange={(e) => set('text', e.target.value)}
        />
      </div>
      <FilterSelect
        label={t('actionList.filterStatus')}
        value={filters.status}
        testId="filter-status"
        options={[
          ...ACTION_STATUSES.map((v) => ({ value: v, label: t(`s3.actionStatus.${v}`) })),
          { value: NOT_SET_FILTER, label: t('s3.notSet') },
        ]}
        onChange={(v) => set('status', v as ActionFilters['status'])}
      />
      <FilterSelect
        label={t('actionList.filterType')}
        value={filters.actionType}
        testId="filter-type"
        options={[
          ...ACTION_TYPES.map((v) => ({ value: v, label: t(`s3.actionType.${v}`) })),
          { value: NOT_SET_FILTER, label: t('s3.notSet') },
        ]}
        onChange={(v) => set('actionType', v as ActionFilters['actionType'])}
      />
      <FilterSelect
        label={t('actionList.filterRegion')}
        value={filters.regionId}
        testId="filter-region"
        options={[
          ...regions.map((r) => ({ value: r.id, label: r.name })),
          { value: NO_REGION, label: t('actionList.noRegion') },
        ]}
        onChange={(v) => set('regionId', v)}
      />
      <FilterSelect
        label={t('actionList.filterFunding')}
        value={filters.fundingSource}
        testId="filter-funding"
        options={[
          ...FUNDING_SOURCES.map((v) => ({ value: v, label: t(`s3.fundingSource.${v}`) })),
          { value: NOT_SET_FILTER, label: t('s3.notSet') },
        ]}
        onChange={(v) => set('fundingSource', v as ActionFilters['fundingSource'])}
      />
      {hasFilters(filters) && (
        <button type="button" className="button button--ghost" onClick={() => onChange(NO_FILTERS)}>
          {t('actionList.clearFilters')}
        </button>
      )}
      {showGrouping && (
        <label htmlFor={groupId} className="action-list__toggle">
          <input
            id={groupId}
            type="checkbox"
            checked={grouped}
            data-testid="group-by-activity"
            onChange={(e) => onGroupedChange(e.target.checked)}
          />
          {t('actionList.groupByActivity')}
        </label>
      )}
    </div>
  );
}

function FilterSelect({
  label,
  value,
  options,
  testId,
  onChange,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  testId: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="action-list__filter">
      <label htmlFor={id} className="action-list__filter-label">
        {label}
      </label>
      <select
        id={id}
        className={
          value
            ? 'field__input field__select action-list__select action-list__select--on'
            : 'field__input field__select action-list__select'
        }
        value={value}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('actionList.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
