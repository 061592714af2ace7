/** What every part of the capacity map shares: the doc, who is looking, the index of cells. */
import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { Role } from '@shared/domain/workshop';
import type { PresenceUser } from '@client/sync/presence';
import type { CapacityIndex } from './capacityIndex';

export interface CapacityMapContextValue {
  doc: Y.Doc;
  index: CapacityIndex;
  canEdit: boolean;
  role: Role;
  user: PresenceUser | null;
  /** Deletes a capacity as one undo step and offers to undo it. */
  deleteCapacity: (id: string) => void;
}

export const CapacityMapContext = createContext<CapacityMapContextValue | null>(null);

export function useCapacityMap(): CapacityMapContextValue {
  const value = useContext(CapacityMapContext);
  if (!value) throw new Error('useCapacityMap outside <CapacityMapContext>');
  return value;
}

/** A card that should take the focus when it mounts (it just moved to another cell). */
let focusOnMount: string | null = null;

export function focusCardOnMount(id: string | null): void {
  focusOnMount = id;
}

export function takeFocusOnMount(id: string): boolean {
  if (focusOnMount !== id) return false;
  focusOnMount = null;
  return true;
}

/** The drop zone of a cell (region row × kind column): where a dragged capacity card lands. */
export const cellZoneId = (rowKey: string, kind: string): string => `cell:${rowKey}:${kind}`;
