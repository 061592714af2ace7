/**
 * Local UI state of the activity canvas: what is selected in the matrix, which activity is open,
 * what is highlighted (hovering a header, a chip or a list entry) and the list's status filter.
 * Never shared; activities live in the Y.Doc.
 */
import { create } from 'zustand';
import type { ActivityStatus } from '@shared/domain/s3';

export interface Highlight {
  activityIds: ReadonlySet<string>;
  capacityIds: ReadonlySet<string>;
  opportunityIds: ReadonlySet<string>;
}

interface CanvasState {
  capacityIds: ReadonlySet<string>;
  opportunityIds: ReadonlySet<string>;
  openActivityId: string | null;
  highlight: Highlight | null;
  statusFilter: ActivityStatus | 'all';
  toggleCapacity: (id: string, additive: boolean) => void;
  toggleOpportunity: (id: string, additive: boolean) => void;
  selectCell: (capacityId: string, opportunityId: string, additive: boolean) => void;
  clearSelection: () => void;
  openActivity: (id: string | null) => void;
  setHighlight: (highlight: Highlight | null) => void;
  setStatusFilter: (status: ActivityStatus | 'all') => void;
  reset: () => void;
}

const EMPTY: ReadonlySet<string> = new Set();

function toggled(set: ReadonlySet<string>, id: string, additive: boolean): ReadonlySet<string> {
  if (!additive) return set.has(id) && set.size === 1 ? EMPTY : new Set([id]);
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

export const useCanvasStore = create<CanvasState>()((set) => ({
  capacityIds: EMPTY,
  opportunityIds: EMPTY,
  openActivityId: null,
  highlight: null,
  statusFilter: 'all',
  toggleCapacity: (id, additive) =>
    set((s) => ({ capacityIds: toggled(s.capacityIds, id, additive || s.capacityIds.size > 0) })),
  toggleOpportunity: (id, additive) =>
    set((s) => ({
      opportunityIds: toggled(s.opportunityIds, id, additive || s.opportunityIds.size > 0),
    })),
  selectCell: (capacityId, opportunityId, additive) =>
    set((s) => {
      if (!additive) {
        const same =
          s.capacityIds.size === 1 &&
          s.capacityIds.has(capacityId) &&
          s.opportunityIds.size === 1 &&
          s.opportunityIds.has(opportunityId);
        return same
          ? { capacityIds: EMPTY, opportunityIds: EMPTY }
          : { capacityIds: new Set([capacityId]), opportunityIds: new Set([opportunityId]) };
      }
      return {
        capacityIds: new Set([...s.capacityIds, capacityId]),
        opportunityIds: new Set([...s.opportunityIds, opportunityId]),
      };
    }),
  clearSelection: () => set({ capacityIds: EMPTY, opportunityIds: EMPTY }),
  openActivity: (id) => set({ openActivityId: id }),
  setHighlight: (highlight) => set({ highlight }),
  setStatusFilter: (statusFilter) => set({ statusFilter }),
  reset: () =>
    set({
      capacityIds: EMPTY,
      opportunityIds: EMPTY,
      openActivityId: null,
      highlight: null,
      statusFilter: 'all',
    }),
}));
