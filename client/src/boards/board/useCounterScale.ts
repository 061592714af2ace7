import type { CSSProperties } from 'react';
import { useBoardStore } from '@client/store/boardStore';

/** Most a board control may be enlarged to stay readable when zoomed far out. */
const MAX_SCALE = 2.5;

/**
 * Style that keeps a control drawn inside the zoomed board (a card's toolbar, a cursor label) at
 * its normal size on screen, whatever the zoom.
 */
export function useCounterScale(): CSSProperties {
  const zoom = useBoardStore((s) => s.viewport.zoom);
  const scale = Math.min(MAX_SCALE, 1 / zoom);
  return { '--counter-scale': scale } as CSSProperties;
}
