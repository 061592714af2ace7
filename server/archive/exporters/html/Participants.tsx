// @jsxRuntime automatic
/** Who took part: the total, bars by helix and by region, and those named with their consent. */
import type { ReactNode } from 'react';
import { regionColor } from '../../../../shared/charts/radar';
import { Bars, HELIX_COLORS, HELIX_KEYS, Section, type ReportProps } from './blocks';

export function Participants({ record, index, words }: ReportProps): ReactNode {
  const { t } = words;
  const { participants } = record;
  const helixRows = HELIX_KEYS.map((h) => ({
    label: words.helix[h],
    total: participants.byHelix[h],
    segments: [{ value: participants.byHelix[h], color: HELIX_COLORS[h]!, name: words.helix[h] }],
  })).filter((r) => r.total > 0);
  const max = Math.max(
    ...helixRows.map((r) => r.total),
    ...participants.byRegion.map((r) => r.count),
    1,
  );
  const regionRows = participants.byRegion.map((r, i) => ({
    label: index.regionName(r.regionId),
    total: r.count,
    segments: [{ value: r.count, color: r.regionId ? regionColor(i) : '#adb5bd', name: '' }],
  }));
  return (
    <Section id="participants" title={t('participants.heading')}>
      <p>{t('participants.total', { count: participants.total })}</p>
      {helixRows.length > 0 && (
        <>
          <h3>{t('participants.byHelix')}</h3>
          <Bars rows={helixRows} max={max} />
        </>
      )}
      {regionRows.length > 0 && (
        <>
          <h3>{t('participants.byRegion')}</h3>
          <Bars rows={regionRows} max={max} />
        </>
      )}
      {participants.named.length > 0 && (
        <>
          <h3>{t('participants.named')}</h3>
          <ul>
            {participants.named.map((p, i) => {
              const facts = [
                p.organisation,
                p.helix ? words.helix[p.helix] : '',
                p.regionId ? index.regionName(p.regionId) : '',
              ]
                .filter(Boolean)
                .join(', ');
              return (
                <li key={i}>
                  {p.name}
                  {facts ? (
                    <>
                      {' '}
                      <span className="muted">({facts})</span>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Section>
  );
}
