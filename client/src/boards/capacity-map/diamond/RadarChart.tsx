/**
 * The S3-Synergy Diamond drawn as plain SVG (no chart library): one axis per capacity field, one
 * polygon per region. Everything is set as attributes (colours, fonts), so the element serialises
 * into a stand-alone SVG file as it is.
 */
import type { KeyboardEvent, Ref } from 'react';
import { axisLabelLayout, radarPoint as point } from '@shared/charts/radar';

export interface RadarSeries {
  id: string;
  name: string;
  color: string;
  values: number[];
  counts: number[];
  hidden: boolean;
}

interface RadarChartProps {
  title: string;
  subtitle: string;
  axisLabels: string[];
  series: RadarSeries[];
  /** Outer ring value and ring step. */
  top: number;
  step: number;
  layout: 'overlay' | 'side-by-side';
  svgRef?: Ref<SVGSVGElement>;
  ariaLabel: string;
  /** Tooltip of a vertex: "Region · Axis: value (n capacities)". */
  pointLabel: (series: RadarSeries, axis: number) => string;
  legendLabel: (series: RadarSeries) => string;
  onToggle?: (id: string) => void;
  emptyNote?: string;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const INK = '#1c2024';
const MUTED = '#60666f';
const GRID = '#dfe3e8';

const fmt = (v: number) => Math.round(v * 10) / 10;

interface OneRadarProps {
  cx: number;
  cy: number;
  r: number;
  axisLabels: string[];
  series: RadarSeries[];
  top: number;
  step: number;
  labelSize: number;
  pointLabel: RadarChartProps['pointLabel'];
  showTicks: boolean;
}

function OneRadar({
  cx,
  cy,
  r,
  axisLabels,
  series,
  top,
  step,
  labelSize,
  pointLabel,
  showTicks,
}: OneRadarProps) {
  const n = axisLabels.length;
  const rings: number[] = [];
  for (let v = step; v <= top + 1e-9; v += step) rings.push(v);
  const ringPath = (radius: number) =>
    axisLabels.map((_, i) => point(cx, cy, radius, i, n).map(fmt).join(',')).join(' ');
  return (
    <g>
      {rings.map((v) => (
        <polygon
          key={v}
          points={ringPath((r * v) / top)}
          fill="none"
          stroke={GRID}
          strokeWidth={1}
        />
      ))}
      {axisLabels.map((label, i) => {
        const { x, y, lx, baseY, anchor, lines } = axisLabelLayout(
          label,
          i,
          n,
          cx,
          cy,
          r,
          labelSize,
        );
        return (
          <g key={i}>
            <line x1={cx} y1={cy} x2={fmt(x)} y2={fmt(y)} stroke={GRID} strokeWidth={1} />
            <text
              x={fmt(lx)}
              y={fmt(baseY)}
              textAnchor={anchor}
              fontSize={labelSize}
              fontWeight={600}
              fill={INK}
              data-testid="diamond-axis-label"
            >
              {lines.map((line, k) => (
                <tspan key={k} x={fmt(lx)} dy={k === 0 ? 0 : labelSize * 1.15}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
      {showTicks &&
        rings.map((v) => (
          <text key={`t${v}`} x={cx + 4} y={fmt(cy - (r * v) / top - 3)} fontSize={10} fill={MUTED}>
            {fmt(v)}
          </text>
        ))}
      {series
        .filter((s) => !s.hidden)
        .map((s) => {
          const pts = s.values.map((v, i) => point(cx, cy, (r * Math.min(v, top)) / top, i, n));
          return (
            <g key={s.id} data-testid="diamond-series" data-region-id={s.id}>
              <polygon
                points={pts.map((p) => p.map(fmt).join(',')).join(' ')}
                fill={s.color}
                fillOpacity={0.16}
                stroke={s.color}
                strokeWidth={2.5}
                strokeLinejoin="round"
                data-testid="diamond-polygon"
                data-region-id={s.id}
                data-values={s.values.join(',')}
              />
              {pts.map(([x, y], i) => (
                <circle
                  key={i}
                  cx={fmt(x)}
                  cy={fmt(y)}
                  r={3.5}
                  fill={s.color}
                  stroke="#ffffff"
                  strokeWidth={1.5}
                >
                  <title>{pointLabel(s, i)}</title>
                </circle>
              ))}
            </g>
          );
        })}
    </g>
  );
}

export function RadarChart(props: RadarChartProps) {
  const { title, subtitle, axisLabels, series, top, step, layout, svgRef, ariaLabel } = props;
  if (layout === 'overlay') {
    const width = 760;
    const r = 190;
    const cx = width / 2;
    const cy = 84 + r + 24;
    // Legend rows under the chart.
    const legendTop = cy + r + 62;
    const items: { s: RadarSeries; x: number; y: number }[] = [];
    let x = 40;
    let y = legendTop;
    for (const s of series) {
      const w = 34 + props.legendLabel(s).length * 7.2;
      if (x + w > width - 40 && x > 40) {
        x = 40;
        y += 26;
      }
      items.push({ s, x, y });
      x += w + 18;
    }
    const height = (items.length > 0 ? y + 30 : legendTop) + 10;
    return (
      <svg
        ref={svgRef}
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-label={ariaLabel}
        fontFamily={FONT}
        className="diamond-chart"
        data-testid="diamond-chart"
      >
        <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
        <text x={40} y={38} fontSize={20} fontWeight={700} fill={INK}>
          {title}
        </text>
        <text x={40} y={60} fontSize={13} fill={MUTED}>
          {subtitle}
        </text>
        <OneRadar
          cx={cx}
          cy={cy}
          r={r}
          axisLabels={axisLabels}
          series={series}
          top={top}
          step={step}
          labelSize={13}
          pointLabel={props.pointLabel}
          showTicks
        />
        {props.emptyNote && (
          <text x={cx} y={cy + r + 36} textAnchor="middle" fontSize={13} fill={MUTED}>
            {props.emptyNote}
          </text>
        )}
        <g data-testid="diamond-legend">
          {items.map(({ s, x: lx, y: ly }) => (
            <LegendItem
              key={s.id}
              series={s}
              x={lx}
              y={ly}
              label={props.legendLabel(s)}
              onToggle={props.onToggle}
            />
          ))}
        </g>
      </svg>
    );
  }

  // Side by side: small multiples on one scale.
  const shown = series.filter((s) => !s.hidden);
  const columns = Math.max(1, Math.min(3, shown.length));
  const cellW = 400;
  const cellH = 330;
  const width = Math.max(760, columns * cellW + 40);
  const rows = Math.max(1, Math.ceil(shown.length / columns));
  const offsetX = (width - columns * cellW) / 2;
  const height = 84 + rows * cellH + 10;
  return (
    <svg
      ref={svgRef}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={ariaLabel}
      fontFamily={FONT}
      className="diamond-chart"
      data-testid="diamond-chart"
    >
      <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
      <text x={40} y={38} fontSize={20} fontWeight={700} fill={INK}>
        {title}
      </text>
      <text x={40} y={60} fontSize={13} fill={MUTED}>
        {subtitle}
      </text>
      {shown.length === 0 && props.emptyNote && (
        <text x={width / 2} y={140} textAnchor="middle" fontSize={13} fill={MUTED}>
          {props.emptyNote}
        </text>
      )}
      {shown.map((s, k) => {
        const col = k % columns;
        const row = Math.floor(k / columns);
        const x0 = offsetX + col * cellW;
        const y0 = 84 + row * cellH;
        return (
          <g key={s.id} data-testid="diamond-multiple" data-region-id={s.id}>
            <rect x={x0 + 14} y={y0 + 4} width={12} height={12} rx={3} fill={s.color} />
            <text
              x={x0 + 32}
              y={y0 + 15}
              fontSize={14}
              fontWeight={700}
              fill={INK}
              data-testid="diamond-legend-name"
            >
              {props.legendLabel(s)}
            </text>
            <OneRadar
              cx={x0 + cellW / 2}
              cy={y0 + 30 + 140}
              r={100}
              axisLabels={axisLabels}
              series={[s]}
              top={top}
              step={step}
              labelSize={11}
              pointLabel={props.pointLabel}
              showTicks={false}
            />
          </g>
        );
      })}
    </svg>
  );
}

function LegendItem({
  series,
  x,
  y,
  label,
  onToggle,
}: {
  series: RadarSeries;
  x: number;
  y: number;
  label: string;
  onToggle?: (id: string) => void;
}) {
  const interactive = onToggle !== undefined;
  const toggle = () => onToggle?.(series.id);
  return (
    <g
      transform={`translate(${fmt(x)} ${fmt(y)})`}
      opacity={series.hidden ? 0.4 : 1}
      data-testid="diamond-legend-item"
      data-region-id={series.id}
      data-hidden={series.hidden ? 'true' : 'false'}
      role={interactive ? 'button' : undefined}
      tabIndex={interactive ? 0 : undefined}
      aria-pressed={interactive ? !series.hidden : undefined}
      style={interactive ? { cursor: 'pointer' } : undefined}
      onClick={interactive ? toggle : undefined}
      onKeyDown={
        interactive
          ? (e: KeyboardEvent) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                toggle();
              }
            }
          : undefined
      }
    >
      <rect
        x={0}
        y={-11}
        width={24}
        height={14}
        rx={3}
        fill={series.color}
        fillOpacity={0.2}
        stroke={series.color}
        strokeWidth={2}
      />
      <text x={32} y={0} fontSize={13} fill={INK} data-testid="diamond-legend-name">
        {label}
      </text>
    </g>
  );
}
