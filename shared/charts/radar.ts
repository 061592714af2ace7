/**
 * The Synergy Diamond's chart geometry, shared by the live board (React SVG) and the exported report
 * (SVG text), so both draw the same chart: region colours, the ring scale, axis angles and points,
 * and where each axis label goes. Pure functions, no DOM.
 */

/** Distinct region colours (colour-blind friendly first), reused in order. */
export const REGION_COLORS = [
  '#3b5bdb',
  '#e8590c',
  '#2b8a3e',
  '#c2255c',
  '#0c8599',
  '#f08c00',
  '#7048e8',
  '#5c940d',
  '#862e9c',
  '#495057',
];

export function regionColor(index: number): string {
  return REGION_COLORS[index % REGION_COLORS.length]!;
}

/** A round outer ring: 1, 2, 2.5, 5 × 10^k steps, four rings. */
export function niceScale(max: number, rings = 4): { top: number; step: number } {
  const raw = Math.max(1, max) / rings;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const rounded = step < 1 ? 1 : step;
  return { top: rounded * rings, step: rounded };
}

/** Axis i of n, clockwise from the top. */
export function radarAngle(i: number, n: number): number {
  return -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
}

export function radarPoint(
  cx: number,
  cy: number,
  r: number,
  i: number,
  n: number,
): [number, number] {
  const a = radarAngle(i, n);
  return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
}

/** Splits a label into at most two lines of about `width` characters. */
export function wrapLabel(label: string, width: number): string[] {
  if (label.length <= width) return [label];
  const words = label.split(/\s+/);
  let first = '';
  let i = 0;
  while (i < words.length && `${first} ${words[i]}`.trim().length <= width) {
    first = `${first} ${words[i]}`.trim();
    i++;
  }
  if (!first) return [`${label.slice(0, width - 1)}…`];
  let rest = words.slice(i).join(' ');
  if (rest.length > width) rest = `${rest.slice(0, width - 1)}…`;
  return rest ? [first, rest] : [first];
}

export interface AxisLabelLayout {
  /** The axis's outer end. */
  x: number;
  y: number;
  /** The label's anchor point and first baseline. */
  lx: number;
  baseY: number;
  anchor: 'start' | 'middle' | 'end';
  lines: string[];
  lineHeight: number;
}

/** Where axis i's line ends and its label sits, outside a ring of radius r. */
export function axisLabelLayout(
  label: string,
  i: number,
  n: number,
  cx: number,
  cy: number,
  r: number,
  labelSize: number,
): AxisLabelLayout {
  const [x, y] = radarPoint(cx, cy, r, i, n);
  const [lx, ly] = radarPoint(cx, cy, r + labelSize * 1.3, i, n);
  const cos = Math.cos(radarAngle(i, n));
  const sin = Math.sin(radarAngle(i, n));
  const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
  const lines = wrapLabel(label, labelSize > 12 ? 18 : 14);
  const lineHeight = labelSize * 1.15;
  const extra = (lines.length - 1) * lineHeight;
  // Below the chart: hang under the point; above: sit clear of the ring labels; sides: centre.
  const baseY =
    sin > 0.2
      ? ly + labelSize * 0.8
      : sin < -0.2
        ? ly - 6 - extra
        : ly + labelSize * 0.35 - extra / 2;
  return { x, y, lx, baseY, anchor, lines, lineHeight };
}
