/**
 * Timer controls of the running groups: one group's (pause, resume, +1 min, start) and every
 * group's at once (`breakout:timer` with `groupId: null`).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakoutGroup } from '@shared/control/breakouts';
import type { TimerAction } from '@shared/control/timer';
import { Icon } from '@client/ui/Icon';
import { TimerDisplay } from '../TimerWidget';
import { useGroupTimerView } from './useGroupTimer';

export type SendTimer = (groupId: string | null, timer: TimerAction) => void;

export function GroupTimer(props: { group: BreakoutGroup; minutes: number; send: SendTimer }) {
  const { group, minutes, send } = props;
  const { t } = useTranslation();
  const view = useGroupTimerView(group.timer);
  const name = group.name;
  const status = group.timer.status;
  return (
    <div
      className="breakout-timer"
      role="group"
      aria-label={t('breakouts.panel.timerOf', { name })}
      data-testid="group-timer"
    >
      {status === 'idle' ? (
        <span className="breakout-timer__none">{t('breakouts.panel.noTimer')}</span>
      ) : (
        <TimerDisplay view={view} />
      )}
      {status === 'running' && (
        <button
          type="button"
          className="button"
          aria-label={t('breakouts.panel.pauseLabel', { name })}
          data-testid="group-timer-pause"
          onClick={() => send(group.id, { action: 'pause' })}
        >
          <Icon name="pause" size={14} />
          {t('breakouts.panel.pause')}
        </button>
      )}
      {status === 'paused' && (
        <button
          type="button"
          className="button"
          aria-label={t('breakouts.panel.resumeLabel', { name })}
          data-testid="group-timer-resume"
          onClick={() => send(group.id, { action: 'resume' })}
        >
          <Icon name="play" size={14} />
          {t('breakouts.panel.resume')}
        </button>
      )}
      {status === 'idle' ? (
        <button
          type="button"
          className="button"
          aria-label={t('breakouts.panel.startLabel', { name, minutes })}
          data-testid="group-timer-start"
          onClick={() => send(group.id, { action: 'start', durationMs: minutes * 60_000 })}
        >
          <Icon name="play" size={14} />
          {t('breakouts.panel.start')}
        </button>
      ) : (
        <button
          type="button"
          className="button"
          aria-label={t('breakouts.panel.addOneLabel', { name })}
          data-testid="group-timer-plus-1"
          onClick={() => send(group.id, { action: 'extend', ms: 60_000 })}
        >
          {t('breakouts.panel.addOne')}
        </button>
      )}
    </div>
  );
}

/** Every group's timer at once; `minutes` is what "Restart all" and each "Start" use. */
export function AllTimers(props: {
  groups: BreakoutGroup[];
  minutes: string;
  onMinutes: (minutes: string) => void;
  send: SendTimer;
}) {
  const { t } = useTranslation();
  const minutesId = useId();
  const { send, groups } = props;
  const anyRunning = groups.some((g) => g.timer.status === 'running');
  const anyPaused = groups.some((g) => g.timer.status === 'paused');
  const anyTimer = anyRunning || anyPaused;
  const minutes = Number(props.minutes.replace(',', '.'));
  const minutesValid = Number.isFinite(minutes) && minutes >= 1 && minutes <= 24 * 60;
  return (
    <div className="breakout-panel__all" role="group" aria-label={t('breakouts.panel.everyGroup')}>
      <span className="breakout-panel__all-label">{t('breakouts.panel.everyGroup')}</span>
      {anyRunning && (
        <button
          type="button"
          className="button"
          data-testid="all-timers-pause"
          onClick={() => send(null, { action: 'pause' })}
        >
          <Icon name="pause" size={14} />
          {t('breakouts.panel.pauseAll')}
        </button>
      )}
      {anyPaused && (
        <button
          type="button"
          className="button"
          data-testid="all-timers-resume"
          onClick={() => send(null, { action: 'resume' })}
        >
          <Icon name="play" size={14} />
          {t('breakouts.panel.resumeAll')}
        </button>
      )}
      {anyTimer && (
        <>
          <button
            type="button"
            className="button"
            aria-label={t('breakouts.panel.addOneAllLabel')}
            data-testid="all-timers-plus-1"
            onClick={() => send(null, { action: 'extend', ms: 60_000 })}
          >
            {t('breakouts.panel.addOneAll')}
          </button>
          <button
            type="button"
            className="button"
            aria-label={t('breakouts.panel.addFiveAllLabel')}
            data-testid="all-timers-plus-5"
            onClick={() => send(null, { action: 'extend', ms: 300_000 })}
          >
            {t('breakouts.panel.addFiveAll')}
          </button>
        </>
      )}
      <span className="breakout-panel__restart">
        <input
          id={minutesId}
          className="field__input"
          type="number"
          min={1}
          step="any"
          inputMode="decimal"
          aria-label={t('breakouts.panel.minutes')}
          aria-invalid={!minutesValid}
          value={props.minutes}
          data-testid="all-timers-minutes"
          onChange={(e) => props.onMinutes(e.target.value)}
        />
        <button
          type="button"
          className="button"
          aria-label={t('breakouts.panel.startAllLabel', { minutes: props.minutes })}
          disabled={!minutesValid}
          data-testid="all-timers-start"
          onClick={() => send(null, { action: 'start', durationMs: Math.round(minutes * 60_000) })}
        >
          {t('breakouts.panel.startAll')}
        </button>
      </span>
    </div>
  );
}
