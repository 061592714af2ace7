import { createContext, useContext, type ComponentType } from 'react';
import type * as Y from 'yjs';
import type { CardMap } from '@shared/doc';
import type { WorkshopSync } from '@client/sync/workshopSync';
import type { PresenceUser } from '@client/sync/presence';

/** A type-specific part of a card (an opportunity's kind, horizon and group), shown above its title. */
export type CardSlot = ComponentType<{ cardId: string; card: CardMap }>;

export interface BoardContextValue {
  doc: Y.Doc;
  sync: WorkshopSync;
  boardId: string;
  /** False for the projector (read-only wall screen). */
  canEdit: boolean;
  /** Who is editing here, for authorship and carets; null until the person has a name. */
  user: PresenceUser | null;
  /** Shown inside every card of the board, above the title. */
  cardSlot?: CardSlot;
  /** Enter or a double-click on a card opens this editor instead of editing the body in place. */
  onOpenCard?: (cardId: string) => void;
  /** A card was moved by this person (drag released, arrow keys). */
  onCardMoved?: (cardId: string) => void;
}

export const BoardContext = createContext<BoardContextValue | null>(null);

export function useBoardContext(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoardContext outside <BoardContext>');
  return value;
}
