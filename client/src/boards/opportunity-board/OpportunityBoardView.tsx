/**
 * The opportunity board: opportunity cards (new technologies, societal challenges, markets,
 * regulations) placed freely on the generic pannable board, sorted into named groups drawn as frames.
 * Drag a card into a frame to group it; the side panel edits every field; organisers import a
 * prepared spreadsheet.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import {
  createOpportunity,
  createOpportunityGroup,
  freeGroupFrame,
  getCard,
  getOpportunity,
  GROUP_FRAME_GAP,
  layoutOpportunityBoard,
  listOpportunityGroups,
  NEW_GROUP_FRAME_SIZE,
  OPPORTUNITY_BOARD,
  opportunityGroupsMap,
  setOpportunityGroup,
  setOpportunityGroupFrame,
  type GroupFrame,
} from '@shared/doc';
import { Icon } from '@client/ui/Icon';
import { UndoToast } from '@client/ui/UndoToast';
import { useBoardStore } from '@client/store/boardStore';
import { asUndoStep, getUndoManager } from '@client/sync/undo';
import { useCardsAdded } from '@client/sync/useCards';
import { useYObserver } from '@client/sync/useY';
import { Board } from '../board/Board';
import { fitBounds, screenToBoard } from '@client/lib/viewport';
import type { BoardViewProps } from '../boardView';
import { frameBounds, groupAtCard } from './groupLayout';
import { GroupFrames, requestGroupRename, type MergeResult } from './GroupFrames';
import { OpportunityCardSlot } from './OpportunitySlot';
import { OpportunityPanel } from './OpportunityPanel';
import { placedGroupsNow } from './useGroups';
import '@client/styles/opportunity-board.css';

const ImportDialog = lazy(() => import('../import/ImportDialog'));

/** The board element's size on screen (the viewport maths works in its coordinates). */
function boardRect(): DOMRect | undefined {
  return document.querySelector('[data-testid="board"]')?.getBoundingClientRect();
}

/**
 * Brings a frame into view: 'fit' zooms to show it whole (never above 100 %); 'reveal' only pans,
 * and only when part of it is off screen.
 */
