/**
 * Where cards go so that none lies on another, pure. Cards grow with their text, so these work on
 * measured heights (board px), not on the fixed grid steps an import or a reveal first places cards
 * on. Cards already settled never move: only the new ones do.
 */

export interface PackRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PackCard extends PackRect {
  id: string;
}

/** Space kept between cards the app places (board px). */
export const PACK_GAP = 16;

/** Whether two rectangles overlap or come closer than `gap`. */
export function rectsTouch(a: PackRect, b: PackRect, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

/**
 * A batch of new cards (an import, a reveal) laid out like a masonry wall: each keeps its column
 * (x) and reading order, and slides down past whatever it would overlap, settled cards or new cards
 * placed before it. Returns the new position of every card that had to move.
 */
export function packCards(
  settled: readonly PackRect[],
  batch: readonly PackCard[],
  gap = PACK_GAP,
): Map<string, { x: number; y: number }> {
  const placed: PackRect[] = [...settled];
  const moves = new Map<string, { x: number; y: number }>();
  const order = [...batch].sort((a, b) => a.y - b.y || a.x - b.x || a.id.localeCompare(b.id));
  for (const card of order) {
    const rect = { ...card };
    // Each pass clears at least one rectangle for good (y only grows), so this ends.
    for (;;) {
      let below = -Infinity;
      for (const other of placed) {
        if (rectsTouch(rect, other, gap)) below = Math.max(below, other.y + other.height + gap);
      }
      if (below === -Infinity) break;
      rect.y = Math.ceil(below);
    }
    placed.push(rect);
    if (rect.y !== card.y) moves.set(card.id, { x: rect.x, y: rect.y });
  }
  return moves;
}

/**
 * The top-left corner nearest to `near` where a `size` card touches none of `cards`: `near` itself,
 * else beside, above or below one of them (a free spot always sits next to some card), else below
 * everything.
 */
export function nearestFreeSpot(
  cards: readonly PackRect[],
  size: { width: number; height: number },
  near: { x: number; y: number },
  gap = PACK_GAP,
): { x: number; y: number } {
  const nx = Math.round(near.x);
  const ny = Math.round(near.y);
  const free = (x: number, y: number) => {
    const rect = { x, y, width: size.width, height: size.height };
    return !cards.some((c) => rectsTouch(rect, c, gap));
  };
  if (free(nx, ny)) return { x: nx, y: ny };
  const xs = new Set<number>([nx]);
  const ys = new Set<number>([ny]);
  let bottom = -Infinity;
  for (const c of cards) {
    xs.add(Math.round(c.x))
      .add(Math.ceil(c.x + c.width + gap))
      .add(Math.floor(c.x - size.width - gap));
    ys.add(Math.round(c.y))
      .add(Math.ceil(c.y + c.height + gap))
      .add(Math.floor(c.y - size.height - gap));
    bottom = Math.max(bottom, Math.ceil(c.y + c.height + gap));
  }
  let best: { x: number; y: number; d: number } | null = null;
  for (const x of xs) {
    for (const y of ys) {
      const d = Math.hypot(x - nx, y - ny);
      if (best && (d > best.d || (d === best.d && (y > best.y || (y === best.y && x >= best.x)))))
        continue;
      if (free(x, y)) best = { x, y, d };
    }
  }
  return best ? { x: best.x, y: best.y } : { x: nx, y: bottom };
}
