/**
 * Local UI state of the capacity map (never shared): which view, the filters, the capacity open in
 * the side panel, the diamond's display mode, and the last region someone filed a capacity under
 * (the region a new capacity from the toolbar goes to).
 */
import type * as Y from 'yjs';
import { create } from 'zustand';
import { createCapacity, listRegions } from '@shared/doc';
import type { CapacityKind, Helix } from '@shared/domain/s3';

/** Filter value meaning "capacities without a (known) region". */
export const NO_REGION_FILTER = '__none__';
/** Kind or helix filter value meaning "not set" ('' already means "all"). */
export const NOT_SET_FILTER = '__not-set__';

export interface CapacityFilters {
  /** '' = all regions; NO_REGION_FILTER = no region; else a region id. */
  regionId: string;
  kind: CapacityKind | '' | typeof NOT_SET_FILTER;
  helix: Helix | '' | typeof NOT_SET_FILTER;
  /** Case-insensitive text found in the title or a holder's name. */
  search: string;
}

export const NO_FILTERS: CapacityFilters = { regionId: '', kind: '', helix: '', search: '' };

export type CapacityMapMode = 'map' | 'diamond';
export type DiamondLayout = 'overlay' | 'side-by-side';

interface CapacityMapUiState {
  mode: CapacityMapMode;
  filters: CapacityFilters;
  openId: string | null;
  /** Focus the title field when the panel opens (a capacity that was just added). */
  focusTitle: boolean;
  diamondLayout: DiamondLayout;
  /** Regions hidden from the diamond (legend toggles). */
  hiddenRegions: string[];
  lastRegionId: string;
  setMode: (mode: CapacityMapMode) => void;
  setFilters: (patch: Partial<CapacityFilters>) => void;
  open: (id: string | null, focusTitle?: boolean) => void;
  setDiamondLayout: (layout: DiamondLayout) => void;
  toggleRegion: (regionId: string) => void;
  setLastRegionId: (regionId: string) => void;
}

/**
 * The regions this person last filed a capacity under, newest first, kept in this browser across
 * reloads. Region ids are unique across workshops: the newest one the workshop knows is used.
 */
const RECENT_REGIONS_KEY = 'transforma.capacityMap.recentRegions';
const RECENT_REGIONS_MAX = 20;

function readRecentRegions(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(RECENT_REGIONS_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function rememberRegion(regionId: string): void {
  if (!regionId) return;
  try {
    const recent = [regionId, ...readRecentRegions().filter((id) => id !== regionId)];
    localStorage.setItem(RECENT_REGIONS_KEY, JSON.stringify(recent.slice(0, RECENT_REGIONS_MAX)));
  } catch {
    // Storage full or blocked: remembered for this visit only.
  }
}

export const useCapacityMapStore = create<CapacityMapUiState>()((set) => ({
  mode: 'map',
  filters: NO_FILTERS,
  openId: null,
  focusTitle: false,
  diamondLayout: 'overlay',
  hiddenRegions: [],
  lastRegionId: readRecentRegions()[0] ?? '',
  setMode: (mode) => set({ mode }),
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  open: (id, focusTitle = false) => set({ openId: id, focusTitle }),
  setDiamondLayout: (diamondLayout) => set({ diamondLayout }),
  toggleRegion: (regionId) =>
    set((s) => ({
      hiddenRegions: s.hiddenRegions.includes(regionId)
        ? s.hiddenRegions.filter((r) => r !== regionId)
        : [...s.hiddenRegions, regionId],
    })),
  setLastRegionId: (lastRegionId) => {
    rememberRegion(lastRegionId);
    set({ lastRegionId });
  },
}));

/**
 * Where a capacity added from the toolbar goes: the region (and kind) filtered on, else the region
 * the person chose when joining (what they said about themselves), else the region they last filed
 * a capacity under (this visit or an earlier one), else no region.
 */
export function newCapacityPlace(
  doc: Y.Doc,
  joinRegionId = '',
): { regionId: string; kind: CapacityKind | '' } {
  const { filters, lastRegionId } = useCapacityMapStore.getState();
  const known = new Set(listRegions(doc).map((r) => r.id));
  // The kind filtered on, else not set: never a guessed kind.
  const kind = filters.kind === NOT_SET_FILTER ? '' : filters.kind;
  if (filters.regionId === NO_REGION_FILTER) return { regionId: '', kind };
  if (filters.regionId && known.has(filters.regionId)) return { regionId: filters.regionId, kind };
  if (known.has(joinRegionId)) return { regionId: joinRegionId, kind };
  const remembered = [lastRegionId, ...readRecentRegions()].find((id) => known.has(id));
  return { regionId: remembered ?? '', kind };
}

/**
 * Adds a capacity from the toolbar and opens it in the panel: its title focused, or, when no region
 * could be chosen although the workshop has regions, its region select (so it is not left under
 * "No region" by accident).
 */
export function addCapacityFromToolbar(doc: Y.Doc, createdBy: string, joinRegionId = ''): string {
  const { regionId, kind } = newCapacityPlace(doc, joinRegionId);
  const id = createCapacity(doc, { regionId, kind, createdBy });
  const { open, setLastRegionId } = useCapacityMapStore.getState();
  if (regionId) setLastRegionId(regionId);
  const chooseRegion = !regionId && listRegions(doc).length > 0;
  open(id, !chooseRegion);
  if (chooseRegion) focusRegionSelect(id);
  return id;
}

function focusRegionSelect(id: string, tries = 10): void {
  requestAnimationFrame(() => {
    const select = document.querySelector<HTMLElement>(
      `[data-testid="capacity-panel"][data-capacity-id="${CSS.escape(id)}"] [data-testid="capacity-region"]`,
    );
    if (select) select.focus();
    else if (tries > 1) focusRegionSelect(id, tries - 1);
  });
}
