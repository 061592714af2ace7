// @jsxRuntime automatic
/** The agenda as it ran: each phase's planned minutes, and when each run started, ended and took. */
import type { ReactNode } from 'react';
import { took } from '../recordIndex';
import { phaseName } from '../vocabulary';
import { Section, type ReportProps } from './blocks';

export function Agenda({ record, words }: Omit<ReportProps, 'index'>): ReactNode {
  const { t } = words;
  const { phases, runs } = record.agenda;
  if (phases.length === 0 && runs.length === 0) return null;
  const columns = [
    t('agenda.phase'),
    t('agenda.planned'),
    t('agenda.started'),
    t('agenda.ended'),
    t('agenda.took'),
  ];
  return (
    <Section id="agenda" title={t('agenda.heading')}>
      <table>
        <thead>
          <tr>
            {columns.map((h, i) => (
              <th key={i} className={i === 1 || i === 4 ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {phases.flatMap((p, k) => {
            const name = phaseName(p.name, words);
            const planned = t('agenda.minutes', { count: p.minutes });
            const own = runs.filter((r) => r.phaseId === p.id);
            if (own.length === 0) {
              return [
                <tr key={k} className="muted">
                  <td>{name}</td>
                  <td className="num">{planned}</td>
                  <td colSpan={3}>{t('agenda.notRun')}</td>
                </tr>,
              ];
            }
            return own.map((r, i) => (
              <tr key={`${k}-${i}`}>
                <td>{name}</td>
                <td className="num">{planned}</td>
                <td>{words.time(r.startedAt)}</td>
                <td>{words.time(r.endedAt)}</td>
                <td className="num">{took(r.startedAt, r.endedAt, words)}</td>
              </tr>
            ));
          })}
        </tbody>
      </table>
    </Section>
  );
}
