/**
 * Keyboard shortcuts of the board: Delete/Backspace deletes the selected card (one undo step of the
 * workshop's shared history, see sync/undo.ts), Escape stops editing
 * and then clears the selection, Space held pans, Ctrl/Cmd with + - 0 zooms, Shift+1 fits.
 * None of them fire while the person is typing in a field.
 */
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { deleteCard } from '@shared/doc';
import { isTextEntryTarget } from '@client/lib/dom';
import { useBoardStore } from '@client/store/boardStore';
import { asUndoStep } from '@client/sync/undo';
import { ZOOM_STEP } from '@client/lib/viewport';

interface ShortcutOptions {
  doc: Y.Doc;
  canEdit: boolean;
  zoomBy: (factor: number | 'reset') => void;
  fitToCards: () => void;
}

/** Space pans only where it has no meaning of its own (not on a button or in a field). */
function spaceIsFree(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return true;
  if (isTextEntryTarget(target)) return false;
  return target.closest('button, a[href], select, summary, [role="button"]') === null;
}

export function useBoardShortcuts({ doc, canEdit, zoomBy, fitToCards }: ShortcutOptions) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const store = useBoardStore.getState();
      const typing = isTextEntryTarget(event.target);
      const mod = event.ctrlKey || event.metaKey;

      if (mod && (event.key === '=' || event.key === '+')) {
        event.preventDefault();
        zoomBy(ZOOM_STEP);
      } else if (mod && event.key === '-') {
        event.preventDefault();
        zoomBy(1 / ZOOM_STEP);
      } else if (mod && event.key === '0') {
        event.preventDefault();
        zoomBy('reset');
      } else if (typing || event.defaultPrevented) {
        return;
      } else if (event.key === '!' && event.shiftKey) {
        event.preventDefault();
        fitToCards();
      } else if (event.key === ' ' && spaceIsFree(event.target)) {
        event.preventDefault();
        if (!event.repeat) store.setPanKeyHeld(true);
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && canEdit) {
        const cardId = store.selectedCardId;
        if (!cardId || store.editing) return;
        event.preventDefault();
        asUndoStep(doc, () => deleteCard(doc, cardId));
        store.selectCard(null);
      } else if (event.key === 'Escape') {
        if (store.editing) store.stopEditing();
        else store.selectCard(null);
      }
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ') useBoardStore.getState().setPanKeyHeld(false);
    };
    const onBlur = () => useBoardStore.getState().setPanKeyHeld(false);
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
    };
  }, [doc, canEdit, zoomBy, fitToCards]);
}
