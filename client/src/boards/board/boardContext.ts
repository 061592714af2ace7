import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { WorkshopSync } from '../../sync/workshopSync';
import type { PresenceUser } from '../../sync/presence';

export interface BoardContextValue {
  doc: Y.Doc;
  sync: WorkshopSync;
  boardId: string;
  /** False for the projector (read-only wall screen). */
  canEdit: boolean;
  /** Who is editing here, for authorship and carets; null until the person has a name. */
  user: PresenceUser | null;
}

export const BoardContext = createContext<BoardContextValue | null>(null);

export function useBoardContext(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoardContext outside <BoardContext>');
  return value;
}
