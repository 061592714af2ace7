/**
 * Nothing the app places lies on another card. An import or a reveal puts its cards on a fixed grid
 * (the doc does not know how tall a card renders), so once they are on screen this client measures
 * them and slides them apart (cardPacking.ts). One client writes, so two never fight:
 * - cards this person added in one go (an import, a paste of several) or from the toolbar: this client;
 * - cards that arrived from elsewhere in one go (the server's private-writing reveal): the
 *   facilitator's client (`settlesRemote`). Packing is deterministic, so two facilitators measuring
 *   the same cards write the same positions.
 * Cards moved by hand are left alone: a person may stack cards on purpose.
 */
import { useEffect, type RefObject } from 'react';
import * as Y from 'yjs';
import { create } from 'zustand';
import {
  CARD_HEIGHT_ESTIMATE,
  CARD_WIDTH,
  DEFAULT_BOARD_ID,
  getCard,
  listCards,
  moveCard,
} from '@shared/doc';
import { useCardsAdded } from '@client/sync/useCards';
import { packCards, type PackCard } from './cardPacking';

interface SettleState {
  /** Cards waiting to be measured and laid out by this client. */
  pending: ReadonlySet<string>;
  settle: (ids: Iterable<string>) => void;
  done: (ids: Iterable<string>) => void;
}

export const useSettleStore = create<SettleState>()((set) => ({
  pending: new Set(),
  settle: (ids) =>
    set((s) => {
      const next = new Set(s.pending);
      for (const id of ids) next.add(id);
      return { pending: next };
    }),
  done: (ids) =>
    set((s) => {
      const next = new Set(s.pending);
      for (const id of ids) next.delete(id);
      return { pending: next };
    }),
}));

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Rendered heights (board px: offsetHeight ignores the zoom transform) of the cards on screen. */
export function measuredHeights(board: HTMLElement | null): Map<string, number> {
  const heights = new Map<string, number>();
  board?.querySelectorAll<HTMLElement>('.board__world [data-card-id]').forEach((element) => {
    if (element.dataset.cardId) heights.set(element.dataset.cardId, element.offsetHeight);
  });
  return heights;
}

interface SettleOptions {
  boardRef: RefObject<HTMLElement | null>;
  doc: Y.Doc;
  boardId: string;
  canEdit: boolean;
  /** This client lays out cards that arrive in bulk from elsewhere (the facilitator's). */
  settlesRemote: boolean;
  /** Called with the cards moved, in the same transaction (group frames grow to hold them). */
  onSettled?: (movedIds: string[]) => void;
}

export function useSettleCards({
  boardRef,
  doc,
  boardId,
  canEdit,
  settlesRemote,
  onSettled,
}: SettleOptions): void {
  // Which new cards to settle: a bulk add, local or (for the facilitator) remote.
  useCardsAdded(canEdit ? doc : null, (ids, transaction) => {
    if (transaction.origin instanceof Y.UndoManager) return;
    if (!transaction.local && !settlesRemote) return;
    const added = ids.filter((id) => {
      const card = getCard(doc, id);
      if (!card) return false;
      const cardBoard = card.get('boardId');
      return (typeof cardBoard === 'string' ? cardBoard : DEFAULT_BOARD_ID) === boardId;
    });
    // One card at a time is placed by the person (toolbar: Board settles it; double-click: where
    // they clicked); several at once were placed on a grid.
    if (added.length >= 2) useSettleStore.getState().settle(added);
  });

  const pending = useSettleStore((s) => s.pending);
  useEffect(() => {
    if (pending.size === 0 || !canEdit) return;
    let cancelled = false;
    void (async () => {
      // The card layer renders every card while some are pending (Board.tsx); fonts change heights.
      await document.fonts.ready;
      await nextFrame();
      await nextFrame();
      const board = boardRef.current;
      if (cancelled || !board) return;
      const heights = measuredHeights(board);
      const ids = [...useSettleStore.getState().pending];
      const waiting = new Set(ids);
      const rect = (c: { id: string; x: number; y: number }): PackCard => ({
        id: c.id,
        x: c.x,
        y: c.y,
        width: CARD_WIDTH,
        height: heights.get(c.id) ?? CARD_HEIGHT_ESTIMATE,
      });
      const all = listCards(doc, boardId);
      const settled = all.filter((c) => !waiting.has(c.id)).map(rect);
      const batch = all.filter((c) => waiting.has(c.id)).map(rect);
      const moves = packCards(settled, batch);
      if (moves.size > 0) {
        doc.transact(() => {
          moves.forEach(({ x, y }, id) => moveCard(doc, id, x, y));
          onSettled?.([...moves.keys()]);
        });
      }
      useSettleStore.getState().done(ids);
    })();
    return () => {
      cancelled = true;
    };
  }, [pending, canEdit, doc, boardId, boardRef, onSettled]);
}
