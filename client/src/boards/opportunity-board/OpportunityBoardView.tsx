/**
 * The opportunity board: opportunity cards (new technologies, societal challenges, markets,
 * regulations) placed freely on the generic pannable board, sorted into named groups drawn as frames.
 * Drag a card into a frame to group it; the side panel edits every field; organisers import a
 * prepared spreadsheet.
 */
import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CARD_WIDTH,
  createOpportunity,
  GROUP_FRAME_GAP,
  createOpportunityGroup,
  getCard,
  getOpportunity,
  OPPORTUNITY_BOARD,
  setOpportunityGroup,
} from '../../../../shared/doc';
import { Icon } from '../../app/Icon';
import { useBoardStore } from '../../store/boardStore';
import { asUndoStep } from '../../sync/undo';
import { Board } from '../board/Board';
import { screenToBoard } from '../board/viewport';
import type { BoardViewProps } from '../boardView';
import { frameBounds, groupAtCard } from './groupLayout';
import { GroupFrames, requestGroupRename } from './GroupFrames';
import { OpportunityCardSlot } from './OpportunitySlot';
import { OpportunityPanel } from './OpportunityPanel';
import { placedGroupsNow } from './useGroups';
import '../../styles/opportunity-board.css';

const ImportDialog = lazy(() => import('../../import/ImportDialog'));

export default function OpportunityBoardView({ doc, sync, canEdit, user }: BoardViewProps) {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);

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

  /** A new group goes in the middle of the view, or right of it where no frame is yet. */
  const addGroup = () => {
    const board = document.querySelector('[data-testid="board"]')?.getBoundingClientRect();
    const vp = useBoardStore.getState().viewport;
    const centre = screenToBoard(vp, (board?.width ?? 800) / 2, (board?.height ?? 600) / 2);
    const width = 2 * CARD_WIDTH + 120;
    const height = 420;
    const frames = placedGroupsNow(doc).map((p) => p.frame);
    let x = Math.round(centre.x - width / 2);
    const y = Math.round(centre.y - height / 2);
    const blocking = (left: number) =>
      frames.filter(
        (f) =>
          left < f.x + f.width + GROUP_FRAME_GAP &&
          left + width + GROUP_FRAME_GAP > f.x &&
          y < f.y + f.height + GROUP_FRAME_GAP &&
          y + height + GROUP_FRAME_GAP > f.y,
      );
    for (let i = 0, hit = blocking(x); i < 50 && hit.length > 0; i++, hit = blocking(x)) {
      x = Math.max(...hit.map((f) => f.x + f.width + GROUP_FRAME_GAP));
    }
    const id = asUndoStep(doc, () =>
      createOpportunityGroup(doc, t('opportunityBoard.newGroupName'), [], { x, y, width, height }),
    );
    requestGroupRename(id);
    // Bring it into view if it had to go aside.
    const right = (x + width) * vp.zoom + vp.x;
    if (board && right > board.width) {
      useBoardStore
        .getState()
        .setViewport((v) => ({ ...v, x: v.x - (right - board.width) - 2 * GROUP_FRAME_GAP }));
    }
  };

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
        underlay={<GroupFrames doc={doc} canEdit={canEdit} />}
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