function showFrame(frame: GroupFrame, mode: 'fit' | 'reveal'): void {
  const board = boardRect();
  if (!board) return;
  const { setViewport, viewport: vp } = useBoardStore.getState();
  if (mode === 'fit') {
    setViewport(fitBounds(frameBounds(frame), board.width, board.height, 96));
    return;
  }
  const left = frame.x * vp.zoom + vp.x;
  const top = frame.y * vp.zoom + vp.y;
  const right = left + frame.width * vp.zoom;
  const bottom = top + frame.height * vp.zoom;
  const margin = 2 * GROUP_FRAME_GAP;
  let dx = 0;
  let dy = 0;
  if (right > board.width - margin) dx = board.width - margin - right;
  if (left + dx < margin) dx = margin - left;
  if (bottom > board.height - margin) dy = board.height - margin - bottom;
  if (top + dy < margin) dy = margin - top;
  if (dx !== 0 || dy !== 0) setViewport((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
}

/**
 * Keeps the board tidy after this person's bulk changes (the spreadsheet import): groups without a
 * frame get one in free space with their cards arranged inside, and new ungrouped cards that landed
 * on a frame move off it. Runs right after the change, so it joins the same undo step. Deterministic,
 * so two editors doing it at once write the same values.
 */
function useTidyLayout(doc: Y.Doc, canEdit: boolean): void {
  const tidy = useRef<{ added: Set<string>; schedule: () => void } | null>(null);
  useEffect(() => {
    if (!canEdit) return;
    const added = new Set<string>();
    let scheduled = false;
    let stopped = false;
    const run = () => {
      scheduled = false;
      if (stopped) return;
      const loose = [...added];
      added.clear();
      layoutOpportunityBoard(doc, loose);
    };
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(run);
    };
    tidy.current = { added, schedule };
    // Groups left without a frame (an import by an older version, a copy) are framed once seen.
    if (listOpportunityGroups(doc).some((g) => !g.frame)) schedule();
    return () => {
      stopped = true;
      tidy.current = null;
    };
  }, [doc, canEdit]);
  const local = (transaction: Y.Transaction) =>
    transaction.local && !(transaction.origin instanceof Y.UndoManager);
  useCardsAdded(doc, (ids, transaction) => {
    const t = tidy.current;
    if (!t || !local(transaction)) return;
    // One card at a time (add, paste, restore) is placed by the person; a bulk add is an import.
    if (ids.length < 2) {
      t.added.clear();
      return;
    }
    for (const id of ids) t.added.add(id);
    t.schedule();
  });
  useYObserver(opportunityGroupsMap(doc), (event) => {
    const t = tidy.current;
    if (!t || !local(event.transaction)) return;
    let addedGroup = false;
    event.changes.keys.forEach((change) => {
      if (change.action === 'add') addedGroup = true;
    });
    if (addedGroup) t.schedule();
  });
}

export default function OpportunityBoardView({ doc, sync, canEdit, user }: BoardViewProps) {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [merged, setMerged] = useState<(MergeResult & { at: number }) | null>(null);
  useTidyLayout(doc, canEdit);

  const onMerged = useCallback(
    (result: MergeResult) => {
      setMerged({ ...result, at: Date.now() });
      // Show the merged group whole once the frame has its new size.
      requestAnimationFrame(() => {
        const target = listOpportunityGroups(doc).find((g) => g.id === result.targetId);
        const placed = placedGroupsNow(doc).find((p) => p.group.id === result.targetId);
        const frame = target?.frame ?? placed?.frame;
        if (frame) showFrame(frame, 'fit');
      });
    },
    [doc],
  );

  const createCardAt = useCallback(
    (x: number, y: number) => {
      const group = groupAtCard(placedGroupsNow(doc), x, y);
      return asUndoStep(doc, () =>
        createOpportunity(doc, {
          x,
          y,
          createdBy: user?.name ?? '',
          groupId: group?.group.id ?? '',
        }),
      );
    },
    [doc, user],
  );

  /** A card was dropped or nudged: it belongs to the group whose frame now holds it. */
  const onCardMoved = useCallback(
    (cardId: string) => {
      const opportunity = getOpportunity(doc, cardId);
      if (!opportunity) return;
      const placed = placedGroupsNow(doc, cardId);
      const inside = groupAtCard(placed, opportunity.x, opportunity.y);
      const current = placed.find((p) => p.group.id === opportunity.groupId);
      // A lone member of a group without a stored frame carries its frame along.
      if (!inside && current?.derived && current.count === 0) return;
      const next = inside?.group.id ?? '';
      if (next !== opportunity.groupId) setOpportunityGroup(doc, cardId, next);
    },
    [doc],
  );

  const onOpenCard = useCallback(
    (cardId: string) => {
      if (getCard(doc, cardId)) {
        useBoardStore.getState().stopEditing();
        setOpenId(cardId);
      }
    },
    [doc],
  );

  const closePanel = useCallback(() => {
    const id = openId;
    setOpenId(null);
    if (id)
      document
        .querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"]`)
        ?.focus({ preventScroll: true });
  }, [openId]);

  /** A new group goes in the middle of the view, or the nearest spot clear of cards and frames. */
  const addGroup = () => {
    const board = boardRect();
    const vp = useBoardStore.getState().viewport;
    const centre = screenToBoard(vp, (board?.width ?? 800) / 2, (board?.height ?? 600) / 2);
    const { width, height } = NEW_GROUP_FRAME_SIZE;
    const frame = freeGroupFrame(doc, {
      x: Math.round(centre.x - width / 2),
      y: Math.round(centre.y - height / 2),
    });
    const id = asUndoStep(doc, () =>
      createOpportunityGroup(doc, t('opportunityBoard.newGroupName'), [], frame),
    );
    requestGroupRename(id);
    // Bring it into view if it had to go aside.
    showFrame(frame, 'reveal');
  };

  /** Members the layout pass slid down stay inside their group's frame: it grows to hold them. */
  const onCardsSettled = useCallback(
    (movedIds: string[]) => {
      const groups = new Map(listOpportunityGroups(doc).map((g) => [g.id, g]));
      const heights = new Map<string, number>();
      document.querySelectorAll<HTMLElement>('.board__world [data-card-id]').forEach((el) => {
        if (el.dataset.cardId) heights.set(el.dataset.cardId, el.offsetHeight);
      });
      const bottoms = new Map<string, number>();
      for (const id of movedIds) {
        const card = getOpportunity(doc, id);
        const frame = card && groups.get(card.groupId)?.frame;
        if (!card || !frame) continue;
        const bottom = card.y + (heights.get(id) ?? 0) + GROUP_FRAME_GAP;
        bottoms.set(card.groupId, Math.max(bottoms.get(card.groupId) ?? -Infinity, bottom));
      }
      bottoms.forEach((bottom, groupId) => {
        const frame = groups.get(groupId)?.frame;
        if (frame && bottom > frame.y + frame.height)
          setOpportunityGroupFrame(doc, groupId, { ...frame, height: bottom - frame.y });
      });
    },
    [doc],
  );

  const extraBounds = useCallback(
    () => placedGroupsNow(doc).map((p) => frameBounds(p.frame)),
    [doc],
  );

  const toolbarExtra = (
    <>
      <button
        type="button"
        className="tool-button"
        data-testid="add-group"
        title={t('opportunityBoard.addGroupHint')}
        onClick={addGroup}
      >
        <Icon name="fit" size={20} />
        <span>{t('opportunityBoard.addGroup')}</span>
      </button>
      <span className="floating-bar__divider" aria-hidden="true" />
      <button
        type="button"
        className="tool-button"
        data-testid="import-opportunities"
        title={t('opportunityBoard.importHint')}
        onClick={() => setImporting(true)}
      >
        <Icon name="copy" size={20} />
        <span>{t('opportunityBoard.import')}</span>
      </button>
    </>
  );

  return (
    <section
      className="opportunity-board"
      aria-label={t('opportunityBoard.title')}
      data-testid="opportunity-board"
    >
      <Board
        doc={doc}
        sync={sync}
        boardId={OPPORTUNITY_BOARD}
        canEdit={canEdit}
        user={user}
        cardSlot={OpportunityCardSlot}
        onOpenCard={onOpenCard}
        onCardMoved={canEdit ? onCardMoved : undefined}
        createCardAt={createCardAt}
        addCardLabel={t('opportunityBoard.addOpportunity')}
        emptyTitle={t('opportunityBoard.emptyTitle')}
        emptyHint={t('opportunityBoard.emptyHint')}
        extraBounds={extraBounds}
        onCardsSettled={onCardsSettled}
        underlay={<GroupFrames doc={doc} canEdit={canEdit} onMerged={onMerged} />}
        toolbarExtra={toolbarExtra}
      >
        {openId && (
          <OpportunityPanel
            key={openId}
            doc={doc}
            cardId={openId}
            canEdit={canEdit}
            onClose={closePanel}
          />
        )}
        {merged && (
          <UndoToast
            showKey={merged.at}
            message={t('opportunityBoard.group.merged', {
              source: merged.sourceName,
              target: merged.targetName,
              count: merged.moved,
            })}
            undoLabel={t('opportunityBoard.group.undo')}
            dismissLabel={t('opportunityBoard.group.dismiss')}
            testId="group-merged-toast"
            onUndo={
              canEdit
                ? () => {
                    getUndoManager(doc).undo();
                    setMerged(null);
                  }
                : undefined
            }
            onClose={() => setMerged(null)}
          />
        )}
      </Board>
      {importing && canEdit && (
        <Suspense fallback={null}>
          <ImportDialog
            doc={doc}
            target="opportunity"
            createdBy={user?.name ?? ''}
            onClose={() => setImporting(false)}
          />
        </Suspense>
      )}
    </section>
  );
}
