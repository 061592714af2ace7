/**
 * Local UI state of the board: selection, what is being edited, the viewport. Never shared; the
 * cards themselves live in the Y.Doc.
 */
import { create } from 'zustand';
import type { CardColor } from '@shared/doc';
import { INITIAL_VIEWPORT, type Viewport } from '@client/lib/viewport';

export type CardEditing = { cardId: string; part: 'title' | 'body' } | null;

interface BoardUiState {
  selectedCardId: string | null;
  editing: CardEditing;
  viewport: Viewport;
  /** Space held: dragging anywhere pans the board. */
  panKeyHeld: boolean;
  /** Colour of the next new card: the last one picked. */
  newCardColor: CardColor;
  selectCard: (cardId: string | null) => void;
  editCard: (cardId: string, part: 'title' | 'body') => void;
  stopEditing: (cardId?: string) => void;
  setViewport: (next: Viewport | ((current: Viewport) => Viewport)) => void;
  setPanKeyHeld: (held: boolean) => void;
  setNewCardColor: (color: CardColor) => void;
  reset: () => void;
}

export const useBoardStore = create<BoardUiState>()((set) => ({
  selectedCardId: null,
  editing: null,
  viewport: INITIAL_VIEWPORT,
  panKeyHeld: false,
  newCardColor: 'yellow',
  selectCard: (cardId) =>
    set((state) => ({
      selectedCardId: cardId,
      editing: state.editing && state.editing.cardId === cardId ? state.editing : null,
    })),
  editCard: (cardId, part) => set({ selectedCardId: cardId, editing: { cardId, part } }),
  stopEditing: (cardId) =>
    set((state) =>
      cardId === undefined || state.editing?.cardId === cardId ? { editing: null } : {},
    ),
  setViewport: (next) =>
    set((state) => ({ viewport: typeof next === 'function' ? next(state.viewport) : next })),
  setPanKeyHeld: (held) => set({ panKeyHeld: held }),
  setNewCardColor: (color) => set({ newCardColor: color }),
  reset: () =>
    set({ selectedCardId: null, editing: null, viewport: INITIAL_VIEWPORT, panKeyHeld: false }),
}));

export const isEditingCard = (editing: CardEditing, cardId: string, part: 'title' | 'body') =>
  editing?.cardId === cardId && editing.part === part;
