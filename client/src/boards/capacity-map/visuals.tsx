/** Colours and small glyphs of the capacity map and the diamond (data, so the SVG export can use them). */
import type { Helix } from '@shared/domain/s3';
import { LineIcon } from '@client/ui/Icon';

export const HELIX_COLORS: Record<Helix, string> = {
  business: '#1c7ed6',
  research: '#7048e8',
  government: '#e8590c',
  'civil-society': '#2f9e44',
  cluster: '#c2255c',
};

/** A holder or actor whose helix is not set: a neutral grey, never one of the helix colours. */
export const HELIX_NOT_SET_COLOR = '#adb5bd';

export { REGION_COLORS, regionColor } from '@shared/charts/radar';

/** Line icons used only on this board (24 × 24 paths, stroke: currentColor). */
export const BOARD_ICONS = {
  settings:
    'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 0 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 0 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 0 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 0 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z',
  download: 'M12 4v11M7 10l5 5 5-5M5 20h14',
  upload: 'M12 20V9M7 14l5-5 5 5M5 4h14',
  grid: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  radar: 'M12 3l8.5 6.2-3.2 10H6.7L3.5 9.2zM12 8l4 3-1.5 4.5h-5L8 11z',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM20 20l-4-4',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  axes: 'M12 3v18M3 12h18M5.6 5.6l12.8 12.8M18.4 5.6L5.6 18.4',
  external: 'M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5',
} as const;

export type BoardIconName = keyof typeof BOARD_ICONS;

export function BoardIcon({ name, size = 18 }: { name: BoardIconName; size?: number }) {
  return <LineIcon d={BOARD_ICONS[name]} size={size} />;
}
