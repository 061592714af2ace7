// @jsxRuntime automatic
/**
 * The Synergy Diamond as inline SVG, drawn like the capacity map's chart
 * (client/src/boards/capacity-map/diamond/RadarChart.tsx): one axis per capacity field, rings on a
 * round scale, one polygon per region.
 */
import type { ReactNode } from 'react';
import { axisLabelLayout, radarPoint } from '../../../../shared/charts/radar';

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
const FONT = "system-ui, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

const fmt = (v: number) => Math.round(v * 10) / 10;

/** A point on axis i, rounded for the SVG text. */
function point(cx: number, cy: number, r: number, i: number, n: number): [number, number] {
  const [x, y] = radarPoint(cx, cy, r, i, n);
  return [fmt(x), fmt(y)];
}

const pointsText = (points: [number, number][]) => points.map((p) => p.join(',')).join(' ');

export function DiamondChart({
  axisLabels,
  series,
  top,
  step,
  radius,
  ariaLabel,
}: RadarOptions): ReactNode {
  const n = axisLabels.length;
  const labelSize = radius >= 120 ? 13 : 10;
  // Room around the rings for the axis labels.
  const padX = labelSize * 9;
  const padY = labelSize * 3.6;
  const width = 2 * (radius + padX);
  const height = 2 * (radius + padY);
  const cx = width / 2;
  const cy = height / 2;

  const rings: number[] = [];
  for (let v = step; v <= top + 1e-9; v += step) rings.push(v);

  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      className="diamond-chart"
      viewBox={`0 0 ${fmt(width)} ${fmt(height)}`}
      width={fmt(width)}
      height={fmt(height)}
      role="img"
      aria-label={ariaLabel}
      fontFamily={FONT}
    >
      {rings.map((v) => (
        <polygon
          key={`ring-${v}`}
          points={pointsText(axisLabels.map((_, i) => point(cx, cy, (radius * v) / top, i, n)))}
          fill="none"
          stroke={GRID}
          strokeWidth="1"
        />
      ))}
      {axisLabels.map((label, i) => {
        const layout = axisLabelLayout(label, i, n, cx, cy, radius, labelSize);
        const lx = fmt(layout.lx);
        return [
          <line
            key={`axis-${i}`}
            x1={cx}
            y1={cy}
            x2={fmt(layout.x)}
            y2={fmt(layout.y)}
            stroke={GRID}
            strokeWidth="1"
          />,
          <text
            key={`label-${i}`}
            x={lx}
            y={fmt(layout.baseY)}
            textAnchor={layout.anchor}
            fontSize={labelSize}
            fontWeight="600"
            fill={INK}
          >
            {layout.lines.map((line, k) => (
              <tspan key={k} x={lx} dy={k === 0 ? 0 : fmt(layout.lineHeight)}>
                {line}
              </tspan>
            ))}
          </text>,
        ];
      })}
      {radius >= 120 &&
        rings.map((v) => (
          <text
            key={`ring-label-${v}`}
            x={cx + 4}
            y={fmt(cy - (radius * v) / top - 3)}
            fontSize="10"
            fill={MUTED}
          >
            {fmt(v)}
          </text>
        ))}
      {series.map((s, k) => {
        const points = s.values.map((v, i) =>
          point(cx, cy, (radius * Math.min(v, top)) / top, i, n),
        );
        return (
          <g key={k} className="diamond-series">
            <title>{s.name}</title>
            <polygon
              points={pointsText(points)}
              fill={s.color}
              fillOpacity="0.16"
              stroke={s.color}
              strokeWidth="2.5"
              strokeLinejoin="round"
            />
            {points.map(([px, py], i) => (
              <circle
                key={i}
                cx={px}
                cy={py}
                r="3.5"
                fill={s.color}
                stroke="#ffffff"
                strokeWidth="1.5"
              />
            ))}
          </g>
        );
      })}
    </svg>
  );
}
