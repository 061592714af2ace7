/**
 * What actually ran: the last 20 phase runs, newest first, with their start, end and duration in
 * the server's time. Separate from the agenda panel because it reads the log, not the plan.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlState } from '@shared/control/state';
import { useControl } from '@client/connection/control';
import { currentLanguage } from '@client/i18n';
import { formatClock, phaseLabel } from './format';

export function PhaseLog({ state }: { state: ControlState | null }) {
  const { t } = useTranslation();
  const control = useControl();
  const titleId = useId();
  const offset = control?.getOffset() ?? 0;
  const log = state?.agenda.log ?? [];
  const nameOf = (id: string) => {
    const phase = state?.agenda.phases.find((p) => p.id === id);
    return phaseLabel(t, phase?.name ?? id);
  };
  const clock = (ms: number) => formatClock(ms, offset, currentLanguage());
  return (
    <section className="agenda__section" aria-labelledby={titleId}>
      <h3 id={titleId} className="agenda__heading">
        {t('facilitation.agenda.log')}
      </h3>
      {log.length === 0 ? (
        <p className="muted">{t('facilitation.agenda.logEmpty')}</p>
      ) : (
        <ul className="agenda__log" data-testid="agenda-log">
          {log
            .slice(-20)
            .reverse()
            .map((run) => (
              <li key={`${run.phaseId}-${run.startedAt}`}>
                <span className="agenda__log-name">{nameOf(run.phaseId)}</span>
                <span className="agenda__log-time">
                  {run.endedAt === null
                    ? t('facilitation.agenda.logRunning', { start: clock(run.startedAt) })
                    : t('facilitation.agenda.logEntry', {
                        start: clock(run.startedAt),
                        end: clock(run.endedAt),
                      })}
                  {run.endedAt !== null &&
                    ` · ${t('facilitation.agenda.logDuration', {
                      minutes: Math.max(0, Math.round((run.endedAt - run.startedAt) / 60_000)),
                    })}`}
                </span>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
