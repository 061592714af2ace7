/**
 * The card being dragged by this person, with its live position (board coordinates), so that what
 * lies under it (a group frame) can show it would take the card. Local UI state, never shared.
 */
import { create } from 'zustand';

export interface CardDrag {
  cardId: string;
  x: number;
  y: number;
}

interface DragState {
  drag: CardDrag | null;
  setDrag: (drag: CardDrag | null) => void;
}

export const useDragStore = create<DragState>()((set) => ({
  drag: null,
  setDrag: (drag) => set({ drag }),
}));
