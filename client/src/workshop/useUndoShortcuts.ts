/**
 * Undo and redo for the whole workshop, mounted once on the workshop page: Ctrl/Cmd+Z undoes this
 * person's last change on any board, Shift+Ctrl/Cmd+Z and Ctrl+Y redo it. Text fields and rich-text
 * editors keep their own undo, so the keys are left to them while the focus is in one.
 */
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { isTextEntryTarget } from '@client/lib/dom';
import { getUndoManager } from '@client/sync/undo';

export function useUndoShortcuts(doc: Y.Doc | null | undefined, enabled: boolean): void {
  useEffect(() => {
    if (!doc || !enabled) return;
    const manager = getUndoManager(doc);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || !(event.ctrlKey || event.metaKey)) return;
      if (isTextEntryTarget(event.target)) return;
      const key = event.key.toLowerCase();
      const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
      const undo = key === 'z' && !event.shiftKey;
      if (!undo && !redo) return;
      event.preventDefault();
      if (undo) manager.undo();
      else manager.redo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [doc, enabled]);
}
