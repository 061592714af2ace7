import { describe, expect, it } from 'vitest';
import { CARD_WIDTH } from '@shared/doc';
import { cardInWindow, cullWindow, CULL_CELL, marginFor, NARROW_MARGIN_ZOOM } from './culling';

const SCREEN = { width: 1440, height: 900 };

describe('culling window', () => {
  it('renders half a screen of margin each side at 100 %, snapped out to the grid', () => {
    const window = cullWindow({ x: 0, y: 0, zoom: 1 }, SCREEN);
    expect(window).toEqual({
      minX: -1024, // -720 snapped down
      minY: -512, // -450 snapped down
      maxX: 2560, // 2160 snapped up
      maxY: 1536, // 1350 snapped up
    });
    // A card just left of the screen, inside the margin, is rendered; one past it is not.
    expect(cardInWindow(-700, 100, window)).toBe(true);
    expect(cardInWindow(-1100 - CARD_WIDTH, 100, window)).toBe(false);
  });

  it('narrows the margin to a quarter screen when zoomed out, so zooming in mounts fewer cards', () => {
    expect(marginFor(1)).toBe(0.5);
    expect(marginFor(NARROW_MARGIN_ZOOM)).toBe(0.5);
    expect(marginFor(0.5)).toBe(0.25);
    const zoom = 0.5;
    const window = cullWindow({ x: 0, y: 0, zoom }, SCREEN);
    const screenW = SCREEN.width / zoom; // 2880 board px
    const screenH = SCREEN.height / zoom; // 1800 board px
    expect(window.minX).toBe(Math.floor(-screenW / 4 / CULL_CELL) * CULL_CELL);
    expect(window.maxX).toBe(Math.ceil((screenW * 1.25) / CULL_CELL) * CULL_CELL);
    expect(window.minY).toBe(Math.floor(-screenH / 4 / CULL_CELL) * CULL_CELL);
    expect(window.maxY).toBe(Math.ceil((screenH * 1.25) / CULL_CELL) * CULL_CELL);
    // The whole visible screen is always inside the window.
    expect(cardInWindow(0, 0, window)).toBe(true);
    expect(cardInWindow(screenW - 1, screenH - 1, window)).toBe(true);
  });
});
