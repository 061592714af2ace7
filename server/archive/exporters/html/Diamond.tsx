// @jsxRuntime automatic
/** The Synergy Diamond: all regions on one chart, one small chart per region, and the numbers. */
import type { ReactNode } from 'react';
import { niceScale, regionColor } from '../../../../shared/charts/radar';
import { axisLabel } from '../recordIndex';
import { Legend, Section, type ReportProps } from './blocks';
import { DiamondChart } from './DiamondChart';

export function Diamond({ record, words }: Omit<ReportProps, 'index'>): ReactNode {
  const { t } = words;
  const { diamond } = record;
  if (diamond.series.length === 0 || diamond.axes.length === 0) return null;
  const axisLabels = diamond.axes.map((a) => axisLabel(a, words));
  const { top, step } = niceScale(diamond.max);
  const polygons = diamond.series.map((s, i) => ({
    name: s.regionName,
    color: regionColor(i),
    values: s.values,
  }));
  const scale = { axisLabels, top, step };
  return (
    <Section id="diamond" title={t('diamond.heading')}>
      <p className="muted">{t('diamond.note')}</p>
      <figure>
        <DiamondChart
          {...scale}
          series={polygons}
          radius={140}
          ariaLabel={t('diamond.aria', { regions: polygons.map((p) => p.name).join(', ') })}
        />
        <figcaption>{t('diamond.all')}</figcaption>
      </figure>
      <Legend items={polygons} />
      {polygons.length > 1 && (
        <div className="multiples">
          {polygons.map((p, i) => (
            <figure key={i}>
              <DiamondChart
                {...scale}
                series={[p]}
                radius={80}
                ariaLabel={t('diamond.aria', { regions: p.name })}
              />
              <figcaption>{p.name}</figcaption>
            </figure>
          ))}
        </div>
      )}
      <table>
        <thead>
          <tr>
            <th>{t('diamond.axis')}</th>
            {diamond.series.map((s, i) => (
              <th key={i} className="num">
                {s.regionName}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {axisLabels.map((label, i) => (
            <tr key={i}>
              <td>{label}</td>
              {diamond.series.map((s, k) => (
                <td key={k} className="num">
                  {s.values[i] ?? 0} <span className="muted">({s.counts[i] ?? 0})</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
