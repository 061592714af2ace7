/**
 * The activity matrix's geometry and what a header, a cell or a chip lights up: fixed sizes (the
 * virtualisers and the sticky headers share them), the additive click, and the highlight of a card
 * or an activity.
 */
import type { KeyboardEvent, MouseEvent } from 'react';
import type { Activity } from '@shared/doc';
import type { CanvasData } from './canvasData';
import type { Highlight } from './canvasStore';

export const ROW_HEADER_WIDTH = 268;
export const COLUMN_WIDTH = 172;
export const ROW_HEIGHT = 76;
export const BAND_HEIGHT = 34;
export const GROUP_BAND = 30;
export const COLUMN_HEADER = 92;
export const HEADER_HEIGHT = GROUP_BAND + COLUMN_HEADER;
export const CHIPS_PER_CELL = 2;
/** Rows a PageUp/PageDown moves by. */
export const PAGE_ROWS = 5;

/** Ctrl, Cmd or Shift: add to the selection instead of replacing it. */
export const additive = (e: MouseEvent | KeyboardEvent) => e.ctrlKey || e.metaKey || e.shiftKey;

export function highlightOfActivity(activity: Activity): Highlight {
  return {
    activityIds: new Set([activity.id]),
    capacityIds: new Set(activity.capacityIds),
    opportunityIds: new Set(activity.opportunityIds),
  };
}

export function highlightOfCard(
  data: CanvasData,
  kind: 'capacity' | 'opportunity',
  id: string,
): Highlight {
  const using = data.activities.filter((a) =>
    (kind === 'capacity' ? a.capacityIds : a.opportunityIds).includes(id),
  );
  return {
    activityIds: new Set(using.map((a) => a.id)),
    capacityIds: new Set(kind === 'capacity' ? [id] : []),
    opportunityIds: new Set(kind === 'opportunity' ? [id] : []),
  };
}
