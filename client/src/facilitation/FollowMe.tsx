/**
 * Follow-me. The leader (a facilitator) publishes in its presence a `follow` field: its board, its
 * viewport (with its screen size, so a follower of another size sees the same area) and its focused
 * card, throttled. Followers (participants and the wall) apply it; any pan, zoom or tab change of
 * their own breaks away, and one click comes back.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { create } from 'zustand';
import { templateOf, type BoardKind } from '@shared/templates/templates';
import { Icon } from '@client/ui/Icon';
import { clampZoom, type Viewport } from '@client/lib/viewport';
import { throttle } from '@client/lib/throttle';
import { useBoardStore } from '@client/store/boardStore';
import { useWorkshopStore } from '@client/store/workshopStore';
import { useControl, useControlState, useRoom } from '@client/connection/control';
import '@client/styles/facilitation.css';

export interface FollowPresence {
  board: BoardKind;
  viewport: Viewport | null;
  /** The leader's board element size, to map its viewport onto another screen. */
  size: { width: number; height: number } | null;
  focusedCardId: string | null;
}

interface FollowUi {
  /** This person is following the leader now (false after breaking away). */
  following: boolean;
  setFollowing: (following: boolean) => void;
}

export const useFollowStore = create<FollowUi>()((set) => ({
  following: false,
  setFollowing: (following) => set({ following }),
}));

function boardElement(): HTMLElement | null {
  return document.querySelector<HTMLElement>('#board-panel [data-testid="board"]');
}

/** The leader's viewport mapped onto a screen of `width` × `height`, same centre and area. */
export function mapViewport(
  leader: Viewport,
  from: { width: number; height: number },
  width: number,
  height: number,
): Viewport {
  const cx = (from.width / 2 - leader.x) / leader.zoom;
  const cy = (from.height / 2 - leader.y) / leader.zoom;
  const zoom = clampZoom(leader.zoom * Math.min(width / from.width, height / from.height));
  return { zoom, x: width / 2 - cx * zoom, y: height / 2 - cy * zoom };
}

function readFollow(awareness: Awareness, clientId: number): FollowPresence | null {
  const state = awareness.getStates().get(clientId) as Record<string, unknown> | undefined;
  const follow = state?.follow as Partial<FollowPresence> | null | undefined;
  if (!follow || typeof follow.board !== 'string') return null;
  return {
    board: follow.board,
    viewport: follow.viewport ?? null,
    size: follow.size ?? null,
    focusedCardId: typeof follow.focusedCardId === 'string' ? follow.focusedCardId : null,
  };
}

/** Leader side: publishes what this facilitator sees while leading. */
function useLeaderPresence(awareness: Awareness | null, leading: boolean, boards: BoardKind[]) {
  useEffect(() => {
    if (!awareness) return;
    if (!leading) {
      if (awareness.getLocalState()?.follow) awareness.setLocalStateField('follow', null);
      return;
    }
    const publish = () => {
      const active = useWorkshopStore.getState().activeBoard;
      const { viewport, selectedCardId } = useBoardStore.getState();
      const element = boardElement();
      const rect = element?.getBoundingClientRect();
      const follow: FollowPresence = {
        board: active && boards.includes(active) ? active : boards[0]!,
        viewport: element ? viewport : null,
        size: rect ? { width: Math.round(rect.width), height: Math.round(rect.height) } : null,
        focusedCardId: selectedCardId,
      };
      awareness.setLocalStateField('follow', follow);
    };
    const throttled = throttle(publish, 100);
    publish();
    const offBoard = useBoardStore.subscribe(throttled);
    const offWorkshop = useWorkshopStore.subscribe(() => {
      // The new board mounts after this change: publish again once it has.
      throttled();
      setTimeout(publish, 150);
    });
    window.addEventListener('resize', throttled);
    return () => {
      offBoard();
      offWorkshop();
      window.removeEventListener('resize', throttled);
      throttled.cancel?.();
      awareness.setLocalStateField('follow', null);
    };
  }, [awareness, leading, boards]);
}

