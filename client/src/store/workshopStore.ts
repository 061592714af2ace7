/**
 * Local UI state of the workshop page: which board this person looks at. Never shared (the
 * facilitation control plane moves everyone at a phase change by setting it).
 */
import { create } from 'zustand';
import type { BoardKind } from '../../../shared/templates/templates';

interface WorkshopUiState {
  activeBoard: BoardKind | null;
  showBoard: (board: BoardKind) => void;
  reset: () => void;
}

export const useWorkshopStore = create<WorkshopUiState>()((set) => ({
  activeBoard: null,
  showBoard: (board) => set({ activeBoard: board }),
  reset: () => set({ activeBoard: null }),
}));
