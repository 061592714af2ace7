/**
 * The Synergy Diamond as inline SVG text, drawn like the capacity map's chart
 * (client/src/boards/capacity-map/diamond/RadarChart.tsx): one axis per capacity field, rings on a
 * round scale, one polygon per region. Pure string building; every label is escaped.
 */
import { axisLabelLayout, radarPoint } from '../../../../shared/charts/radar';
import { esc } from './escape';

export interface RadarPolygon {
  name: string;
  color: string;
  values: number[];
}

export interface RadarOptions {
  axisLabels: string[];
  series: RadarPolygon[];
  /** Outer ring value and ring step (one scale for every chart of a report). */
  top: number;
  step: number;
  /** Chart radius in px; labels scale with it. */
  radius: number;
  ariaLabel: string;
}

const INK = '#1c2024';
const MUTED = '#60666f';
const GRID = '#d5dae0';

const fmt = (v: number) => Math.round(v * 10) / 10;

/** A point on axis i, rounded for the SVG text. */
function point(cx: number, cy: number, r: number, i: number, n: number): [number, number] {
  const [x, y] = radarPoint(cx, cy, r, i, n);
  return [fmt(x), fmt(y)];
}

export function radarSvg({
  axisLabels,
  series,
  top,
  step,
  radius,
  ariaLabel,
}: RadarOptions): string {
  const n = axisLabels.length;
  const labelSize = radius >= 120 ? 13 : 10;
  // Room around the rings for the axis labels.
  const padX = labelSize * 9;
  const padY = labelSize * 3.6;
  const width = 2 * (radius + padX);
  const height = 2 * (radius + padY);
  const cx = width / 2;
  const cy = height / 2;
  const parts: string[] = [];

  const rings: number[] = [];
  for (let v = step; v <= top + 1e-9; v += step) rings.push(v);
  for (const v of rings) {
    const pts = axisLabels
      .map((_, i) => point(cx, cy, (radius * v) / top, i, n).join(','))
      .join(' ');
    parts.push(`<polygon points="${pts}" fill="none" stroke="${GRID}" stroke-width="1"/>`);
  }
  axisLabels.forEach((label, i) => {
    const layout = axisLabelLayout(label, i, n, cx, cy, radius, labelSize);
    const { anchor, lines, lineHeight } = layout;
    const [x, y, lx, baseY] = [fmt(layout.x), fmt(layout.y), fmt(layout.lx), fmt(layout.baseY)];
    parts.push(
      `<line x1="${cx}" y1="${cy}" x2="${x}" y2="${y}" stroke="${GRID}" stroke-width="1"/>`,
    );
    const tspans = lines
      .map(
        (line, k) => `<tspan x="${lx}" dy="${k === 0 ? 0 : fmt(lineHeight)}">${esc(line)}</tspan>`,
      )
      .join('');
    parts.push(
      `<text x="${lx}" y="${fmt(baseY)}" text-anchor="${anchor}" font-size="${labelSize}" font-weight="600" fill="${INK}">${tspans}</text>`,
    );
  });
  if (radius >= 120) {
    for (const v of rings) {
      parts.push(
        `<text x="${cx + 4}" y="${fmt(cy - (radius * v) / top - 3)}" font-size="10" fill="${MUTED}">${fmt(v)}</text>`,
      );
    }
  }
  for (const s of series) {
    const pts = s.values.map((v, i) => point(cx, cy, (radius * Math.min(v, top)) / top, i, n));
    parts.push(
      `<g class="diamond-series"><title>${esc(s.name)}</title><polygon points="${pts.map((p) => p.join(',')).join(' ')}" fill="${s.color}" fill-opacity="0.16" stroke="${s.color}" stroke-width="2.5" stroke-linejoin="round"/>` +
        pts
          .map(
            ([px, py]) =>
              `<circle cx="${px}" cy="${py}" r="3.5" fill="${s.color}" stroke="#ffffff" stroke-width="1.5"/>`,
          )
          .join('') +
        '</g>',
    );
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="diamond-chart" viewBox="0 0 ${fmt(width)} ${fmt(height)}" width="${fmt(width)}" height="${fmt(height)}" role="img" aria-label="${esc(ariaLabel)}" font-family="system-ui, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif">` +
    parts.join('') +
    '</svg>'
  );
}