/** Follower side: applies the leader's presence while following; own gestures break away. */
function useFollower(awareness: Awareness | null, leader: number | null, boards: BoardKind[]) {
  const following = useFollowStore((s) => s.following);
  const lastCard = useRef<string | null>(null);

  useEffect(() => {
    if (!awareness || leader === null || !following) return;
    let applying = false;
    let target: Viewport | null = null;
    const apply = () => {
      const follow = readFollow(awareness, leader);
      if (!follow) return;
      const ws = useWorkshopStore.getState();
      if (boards.includes(follow.board) && ws.activeBoard !== follow.board)
        ws.showBoard(follow.board);
      const element = boardElement();
      const board = useBoardStore.getState();
      if (follow.viewport && follow.size && element) {
        const rect = element.getBoundingClientRect();
        target = mapViewport(follow.viewport, follow.size, rect.width, rect.height);
        const vp = board.viewport;
        if (
          Math.abs(vp.x - target.x) > 0.5 ||
          Math.abs(vp.y - target.y) > 0.5 ||
          Math.abs(vp.zoom - target.zoom) > 0.0005
        ) {
          applying = true;
          board.setViewport(target);
          applying = false;
        }
      } else {
        target = null;
      }
      if (follow.focusedCardId !== lastCard.current) {
        lastCard.current = follow.focusedCardId;
        board.selectCard(follow.focusedCardId);
      }
    };
    apply();
    awareness.on('change', apply);
    // A board that mounts fits itself to its cards: put the leader's view back.
    const offBoard = useBoardStore.subscribe((s, prev) => {
      if (applying || s.viewport === prev.viewport || !target) return;
      requestAnimationFrame(apply);
    });
    const offWorkshop = useWorkshopStore.subscribe(() => setTimeout(apply, 60));
    const resize = () => apply();
    window.addEventListener('resize', resize);

    // Breaking away: the person's own pan, zoom or tab change.
    const breakAway = () => useFollowStore.getState().setFollowing(false);
    const inBoardArea = (target: EventTarget | null) =>
      target instanceof Element && target.closest('#board-panel, [role="tablist"]') !== null;
    const onPointerDown = (e: PointerEvent) => {
      if (e.isTrusted && inBoardArea(e.target)) breakAway();
    };
    const onWheel = (e: WheelEvent) => {
      if (e.isTrusted && inBoardArea(e.target)) breakAway();
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const zoomKey = mod && ['=', '+', '-', '0'].includes(e.key);
      const fitKey = e.key === '!' && e.shiftKey;
      const tabKey =
        (e.key === 'ArrowLeft' || e.key === 'ArrowRight') &&
        e.target instanceof Element &&
        e.target.closest('[role="tablist"]') !== null;
      if (zoomKey || fitKey || tabKey) breakAway();
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('wheel', onWheel, { capture: true, passive: true });
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      awareness.off('change', apply);
      offBoard();
      offWorkshop();
      window.removeEventListener('resize', resize);
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('wheel', onWheel, true);
      window.removeEventListener('keydown', onKeyDown, true);
    };
  }, [awareness, leader, following, boards]);
}

/** Mounted once per workshop page: leads or follows as the control state says. */
export function useFollowMe(): void {
  const { awareness, role, template } = useRoom();
  const followMe = useControlState()?.followMe;
  const boards = templateOf(template).boards;
  const on = followMe?.on ?? false;
  const leader = on ? (followMe?.leader ?? null) : null;
  const self = awareness?.clientID ?? -1;
  const leading = on && leader === self;
  const canFollow = role !== 'facilitator' && on && leader !== null && leader !== self;

  // Turning follow-me on (or a new leader) brings everyone along; turning it off lets go.
  useEffect(() => {
    useFollowStore.getState().setFollowing(canFollow);
  }, [canFollow, leader]);

  useLeaderPresence(awareness, leading, boards);
  useFollower(awareness, canFollow ? leader : null, boards);
}

/** Facilitator: turn follow-me on (led by this presence) or off. */
export function FollowToggle() {
  const { t } = useTranslation();
  const control = useControl();
  const { awareness } = useRoom();
  const followMe = useControlState()?.followMe;
  const on = followMe?.on ?? false;
  const leading = on && followMe?.leader === awareness?.clientID;
  return (
    <button
      type="button"
      className={leading ? 'button button--primary follow-toggle' : 'button follow-toggle'}
      aria-pressed={on}
      title={t('facilitation.follow.startHint')}
      data-testid="follow-toggle"
      disabled={!control || !awareness}
      onClick={() => {
        if (!control || !awareness) return;
        void control.send(
          on && leading
            ? { type: 'follow:set', on: false }
            : { type: 'follow:set', on: true, leader: awareness.clientID },
        );
      }}
    >
      <Icon name="follow" size={16} />
      {on && leading ? t('facilitation.follow.stop') : t('facilitation.follow.start')}
    </button>
  );
}

/** Over the board: follow-me status, and the one-click way out and back. */
export function FollowPill() {
  const { t } = useTranslation();
  const { awareness, role } = useRoom();
  const control = useControl();
  const followMe = useControlState()?.followMe;
  const following = useFollowStore((s) => s.following);
  const setFollowing = useFollowStore((s) => s.setFollowing);
  if (!followMe?.on || followMe.leader === null) return null;
  const leading = followMe.leader === awareness?.clientID;

  if (role === 'facilitator') {
    if (!leading) return null;
    return (
      <div className="follow-pill follow-pill--leading" role="status" data-testid="follow-leading">
        <Icon name="follow" size={16} />
        <span>{t('facilitation.follow.leading')}</span>
        <button
          type="button"
          className="follow-pill__action"
          data-testid="follow-stop-leading"
          onClick={() => void control?.send({ type: 'follow:set', on: false })}
        >
          {t('facilitation.follow.stop')}
        </button>
      </div>
    );
  }
  if (following) {
    return (
      <div className="follow-pill" role="status" data-testid="follow-status" data-following="true">
        <Icon name="follow" size={16} />
        <span>{t('facilitation.follow.following')}</span>
        <button
          type="button"
          className="follow-pill__action"
          data-testid="follow-stop"
          onClick={() => setFollowing(false)}
        >
          {t('facilitation.follow.stopFollowing')}
        </button>
      </div>
    );
  }
  return (
    <button
      type="button"
      className="follow-pill follow-pill--rejoin"
      data-testid="follow-rejoin"
      data-following="false"
      onClick={() => setFollowing(true)}
    >
      <Icon name="follow" size={16} />
      {t('facilitation.follow.rejoin')}
    </button>
  );
}
