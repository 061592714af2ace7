/**
 * Which component shows which kind of board. Each board is loaded on first use, so a participant's
 * first screen downloads only the board it shows; a failed download is retried once, then shows
 * what happened with a Reload button instead of a blank panel (@client/offline/lazyChunk).
 */
import type { ComponentType } from 'react';
import type { BoardKind } from '@shared/templates/templates';
import { lazyChunk } from '@client/offline/lazyChunk';
import type { BoardViewProps } from './boardView';

export const BOARD_VIEWS: Record<BoardKind, ComponentType<BoardViewProps>> = {
  'capacity-map': lazyChunk(() => import('./capacity-map/CapacityMapView')),
  'opportunity-board': lazyChunk(() => import('./opportunity-board/OpportunityBoardView')),
  'activity-canvas': lazyChunk(() => import('./activity-canvas/ActivityCanvasView')),
  'action-list': lazyChunk(() => import('./action-list/ActionListView')),
  notes: lazyChunk(() => import('./notes/NotesView')),
  questionnaires: lazyChunk(() => import('./questionnaires/QuestionnairesView')),
};
