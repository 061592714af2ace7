/**
 * The workshop's ONE undo history: a single Y.UndoManager per doc, shared by every board.
 *
 * Scope: the cards (with everything nested in them), their tombstones, the opportunity groups, the
 * regions and the diamond axes. Only this person's changes are tracked: local doc operations run
 * with origin null (Y.UndoManager's default `trackedOrigins`), while updates from the server carry
 * the WebSocket provider as origin and those loaded from IndexedDB the persistence, so undo never
 * reverts someone else's work.
 *
 * Rich-text bodies being edited keep Tiptap's own per-editor history (origin: y-tiptap's sync
 * plugin key, so not tracked here): see CardBodyEditor.tsx for why it is not shared.
 */
import * as Y from 'yjs';
import {
  cardsMap,
  diamondAxesArray,
  opportunityGroupsMap,
  regionsArray,
  removedCardsMap,
} from '@shared/doc';

/** Changes closer together than this become one undo step (a drag, a burst of nudges). */
const CAPTURE_TIMEOUT_MS = 500;

const managers = new WeakMap<Y.Doc, Y.UndoManager>();

export function getUndoManager(doc: Y.Doc): Y.UndoManager {
  let manager = managers.get(doc);
  if (!manager) {
    manager = new Y.UndoManager(
      [
        cardsMap(doc),
        removedCardsMap(doc),
        opportunityGroupsMap(doc),
        regionsArray(doc),
        diamondAxesArray(doc),
      ],
      { captureTimeout: CAPTURE_TIMEOUT_MS, trackedOrigins: new Set([null]) },
    );
    managers.set(doc, manager);
    doc.once('destroy', () => managers.delete(doc));
  }
  return manager;
}

/**
 * Runs `change` as its own undo step: not merged with whatever came just before it (a delete right
 * after an edit must be undoable alone).
 */
export function asUndoStep<T>(doc: Y.Doc, change: () => T): T {
  const manager = getUndoManager(doc);
  manager.stopCapturing();
  const result = change();
  manager.stopCapturing();
  return result;
}
