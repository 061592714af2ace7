/**
 * What bench/boards.ts runs in the page and how it drives it: the requestAnimationFrame frame
 * recorder, opening a board, counting elements, panning, ctrl+wheel zooming, the remote edits
 * watched on screen, the JS heap. Page code is passed as strings: tsx would wrap inner functions in
 * a helper the page lacks.
 */
import type { CDPSession, Page } from 'playwright-core';
import { setCardTitle } from '../shared/doc';
import type { TestClient } from '../tests/support/clients';

export const START_FRAMES = `(() => {
  window.__frames = [];
  window.__stop = false;
  let last = 0;
  const tick = (now) => {
    if (last) window.__frames.push(now - last);
    last = now;
    if (!window.__stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
export const STOP_FRAMES = `(() => { window.__stop = true; return window.__frames; })()`;

/** Clicks a board tab; resolves (ms) at the first frame after the board's DOM stopped changing. */
export const openBoard = (tab: string, root: string, content: string) => `(async () => {
  const start = performance.now();
  let lastChange = start;
  const observer = new MutationObserver(() => { lastChange = performance.now(); });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  document.querySelector('[data-testid="board-tab-${tab}"]').click();
  const opened = await new Promise((resolve) => {
    let quiet = 0;
    const check = (now) => {
      const ready = document.querySelector('[data-testid="${root}"] ${content}');
      quiet = ready && now - lastChange > 0 ? quiet + 1 : 0;
      // Two frames without a change: the last frame that changed something has been painted.
      if (quiet >= 2 || now - start > 15000) resolve(quiet >= 2 ? null : 'timeout');
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  observer.disconnect();
  if (opened) throw new Error('${tab} did not open in 15 s');
  return lastChange - start;
})()`;

/** How far the capacity map is scrolled: its grid's nearest scrolled ancestor (or the page). */
export const SCROLL_TOP = `(() => {
  for (let el = document.querySelector('[data-testid="capacity-grid"]'); el; el = el.parentElement) {
    if (el.scrollTop > 0) return el.scrollTop;
  }
  return document.scrollingElement.scrollTop;
})()`;

export const countIn = (root: string) =>
  `document.querySelectorAll('[data-testid="${root}"] *').length`;

/** A point on the board where a drag pans (nothing under it but the board itself). */
export const EMPTY_BOARD_POINT = `(() => {
  const board = document.querySelector('[data-testid="opportunity-board"] [data-testid="board"]');
  const r = board.getBoundingClientRect();
  for (let dy = 0; dy < r.height / 2 - 60; dy += 7) {
    for (const sy of [1, -1]) {
      for (let dx = 0; dx < r.width / 2 - 60; dx += 7) {
        for (const sx of [1, -1]) {
          const x = r.left + r.width / 2 + sx * dx;
          const y = r.top + r.height / 2 + sy * dy;
          const el = document.elementFromPoint(x, y);
          if (el && board.contains(el) && !el.closest('[data-card-id], [data-testid="card-preview"], [data-testid="group-frame"], button, input, [role="toolbar"]')) return { x, y };
        }
      }
    }
  }
  return null;
})()`;

// ---- measuring -----------------------------------------------------------------------------------

/** Nearest-rank 95th percentile of ascending values (NaN when there are none). */
export const p95 = (sorted: number[]): number => sorted[Math.ceil(0.95 * sorted.length) - 1] ?? NaN;

export interface Frames {
  frames: number;
  p95: number;
  max: number;
  over50Pct: number;
}
export function framesOf(raw: number[]): Frames {
  const s = [...raw].sort((a, b) => a - b);
  return {
    frames: s.length,
    p95: p95(s),
    max: s[s.length - 1] ?? NaN,
    over50Pct: (100 * s.filter((f) => f > 50).length) / Math.max(1, s.length),
  };
}
export async function recordFrames(page: Page, during: () => Promise<void>): Promise<Frames> {
  await page.evaluate(START_FRAMES);
  await during();
  return framesOf(await page.evaluate<number[]>(STOP_FRAMES));
}

/** Live JS heap after a full GC (MB): what the page keeps, not garbage awaiting collection. */
export async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1048576;
}

/** Calls `step` at a steady pace (every `everyMs`; no catching up when behind) for `ms`. */
export async function paced(ms: number, everyMs: number, step: (i: number) => Promise<void>) {
  const start = Date.now();
  for (let i = 0; Date.now() - start < ms; i++) {
    await step(i);
    const wait = start + (i + 1) * everyMs - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
}

export const WORLD_TRANSFORM = `document.querySelector('[data-testid="opportunity-board"] .board__world')?.style.transform ?? ''`;

/**
 * Drags the empty board back and forth for `ms`. Each drag starts where the previous one ended: the
 * spot under the pointer moved with the board, so it is still empty (a card there would be moved).
 */
export async function panFor(page: Page, ms: number): Promise<void> {
  const from = await page.evaluate<{ x: number; y: number } | null>(EMPTY_BOARD_POINT);
  if (!from) throw new Error('no empty spot on the opportunity board to pan from');
  let at = { ...from };
  const start = Date.now();
  while (Date.now() - start < ms) {
    const origin = { ...at };
    const dir = at.x === from.x ? 1 : -1;
    const before = await page.evaluate<string>(WORLD_TRANSFORM);
    await page.mouse.move(origin.x, origin.y);
    await page.mouse.down();
    await paced(500, 16, async (i) => {
      at = { x: origin.x + dir * (i + 1) * 8, y: origin.y + dir * (i + 1) * 4 };
      if (dir < 0 && at.x <= from.x) at = { ...from };
      await page.mouse.move(at.x, at.y);
    });
    await page.mouse.up();
    if (dir < 0) at = { ...from }; // back where it started (within one step)
    if (before === (await page.evaluate<string>(WORLD_TRANSFORM))) {
      console.error('  warning: a drag on the opportunity board did not pan it');
    }
  }
}

export async function zoomFor(page: Page, ms: number): Promise<void> {
  const at = await page.evaluate<{ x: number; y: number } | null>(EMPTY_BOARD_POINT);
  await page.mouse.move(at?.x ?? 720, at?.y ?? 450);
  await page.keyboard.down('Control');
  await paced(ms, 33, async (i) => {
    await page.mouse.wheel(0, Math.floor(i / 15) % 2 === 0 ? -100 : 100);
  });
  await page.keyboard.up('Control');
}

/** A remote client retitles a capacity on screen 20 times; ms from each write to the new text. */
export async function remoteEdits(page: Page, writer: TestClient): Promise<number[]> {
  const id = await page.evaluate<string>(`(() => {
    const card = [...document.querySelectorAll('[data-testid="capacity-card"]')].find((c) => {
      const r = c.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
    });
    return card.getAttribute('data-capacity-id');
  })()`);
  const out: number[] = [];
  for (let k = 0; k < 20; k++) {
    const text = `Remote edit ${k} ${Math.random().toString(36).slice(2, 8)}`;
    // The observer is in place before the write (the box may be slow to run the page's script).
    await page.evaluate(`(() => {
      window.__seen = new Promise((resolve) => {
        const has = () => document.querySelector('[data-capacity-id="${id}"]')?.textContent.includes('${text}');
        const observer = new MutationObserver(() => {
          if (!has()) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(Date.now()));
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        setTimeout(() => { observer.disconnect(); resolve(NaN); }, 5000);
      });
    })()`);
    const wrote = Date.now();
    setCardTitle(writer.doc, id, text);
    out.push((await page.evaluate<number>('window.__seen')) - wrote);
    await new Promise((r) => setTimeout(r, 100));
  }
  return out;
}
