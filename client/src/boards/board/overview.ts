/**
 * The board's overview (level of detail): zoomed out below OVERVIEW_ZOOM, card text is unreadable
 * anyway, so cards are drawn as plain coloured blocks on one canvas (CardOverview.tsx) instead of
 * thousands of elements. Pure geometry here: where a block is, which one a click hits.
 */
import { CARD_HEIGHT_ESTIMATE, CARD_WIDTH, type CardColor, type CardMap } from '@shared/doc';
import { fitBounds, type Viewport } from '@client/lib/viewport';

/**
 * Below this zoom the board is an overview. A card's 14–16 px text is under 6.5 px on screen
 * here (unreadable), and this is where cards already stopped showing their body and controls.
 */
export const OVERVIEW_ZOOM = 0.4;

/** A card of the board, as the board lists them (position and look, no text). */
export interface CardEntry {
  id: string;
  card: CardMap;
  x: number;
  y: number;
  z: number;
  color: CardColor;
}

/** A block's height (board px): cards are not measured in the overview; a typical card's. */
export const BLOCK_HEIGHT = CARD_HEIGHT_ESTIMATE;

export function isOverview(vp: Viewport): boolean {
  return vp.zoom < OVERVIEW_ZOOM;
}

/** The topmost card whose block holds the board point (x, y), if any. */
export function blockAt(entries: readonly CardEntry[], x: number, y: number): CardEntry | null {
  let hit: CardEntry | null = null;
  for (const e of entries) {
    if (x < e.x || x > e.x + CARD_WIDTH || y < e.y || y > e.y + BLOCK_HEIGHT) continue;
    if (!hit || e.z >= hit.z) hit = e;
  }
  return hit;
}

/** Blocks in drawing order: lowest first, so the topmost card is drawn last (as on the board). */
export function byStacking(entries: readonly CardEntry[]): CardEntry[] {
  return [...entries].sort((a, b) => a.z - b.z);
}

/** The view a click on a block goes to: the card in the middle of the board, at 100 %. */
export function viewportOnCard(entry: CardEntry, width: number, height: number): Viewport {
  const bounds = { minX: entry.x, minY: entry.y, maxX: entry.x + CARD_WIDTH, maxY: entry.y };
  return fitBounds({ ...bounds, maxY: entry.y + BLOCK_HEIGHT }, width, height);
}
