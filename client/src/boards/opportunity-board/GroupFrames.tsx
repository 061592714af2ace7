/**
 * The named groups of the opportunity board, drawn as frames under the cards (board coordinates).
 * Drag a card into a frame to put it in the group; drag a frame's header to move the group with its
 * cards, or drop it on another group's header to merge the two; resize from the corner; rename,
 * merge and delete from the header's menu (GroupMenu.tsx; the name field is GroupNameInput.tsx).
 * Every change is one undo step of the shared history.
 */
import { memo, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { create } from 'zustand';
import {
  deleteOpportunityGroup,
  mergeOpportunityGroups,
  moveOpportunityGroup,
  renameOpportunityGroup,
  setOpportunityGroupFrame,
  GROUP_FRAME_MIN,
  type GroupFrame,
} from '@shared/doc';
import { Icon } from '@client/ui/Icon';
import { throttle } from '@client/lib/throttle';
import { useBoardStore } from '@client/store/boardStore';
import { asUndoStep, getUndoManager } from '@client/sync/undo';
import { useDragStore } from '../board/dragStore';
import { MOVE_INTERVAL_MS } from '../board/useCardDrag';
import { FRAME_HEADER, groupAtCard, groupHeaderAt, type PlacedGroup } from './groupLayout';
import { GroupMenu } from './GroupMenu';
import { GroupNameInput } from './GroupNameInput';
import { usePlacedGroups } from './useGroups';

const KEY_NUDGE = 10;

/** The group a dragged group would merge into if released now (local UI state). */
const useMergeTargetStore = create<{ id: string | null }>()(() => ({ id: null }));

/** A group just made by this person opens with its name ready to type. */
const useRenameRequestStore = create<{ id: string | null }>()(() => ({ id: null }));

export function requestGroupRename(groupId: string): void {
  useRenameRequestStore.setState({ id: groupId });
}

/** What a merge did, for the board's confirmation and to bring the merged group into view. */
export interface MergeResult {
  targetId: string;
  targetName: string;
  sourceName: string;
  moved: number;
}

interface GroupFramesProps {
  doc: Y.Doc;
  canEdit: boolean;
  onMerged?: (result: MergeResult) => void;
}

export const GroupFrames = memo(function GroupFrames({ doc, canEdit, onMerged }: GroupFramesProps) {
  const placed = usePlacedGroups(doc);
  return (
    <>
      {placed.map((p) => (
        <GroupFrameView
          key={p.group.id}
          doc={doc}
          canEdit={canEdit}
          placed={p}
          all={placed}
          onMerged={onMerged}
        />
      ))}
    </>
  );
});

interface GroupFrameViewProps {
  doc: Y.Doc;
  canEdit: boolean;
  placed: PlacedGroup;
  all: PlacedGroup[];
  onMerged?: (result: MergeResult) => void;
}

function GroupFrameView({ doc, canEdit, placed, all, onMerged }: GroupFrameViewProps) {
  const { t } = useTranslation();
  const { group, count } = placed;
  const [dragFrame, setDragFrame] = useState<GroupFrame | null>(null);
  const [mergeTarget, setMergeTarget] = useState<PlacedGroup | null>(null);
  const [renaming, setRenaming] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const headerRef = useRef<HTMLDivElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const cleanup = useRef<(() => void) | null>(null);
  useEffect(() => () => cleanup.current?.(), []);
  const allRef = useRef(all);
  useEffect(() => {
    allRef.current = all;
  });

  const renameRequested = useRenameRequestStore((s) => s.id === group.id);
  useEffect(() => {
    if (!renameRequested || !canEdit) return;
    useRenameRequestStore.setState({ id: null });
    setRenaming(true);
  }, [renameRequested, canEdit]);
  const frame = dragFrame ?? placed.frame;
  const mergeInto = useMergeTargetStore((s) => s.id === group.id);
  const dropping = useDragStore(
    (s) => s.drag !== null && groupAtCard(all, s.drag.x, s.drag.y)?.group.id === group.id,
  );

  /** Merges this group into `target` (one undo step) and tells the board. */
  const mergeWith = (target: PlacedGroup) => {
    const merged = mergeOpportunityGroups(doc, target.group.id, group.id);
    if (merged)
      onMerged?.({
        targetId: target.group.id,
        targetName: target.group.name,
        sourceName: group.name,
        moved: count,
      });
  };

  /** Pointer drag on the header (move) or the corner (resize). */
  const startDrag = (event: ReactPointerEvent<HTMLElement>, mode: 'move' | 'resize') => {
    if (!canEdit || event.button !== 0 || useBoardStore.getState().panKeyHeld) return;
    if (event.target instanceof Element && event.target.closest('button, input')) return;
    event.stopPropagation();
    event.preventDefault();
    const element = event.currentTarget;
    const { pointerId, clientX: startX, clientY: startY } = event;
    const start = placed.frame;
    let written = start;
    let last = start;
    let dragging = false;
    let target: PlacedGroup | null = null;
    const undo = getUndoManager(doc);
    const writeMove = throttle((next: GroupFrame) => {
      moveOpportunityGroup(doc, group.id, written, next.x, next.y);
      written = { ...written, x: next.x, y: next.y };
    }, MOVE_INTERVAL_MS);

    const onMove = (e: PointerEvent) => {
      if (e.pointerId !== pointerId) return;
      const dx = e.clientX - startX;
      const dy = e.clientY - startY;
      if (!dragging) {
        if (Math.hypot(dx, dy) < 4) return;
        dragging = true;
        undo.stopCapturing();
        try {
          element.setPointerCapture(pointerId);
        } catch {
          // The pointer is gone already; pointerup/cancel ends the drag.
        }
      }
      const zoom = useBoardStore.getState().viewport.zoom;
      if (mode === 'move') {
        last = { ...start, x: Math.round(start.x + dx / zoom), y: Math.round(start.y + dy / zoom) };
        writeMove(last);
        const vp = useBoardStore.getState().viewport;
        const board = element.closest('[data-testid="board"]')?.getBoundingClientRect();
        const bx = (e.clientX - (board?.left ?? 0) - vp.x) / vp.zoom;
        const by = (e.clientY - (board?.top ?? 0) - vp.y) / vp.zoom;
        target = groupHeaderAt(allRef.current, bx, by, group.id) ?? null;
        setMergeTarget(target);
        useMergeTargetStore.setState({ id: target?.group.id ?? null });
      } else {
        last = {
          ...start,
          width: Math.max(GROUP_FRAME_MIN.width, Math.round(start.width + dx / zoom)),
          height: Math.max(GROUP_FRAME_MIN.height, Math.round(start.height + dy / zoom)),
        };
      }
      setDragFrame(last);
    };
    const onEnd = (e: PointerEvent) => {
      if (e.pointerId !== pointerId) return;
      stop();
      if (!dragging) return;
      if (mode === 'move') {
        writeMove.cancel();
        if (target) {
          // Dropped on another group's header: merge into it (one undo step with the move).
          mergeWith(target);
        } else {
          moveOpportunityGroup(doc, group.id, written, last.x, last.y);
        }
      } else {
        setOpportunityGroupFrame(doc, group.id, last);
      }
      undo.stopCapturing();
      setDragFrame(null);
      setMergeTarget(null);
      useMergeTargetStore.setState({ id: null });
    };
    const stop = () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onEnd);
      window.removeEventListener('pointercancel', onEnd);
      writeMove.cancel();
      cleanup.current = null;
    };
    cleanup.current?.();
    cleanup.current = stop;
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onEnd);
    window.addEventListener('pointercancel', onEnd);
  };

  const onHeaderKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || !canEdit) return;
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      setRenaming(true);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      asUndoStep(doc, () => deleteOpportunityGroup(doc, group.id));
    } else if (event.key.startsWith('Arrow')) {
      event.preventDefault();
      const step = event.shiftKey ? KEY_NUDGE * 10 : KEY_NUDGE;
      const dx = event.key === 'ArrowLeft' ? -step : event.key === 'ArrowRight' ? step : 0;
      const dy = event.key === 'ArrowUp' ? -step : event.key === 'ArrowDown' ? step : 0;
      moveOpportunityGroup(doc, group.id, placed.frame, placed.frame.x + dx, placed.frame.y + dy);
    }
  };

  const others = all.filter((p) => p.group.id !== group.id);
  const classes = [
    'group-frame',
    (dropping || mergeInto) && 'is-drop-target',
    dragFrame && 'is-dragging',
    placed.derived && 'is-derived',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <section
      className={classes}
      data-testid="group-frame"
      data-group-id={group.id}
      aria-label={t('opportunityBoard.group.label', { name: group.name, count })}
      style={{
        transform: `translate3d(${frame.x}px, ${frame.y}px, 0)`,
        width: frame.width,
        height: frame.height,
      }}
    >
      <div
        ref={headerRef}
        className="group-frame__header"
        data-board-ui
        data-testid="group-frame-header"
        tabIndex={0}
        role="group"
        aria-label={group.name}
        title={canEdit ? t('opportunityBoard.group.drag') : undefined}
        style={{ height: FRAME_HEADER }}
        onPointerDown={(e) => startDrag(e, 'move')}
        onDoubleClick={(e) => {
          e.stopPropagation();
          if (canEdit) setRenaming(true);
        }}
        onFocus={(e) => {
          if (e.target === e.currentTarget) useBoardStore.getState().selectCard(null);
        }}
        onKeyDown={onHeaderKeyDown}
      >
        {renaming ? (
          <GroupNameInput
            name={group.name}
            onDone={(name) => {
              setRenaming(false);
              if (name && name !== group.name)
                asUndoStep(doc, () => renameOpportunityGroup(doc, group.id, name));
              headerRef.current?.focus();
            }}
          />
        ) : (
          <h3 className="group-frame__name" data-testid="group-frame-name">
            {group.name}
          </h3>
        )}
        <span className="group-frame__count" data-testid="group-frame-count">
          {t('opportunityBoard.group.count', { count })}
        </span>
        {canEdit && !renaming && (
          <div className="group-frame__menu">
            <button
              ref={menuButtonRef}
              type="button"
              className="icon-button group-frame__menu-button"
              aria-label={t('opportunityBoard.group.menu', { name: group.name })}
              aria-haspopup="menu"
              aria-expanded={menuOpen}
              data-testid="group-menu-button"
              onClick={() => setMenuOpen((open) => !open)}
            >
              <span aria-hidden="true">⋯</span>
            </button>
            {menuOpen && (
              <GroupMenu
                anchor={menuButtonRef}
                others={others}
                onClose={() => setMenuOpen(false)}
                onRename={() => setRenaming(true)}
                onMerge={(target) => asUndoStep(doc, () => mergeWith(target))}
                onDelete={() => asUndoStep(doc, () => deleteOpportunityGroup(doc, group.id))}
              />
            )}
          </div>
        )}
      </div>
      {mergeTarget && (
        <div className="group-frame__merge-hint" role="status">
          {t('opportunityBoard.group.mergeHint', { name: mergeTarget.group.name })}
        </div>
      )}
      {dropping && (
        <div className="group-frame__drop-hint" aria-hidden="true">
          {t('opportunityBoard.group.dropHint', { name: group.name })}
        </div>
      )}
      {canEdit && (
        <div
          className="group-frame__resize"
          data-board-ui
          role="presentation"
          title={t('opportunityBoard.group.resize')}
          onPointerDown={(e) => startDrag(e, 'resize')}
        >
          <Icon name="fit" size={14} />
        </div>
      )}
    </section>
  );
}
