/** Filtering, sorting and grouping of the action list (local view state, never shared). */
import type { Action } from '@shared/doc';
import type { ActionStatus, ActionType, FundingSource, Region } from '@shared/domain/s3';
import { compareValues, sortValue, type ColumnKey } from './actionFields';
import type { ActionListSnapshot } from './actionStore';

export const NO_REGION = '__none';
/** Filter value for "not set" on a closed field ('' already means "any"). */
export const NOT_SET_FILTER = '__not-set';
type NotSetFilter = typeof NOT_SET_FILTER;

/** Whether a closed field's value passes its filter ('' = any, NOT_SET_FILTER = not set). */
function passes(filter: string, value: string): boolean {
  return !filter || value === (filter === NOT_SET_FILTER ? '' : filter);
}

export interface ActionFilters {
  activityId: string;
  status: ActionStatus | NotSetFilter | '';
  actionType: ActionType | NotSetFilter | '';
  regionId: string;
  fundingSource: FundingSource | NotSetFilter | '';
  text: string;
}

export const NO_FILTERS: ActionFilters = {
  activityId: '',
  status: '',
  actionType: '',
  regionId: '',
  fundingSource: '',
  text: '',
};

export function hasFilters(f: ActionFilters): boolean {
  return Object.values(f).some((v) => v !== '');
}

export interface SortState {
  key: ColumnKey;
  direction: 'asc' | 'desc';
}

export type TableRow =
  { kind: 'group'; activityId: string; count: number } | { kind: 'action'; action: Action };

export interface ViewContext {
  activityTitle: (id: string) => string;
  regionNames: (ids: string[]) => string;
}

export function viewContext(
  snapshot: ActionListSnapshot,
  regions: Region[],
  removedTitle: (id: string) => string,
): ViewContext {
  const names = new Map(regions.map((r) => [r.id, r.name]));
  return {
    activityTitle: (id) => snapshot.activityById.get(id)?.title ?? removedTitle(id),
    regionNames: (ids) =>
      ids
        .map((id) => names.get(id) ?? '')
        .filter(Boolean)
        .join(', '),
  };
}

export function filterActions(
  actions: Action[],
  filters: ActionFilters,
  context: ViewContext,
): Action[] {
  const text = filters.text.trim().toLowerCase();
  return actions.filter((a) => {
    if (filters.activityId && a.activityId !== filters.activityId) return false;
    if (!passes(filters.status, a.status)) return false;
    if (!passes(filters.actionType, a.actionType)) return false;
    if (!passes(filters.fundingSource, a.fundingSource)) return false;
    if (filters.regionId === NO_REGION && a.regionIds.length > 0) return false;
    if (
      filters.regionId &&
      filters.regionId !== NO_REGION &&
      !a.regionIds.includes(filters.regionId)
    )
      return false;
    if (text) {
      const haystack = [
        a.title,
        a.lead,
        a.clusterService,
        ...a.partners,
        context.activityTitle(a.activityId),
      ]
        .join('\n')
        .toLowerCase();
      if (!haystack.includes(text)) return false;
    }
    return true;
  });
}

export function sortActions(
  actions: Action[],
  sort: SortState | null,
  context: ViewContext,
): Action[] {
  if (!sort) return actions;
  const keyed = actions.map((action) => ({ action, value: sortValue(action, sort.key, context) }));
  const sign = sort.direction === 'asc' ? 1 : -1;
  keyed.sort((a, b) => {
    // Empty values stay last in both directions.
    if (a.value === null || b.value === null) return compareValues(a.value, b.value);
    return sign * compareValues(a.value, b.value) || a.action.createdAt - b.action.createdAt;
  });
  return keyed.map((k) => k.action);
}

/**
 * Rows of the table: plain, or grouped under each activity (in the activities' order, then the
 * actions of removed activities). Without filters every activity shows, even with no action yet,
 * so actions can be added to it from its group header.
 */
export function tableRows(
  actions: Action[],
  grouped: boolean,
  snapshot: ActionListSnapshot,
  showEmptyGroups: boolean,
): TableRow[] {
  if (!grouped) return actions.map((action) => ({ kind: 'action', action }));
  const byActivity = new Map<string, Action[]>();
  for (const action of actions) {
    const list = byActivity.get(action.activityId);
    if (list) list.push(action);
    else byActivity.set(action.activityId, [action]);
  }
  const order = snapshot.activities.map((a) => a.id);
  for (const id of byActivity.keys()) if (!snapshot.activityById.has(id)) order.push(id);
  const rows: TableRow[] = [];
  for (const activityId of order) {
    const list = byActivity.get(activityId) ?? [];
    if (list.length === 0 && !showEmptyGroups) continue;
    rows.push({ kind: 'group', activityId, count: list.length });
    for (const action of list) rows.push({ kind: 'action', action });
  }
  return rows;
}
