/** A record's Synergy Diamond, drawn by the capacity map's own radar chart (all regions overlaid). */
import { useTranslation } from 'react-i18next';
import type { WorkshopRecord } from '@shared/record/schema';
import { regionColor } from '@client/boards/capacity-map/visuals';
import { RadarChart, type RadarSeries } from '@client/boards/capacity-map/diamond/RadarChart';
import { isKindLabel, niceScale } from '@client/boards/capacity-map/diamond/useDiamond';

export function RecordDiamond({ record }: { record: WorkshopRecord }) {
  const { t } = useTranslation();
  const { diamond, workshop } = record;
  const axisLabels = diamond.axes.map((axis) =>
    isKindLabel(axis) ? t(`s3.capacityKind.${axis.label}`) : axis.label,
  );
  const series: RadarSeries[] = diamond.series.map((s, i) => ({
    id: s.regionId,
    name: s.regionName,
    color: regionColor(i),
    values: s.values,
    counts: s.counts,
    hidden: false,
  }));
  const { top, step } = niceScale(diamond.max);
  return (
    <div className="archive-diamond" data-testid="record-diamond">
      <RadarChart
        title={workshop.field || t('archive.record.diamondTitle')}
        subtitle={t('archive.record.diamondSubtitle', { workshop: workshop.title })}
        axisLabels={axisLabels}
        series={series}
        top={top}
        step={step}
        layout="overlay"
        ariaLabel={t('archive.record.diamondAria', {
          regions: series.map((s) => s.name).join(', '),
        })}
        pointLabel={(s, axis) =>
          t('archive.record.diamondPoint', {
            region: s.name,
            axis: axisLabels[axis] ?? '',
            value: s.values[axis] ?? 0,
            count: s.counts[axis] ?? 0,
          })
        }
        legendLabel={(s) => s.name}
        emptyNote={series.length === 0 ? t('archive.record.diamondEmpty') : undefined}
      />
    </div>
  );
}
