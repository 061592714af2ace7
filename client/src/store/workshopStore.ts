/**
 * Local UI state of the workshop page: which board this person looks at. Never shared (the
 * facilitation control plane moves everyone at a phase change by setting it).
 */
import { create } from 'zustand';
import type { WorkshopTemplate } from '@shared/domain/workshop';
import { templateOf, type BoardKind } from '@shared/templates/templates';

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

/** The board shown: the one chosen, if the workshop's template has it, else its first board. */
export function useActiveBoard(template: WorkshopTemplate): BoardKind {
  const boards = templateOf(template).boards;
  const active = useWorkshopStore((s) => s.activeBoard);
  return active && boards.includes(active) ? active : boards[0]!;
}
