/**
 * The overview's cards: one canvas in screen space, under the board's world, with every card of
 * the board drawn as a plain block in its colour. No element, hook or subscription per card, so
 * panning and zooming 2,000 cards costs one redraw of rectangles per frame. The selected card is
 * left out: it renders in full above (CardLayer). Clicks are handled by the board (blockAt).
 */
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_COLORS, CARD_WIDTH, type CardColor } from '@shared/doc';
import { useBoardStore } from '@client/store/boardStore';
import type { Size } from './culling';
import { BLOCK_HEIGHT, byStacking, type CardEntry } from './overview';

type Palette = Record<CardColor, { fill: string; edge: string }>;

/** The card colours as the stylesheet defines them (card.css), read once from a probe element. */
function readPalette(host: HTMLElement): Palette {
  const probe = document.createElement('div');
  probe.style.display = 'none';
  host.appendChild(probe);
  const palette = {} as Palette;
  for (const color of CARD_COLORS) {
    probe.className = `card card--${color}`;
    const style = getComputedStyle(probe);
    palette[color] = {
      fill: style.getPropertyValue('--card-bg').trim() || '#eef0f3',
      edge: style.getPropertyValue('--card-edge').trim() || '#d3d7dd',
    };
  }
  probe.remove();
  return palette;
}

export const CardOverview = memo(function CardOverview({
  entries,
  size,
}: {
  entries: CardEntry[];
  size: Size;
}) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const paletteRef = useRef<Palette | null>(null);
  const viewport = useBoardStore((s) => s.viewport);
  const selectedId = useBoardStore((s) => s.selectedCardId);
  const blocks = useMemo(() => byStacking(entries), [entries]);

  // Drawn in the same commit as the world's transform, so blocks and frames never drift apart.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(size.width * ratio);
    const height = Math.round(size.height * ratio);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    paletteRef.current ??= readPalette(canvas.parentElement ?? document.body);
    const palette = paletteRef.current;
    const { x: vx, y: vy, zoom } = viewport;
    const w = CARD_WIDTH * zoom;
    const h = BLOCK_HEIGHT * zoom;
    // Edges only while they are more than a hairline; below that they are noise.
    const edged = w >= 8;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, size.width, size.height);
    context.lineWidth = 1;
    for (const block of blocks) {
      if (block.id === selectedId) continue;
      const left = vx + block.x * zoom;
      const top = vy + block.y * zoom;
      if (left > size.width || top > size.height || left + w < 0 || top + h < 0) continue;
      const colors = palette[block.color];
      context.fillStyle = colors.fill;
      context.fillRect(left, top, w, h);
      if (edged) {
        context.strokeStyle = colors.edge;
        context.strokeRect(left + 0.5, top + 0.5, w - 1, h - 1);
      }
    }
  }, [blocks, viewport, size, selectedId]);

  return (
    <canvas
      ref={canvasRef}
      className="board__overview"
      data-testid="board-overview"
      data-blocks={blocks.length}
      role="img"
      aria-label={t('board.overview', { count: blocks.length })}
      style={{ width: size.width, height: size.height }}
    />
  );
});
