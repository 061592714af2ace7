/**
 * Mounting hundreds of full cards in one frame (zooming in from the overview, a fast pan) freezes
 * the page. This lets a list grow by at most `perFrame` new items per animation frame, nearest to
 * `centre` first; items already mounted, and pinned ones (what has the focus), render at once.
 */
import { useLayoutEffect, useRef, useState } from 'react';

interface Placed {
  id: string;
  x: number;
  y: number;
}

export function useProgressiveMount<T extends Placed>(
  items: T[],
  perFrame: number,
  centre: { x: number; y: number },
  pinned: (item: T) => boolean,
): T[] {
  const mounted = useRef(new Set<string>());
  const [, setFrame] = useState(0);
  const out: T[] = [];
  const waiting: T[] = [];
  for (const item of items) {
    if (mounted.current.has(item.id) || pinned(item)) out.push(item);
    else waiting.push(item);
  }
  const distance = (i: T) => Math.abs(i.x - centre.x) + Math.abs(i.y - centre.y);
  if (waiting.length > perFrame) waiting.sort((a, b) => distance(a) - distance(b));
  out.push(...waiting.slice(0, perFrame));
  const pending = waiting.length > perFrame;

  useLayoutEffect(() => {
    mounted.current = new Set(out.map((i) => i.id));
    if (!pending) return;
    const frame = requestAnimationFrame(() => setFrame((f) => f + 1));
    return () => cancelAnimationFrame(frame);
  });
  return out;
}
