/**
 * A group's area: a board, and on it the card the group works on (usually one transformative
 * activity). Bringing a person there sets this page's board and focuses the card the way that board
 * shows a focused card: the activity canvas opens the activity, the free boards select the card.
 */
import type { BreakoutGroup } from '@shared/control/breakouts';
import type { BoardKind } from '@shared/templates/templates';
import { useCanvasStore } from '@client/boards/activity-canvas/canvasStore';
import { useBoardStore } from '@client/store/boardStore';
import { useWorkshopStore } from '@client/store/workshopStore';
import { useFollowStore } from '../FollowMe';

export type Area = Pick<BreakoutGroup, 'board' | 'cardId'>;

export function goToArea(area: Area, boards: readonly BoardKind[]): void {
  if (!boards.includes(area.board)) return;
  // Going to one's own area is a choice of one's own: it leaves follow-me, like a tab change.
  useFollowStore.getState().setFollowing(false);
  useWorkshopStore.getState().showBoard(area.board);
  if (!area.cardId) return;
  if (area.board === 'activity-canvas') useCanvasStore.getState().openActivity(area.cardId);
  else useBoardStore.getState().selectCard(area.cardId);
}
