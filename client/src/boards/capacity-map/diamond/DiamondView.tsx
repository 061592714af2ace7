/**
 * The S3-Synergy Diamond view of the capacity map: the regions' capacities as a radar chart, live.
 * Overlay (all regions in one chart) or side by side (one small chart per region, same scale);
 * download as SVG or PNG; the facilitator defines the axes.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Region } from '@shared/domain/s3';
import { metaMap, readMeta, readWorkshopField } from '@shared/doc';
import type { Role } from '@shared/domain/workshop';
import { useYValue } from '@client/sync/useY';
import { useCapacityMapStore, type DiamondLayout } from '../capacityMapStore';
import { BoardIcon, regionColor } from '../visuals';
import { DiamondAxesEditor } from './DiamondAxesEditor';
import { downloadBlob, downloadSvg, slug, svgToPng } from './exportDiamond';
import { RadarChart, type RadarSeries } from './RadarChart';
import { isKindLabel, niceScale, useDiamond } from './useDiamond';

interface DiamondViewProps {
  doc: Y.Doc;
  regions: Region[];
  role: Role;
  canEdit: boolean;
}

const readHeading = (meta: Y.Map<unknown>) =>
  meta.doc
    ? { title: readMeta(meta.doc)?.title ?? '', field: readWorkshopField(meta.doc) }
    : { title: '', field: '' };

export default function DiamondView({ doc, regions, role, canEdit }: DiamondViewProps) {
  const { t } = useTranslation();
  const diamond = useDiamond(doc, regions);
  const heading = useYValue(metaMap(doc), readHeading);
  const layout = useCapacityMapStore((s) => s.diamondLayout);
  const setLayout = useCapacityMapStore((s) => s.setDiamondLayout);
  const hidden = useCapacityMapStore((s) => s.hiddenRegions);
  const toggleRegion = useCapacityMapStore((s) => s.toggleRegion);
  const [editingAxes, setEditingAxes] = useState(false);
  const [exporting, setExporting] = useState(false);
  const svgRef = useRef<SVGSVGElement>(null);
  const canDefineAxes = canEdit && role === 'facilitator';

  const axisLabels = diamond.axes.map((axis) =>
    isKindLabel(axis) ? t(`s3.capacityKind.${axis.label}`) : axis.label,
  );
  const series: RadarSeries[] = diamond.series.map((s, i) => ({
    id: s.regionId,
    name: s.regionName,
    color: regionColor(i),
    values: s.values,
    counts: s.counts,
    hidden: hidden.includes(s.regionId),
  }));
  const visibleMax = Math.max(1, ...series.filter((s) => !s.hidden).flatMap((s) => s.values));
  const { top, step } = niceScale(visibleMax);
  const totalCapacities = diamond.series.reduce(
    (sum, s) => sum + s.counts.reduce((a, b) => a + b, 0),
    0,
  );
  const title = heading.field
    ? t('capacityMap.diamond.chartTitleWithField', { field: heading.field })
    : t('capacityMap.diamond.chartTitle');
  const subtitle = heading.title
    ? t('capacityMap.diamond.subtitle', { workshop: heading.title })
    : t('capacityMap.diamond.subtitleNoWorkshop');
  const fileBase = `${slug(heading.field || heading.title)}-synergy-diamond`;

  const pointLabel = useCallback(
    (s: RadarSeries, axis: number) =>
      t('capacityMap.diamond.point', {
        region: s.name,
        axis: axisLabels[axis] ?? '',
        value: s.values[axis] ?? 0,
        count: s.counts[axis] ?? 0,
      }),
    [t, axisLabels],
  );
  const legendLabel = useCallback(
    (s: RadarSeries) => {
      const n = s.counts.reduce((a, b) => a + b, 0);
      return t('capacityMap.diamond.legendItem', { region: s.name, count: n });
    },
    [t],
  );

  const exportPng = async () => {
    if (!svgRef.current) return;
    setExporting(true);
    try {
      downloadBlob(await svgToPng(svgRef.current), `${fileBase}.png`);
    } finally {
      setExporting(false);
    }
  };

  const layouts: DiamondLayout[] = ['overlay', 'side-by-side'];

  return (
    <div className="diamond" data-testid="diamond-view">
      <div className="diamond__toolbar">
        <div className="segmented" role="radiogroup" aria-label={t('capacityMap.diamond.layout')}>
          {layouts.map((key) => (
            <button
              key={key}
              type="button"
              role="radio"
              aria-checked={layout === key}
              className={layout === key ? 'segmented__option is-active' : 'segmented__option'}
              data-testid={`diamond-layout-${key}`}
              onClick={() => setLayout(key)}
            >
              {t(`capacityMap.diamond.layouts.${key}`)}
            </button>
          ))}
        </div>
        <p className="diamond__explain">{t('capacityMap.diamond.explain')}</p>
        <div className="diamond__actions">
          {canDefineAxes && (
            <button
              type="button"
              className={editingAxes ? 'button is-pressed' : 'button'}
              aria-pressed={editingAxes}
              data-testid="diamond-edit-axes"
              onClick={() => setEditingAxes((v) => !v)}
            >
              <BoardIcon name="axes" size={16} />
              {t('capacityMap.diamond.editAxes')}
            </button>
          )}
          <button
            type="button"
            className="button"
            data-testid="diamond-download-svg"
            disabled={regions.length === 0}
            onClick={() => svgRef.current && downloadSvg(svgRef.current, `${fileBase}.svg`)}
          >
            <BoardIcon name="download" size={16} />
            {t('capacityMap.diamond.downloadSvg')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="diamond-download-png"
            disabled={regions.length === 0 || exporting}
            onClick={() => void exportPng()}
          >
            <BoardIcon name="download" size={16} />
            {t('capacityMap.diamond.downloadPng')}
          </button>
        </div>
      </div>
      <div className="diamond__body">
        <div className="diamond__canvas">
          {regions.length === 0 ? (
            <div className="diamond__empty" data-testid="diamond-no-regions">
              <p className="diamond__empty-title">{t('capacityMap.diamond.noRegionsTitle')}</p>
              <p>
                {role === 'facilitator'
                  ? t('capacityMap.diamond.noRegionsFacilitator')
                  : t('capacityMap.diamond.noRegions')}
              </p>
            </div>
          ) : (
            <>
              <div className="diamond__chart">
                <RadarChart
                  svgRef={svgRef}
                  title={title}
                  subtitle={subtitle}
                  axisLabels={axisLabels}
                  series={series}
                  top={top}
                  step={step}
                  layout={layout}
                  ariaLabel={t('capacityMap.diamond.chartLabel', {
                    regions: series.map((s) => s.name).join(', '),
                  })}
                  pointLabel={pointLabel}
                  legendLabel={legendLabel}
                  onToggle={toggleRegion}
                  emptyNote={
                    totalCapacities === 0 ? t('capacityMap.diamond.noCapacities') : undefined
                  }
                />
              </div>
              {layout === 'overlay' && (
                <p className="diamond__hint">{t('capacityMap.diamond.legendHint')}</p>
              )}
              <details className="diamond__table">
                <summary>{t('capacityMap.diamond.showNumbers')}</summary>
                <table data-testid="diamond-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('capacityMap.diamond.region')}</th>
                      {axisLabels.map((label, i) => (
                        <th key={i} scope="col">
                          {label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {series.map((s) => (
                      <tr key={s.id}>
                        <th scope="row">
                          <span className="diamond__swatch" style={{ background: s.color }} />
                          {s.name}
                        </th>
                        {s.values.map((v, i) => (
                          <td key={i}>
                            {v}
                            <span className="muted">
                              {' '}
                              {t('capacityMap.diamond.cellCount', { count: s.counts[i] ?? 0 })}
                            </span>
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="diamond__hint">{t('capacityMap.diamond.howComputed')}</p>
              </details>
            </>
          )}
        </div>
        {editingAxes && canDefineAxes && (
          <DiamondAxesEditor doc={doc} onClose={() => setEditingAxes(false)} />
        )}
      </div>
    </div>
  );
}
