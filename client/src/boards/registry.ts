/**
 * Which component shows which kind of board. Each board is loaded on first use, so a participant's
 * first screen downloads only the board it shows.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { BoardKind } from '@shared/templates/templates';
import type { BoardViewProps } from './boardView';

export const BOARD_VIEWS: Record<BoardKind, LazyExoticComponent<ComponentType<BoardViewProps>>> = {
  'capacity-map': lazy(() => import('./capacity-map/CapacityMapView')),
  'opportunity-board': lazy(() => import('./opportunity-board/OpportunityBoardView')),
  'activity-canvas': lazy(() => import('./activity-canvas/ActivityCanvasView')),
  'action-list': lazy(() => import('./action-list/ActionListView')),
  notes: lazy(() => import('./notes/NotesView')),
};
