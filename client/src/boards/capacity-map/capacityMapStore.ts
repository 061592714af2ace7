/**
 * Local UI state of the capacity map (never shared): which view, the filters, the capacity open in
 * the side panel, the diamond's display mode, and the last region someone filed a capacity under
 * (the region a new capacity from the toolbar goes to).
 */
import { create } from 'zustand';
import type { CapacityKind, Helix } from '../../../../shared/domain/s3';

/** Filter value meaning "capacities without a (known) region". */
export const NO_REGION_FILTER = '__none__';

export interface CapacityFilters {
  /** '' = all regions; NO_REGION_FILTER = no region; else a region id. */
  regionId: string;
  kind: CapacityKind | '';
  helix: Helix | '';
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

export const useCapacityMapStore = create<CapacityMapUiState>()((set) => ({
  mode: 'map',
  filters: NO_FILTERS,
  openId: null,
  focusTitle: false,
  diamondLayout: 'overlay',
  hiddenRegions: [],
  lastRegionId: '',
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
  setLastRegionId: (lastRegionId) => set({ lastRegionId }),
}));
