/**
 * The timer, for everyone: remaining time computed every 250 ms from the server's end time and the
 * offset-corrected clock, a progress ring, a visible and audible cue at the end. Facilitators open
 * its controls: start with a duration, pause, resume, extend, reset.
 */
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { timerRemainingMs, type TimerState } from '@shared/control/state';
import type { ControlCommandInput } from '@shared/control/commands';
import { Icon } from '@client/ui/Icon';
import { armAudio, beep, isMuted, setMuted } from './beep';
import { useControl, useControlState, useServerClock } from '@client/connection/control';
import { formatRemaining } from './format';
import { Popover } from '@client/ui/Popover';
import { usePopover } from '@client/ui/usePopover';
import '@client/styles/facilitation.css';
import { serverErrorText } from '@client/connection/api/serverErrorText';

const PRESETS = [1, 3, 5, 10, 15, 30];
const IDLE: TimerState = { status: 'idle', durationMs: 0, endsAt: null, remainingMs: null };

export interface TimerView {
  timer: TimerState;
  remainingMs: number;
  /** 0..1 of the time left. */
  fraction: number;
  timeUp: boolean;
}

/** The timer as it stands now (re-rendering every 250 ms while it runs). */
export function useTimerView(): TimerView {
  const timer = useControlState()?.timer ?? IDLE;
  const now = useServerClock(timer.status === 'running');
  const remainingMs = timerRemainingMs(timer, now);
  const fraction = timer.durationMs > 0 ? Math.min(1, remainingMs / timer.durationMs) : 0;
  const timeUp = timer.status === 'running' && remainingMs <= 0;
  // The audible cue, once, when this client sees the time run out.
  const wasUp = useRef<boolean | null>(null);
  useEffect(() => {
    if (wasUp.current === false && timeUp) beep();
    wasUp.current = timeUp;
  }, [timeUp]);
  return { timer, remainingMs, fraction, timeUp };
}

export function TimerRing({ fraction, size }: { fraction: number; size: number }) {
  const stroke = size > 100 ? size / 18 : Math.max(3, size / 10);
  const r = (size - stroke) / 2;
  const c = 2 * Math.PI * r;
  return (
    <svg
      className="timer-ring"
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
      aria-hidden="true"
    >
      <circle
        className="timer-ring__track"
        cx={size / 2}
        cy={size / 2}
        r={r}
        strokeWidth={stroke}
      />
      <circle
        className="timer-ring__progress"
        cx={size / 2}
        cy={size / 2}
        r={r}
        strokeWidth={stroke}
        strokeDasharray={c}
        strokeDashoffset={c * (1 - fraction)}
        transform={`rotate(-90 ${size / 2} ${size / 2})`}
      />
    </svg>
  );
}

function timerClass(view: TimerView, base: string): string {
  return [base, `${base}--${view.timer.status}`, view.timeUp && `${base}--up`]
    .filter(Boolean)
    .join(' ');
}

/** The display itself: ring, time, status. `wall` is the projector's large version. */
export function TimerDisplay({ view, wall = false }: { view: TimerView; wall?: boolean }) {
  const { t } = useTranslation();
  const text = formatRemaining(view.remainingMs);
  const status = view.timeUp
    ? t('facilitation.timer.timeUp')
    : view.timer.status === 'paused'
      ? t('facilitation.timer.paused')
      : null;
  return (
    <span
      className={timerClass(view, wall ? 'wall-timer' : 'timer')}
      role="timer"
      aria-label={
        view.timeUp
          ? t('facilitation.timer.timeUp')
          : t('facilitation.timer.remaining', { time: text })
      }
      data-testid={wall ? 'wall-timer' : 'timer'}
      data-status={view.timeUp ? 'up' : view.timer.status}
      data-remaining-seconds={Math.ceil(view.remainingMs / 1000)}
    >
      <TimerRing fraction={view.fraction} size={wall ? 240 : 26} />
      <span className="timer__text" aria-hidden="true">
        {text}
      </span>
      {status && (
        <span className="timer__status" aria-hidden="true">
          {status}
        </span>
      )}
    </span>
  );
}

function SoundToggle() {
  const { t } = useTranslation();
  const [muted, setMutedState] = useState(isMuted);
  return (
    <button
      type="button"
      className="icon-button timer__sound"
      aria-pressed={!muted}
      aria-label={muted ? t('facilitation.timer.soundOff') : t('facilitation.timer.soundOn')}
      title={muted ? t('facilitation.timer.soundOff') : t('facilitation.timer.soundOn')}
      data-testid="timer-sound"
      onClick={() => {
        setMuted(!muted);
        setMutedState(!muted);
      }}
    >
      <Icon name={muted ? 'soundOff' : 'sound'} size={16} />
    </button>
  );
}

/** The top bar's timer; with controls for facilitators. */
export function TimerWidget({ facilitator }: { facilitator: boolean }) {
  const { t } = useTranslation();
  const view = useTimerView();
  const popover = usePopover();
  useEffect(armAudio, []);

  if (!facilitator) {
    if (view.timer.status === 'idle') return null;
    return (
      <div className="timer-widget">
        <TimerDisplay view={view} />
        <SoundToggle />
      </div>
    );
  }
  return (
    <div className="timer-widget share-anchor" ref={popover.anchorRef}>
      <button
        type="button"
        className="timer-widget__toggle"
        aria-expanded={popover.open}
        aria-haspopup="dialog"
        aria-label={t('facilitation.timer.controls')}
        title={t('facilitation.timer.controls')}
        data-testid="timer-toggle"
        onClick={popover.toggle}
      >
        {view.timer.status === 'idle' ? (
          <span className="timer timer--idle">
            <Icon name="timer" size={18} />
            <span className="timer__text timer__text--label">{t('facilitation.timer.label')}</span>
          </span>
        ) : (
          <TimerDisplay view={view} />
        )}
      </button>
      {popover.open && (
        <TimerControls view={view} anchorRef={popover.anchorRef} onClose={popover.close} />
      )}
    </div>
  );
}

interface TimerControlsProps {
  view: TimerView;
  anchorRef: RefObject<HTMLElement | null>;
  onClose: () => void;
}

function TimerControls({ view, anchorRef, onClose }: TimerControlsProps) {
  const { t } = useTranslation();
  const control = useControl();
  const titleId = useId();
  const customId = useId();
  const [custom, setCustom] = useState('20');
  const [error, setError] = useState<string | null>(null);
  /** Minutes asked for while another timer still had time: waiting for the facilitator's word. */
  const [replacing, setReplacing] = useState<number | null>(null);
  const { status } = view.timer;
  // One timer in the room: one with time left is replaced only when the facilitator says so.
  const hasTimeLeft = status !== 'idle' && view.remainingMs > 0;

  const send = (command: ControlCommandInput) => {
    if (!control) return;
    void control.send(command).then((ack) => {
      setError(ack.ok ? null : t('facilitation.agenda.error', { error: serverErrorText(t, ack) }));
    });
  };
  const start = (minutes: number) => {
    setReplacing(null);
    send({ type: 'timer:start', durationMs: Math.round(minutes * 60_000) });
  };
  const startMinutes = (minutes: number) => {
    if (!Number.isFinite(minutes) || minutes <= 0) return;
    if (hasTimeLeft) setReplacing(minutes);
    else start(minutes);
  };

  return (
    <Popover
      className="popover timer-controls"
      labelledBy={titleId}
      testId="timer-controls"
      anchorRef={anchorRef}
      onClose={onClose}
    >
      <div className="popover__header">
        <h2 id={titleId}>{t('facilitation.timer.label')}</h2>
        <SoundToggle />
      </div>
      {status !== 'idle' && (
        <div className="timer-controls__row">
          {status === 'running' ? (
            <button
              type="button"
              className="button"
              data-testid="timer-pause"
              onClick={() => send({ type: 'timer:pause' })}
            >
              <Icon name="pause" size={16} />
              {t('facilitation.timer.pause')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary"
              data-testid="timer-resume"
              onClick={() => send({ type: 'timer:resume' })}
            >
              <Icon name="play" size={16} />
              {t('facilitation.timer.resume')}
            </button>
          )}
          <button
            type="button"
            className="button"
            aria-label={t('facilitation.timer.removeOneLabel')}
            data-testid="timer-minus-1"
            onClick={() => send({ type: 'timer:extend', ms: -60_000 })}
          >
            {t('facilitation.timer.removeOne')}
          </button>
          <button
            type="button"
            className="button"
            aria-label={t('facilitation.timer.addOneLabel')}
            data-testid="timer-plus-1"
            onClick={() => send({ type: 'timer:extend', ms: 60_000 })}
          >
            {t('facilitation.timer.addOne')}
          </button>
          <button
            type="button"
            className="button"
            aria-label={t('facilitation.timer.addFiveLabel')}
            data-testid="timer-plus-5"
            onClick={() => send({ type: 'timer:extend', ms: 300_000 })}
          >
            {t('facilitation.timer.addFive')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            data-testid="timer-reset"
            onClick={() => send({ type: 'timer:reset' })}
          >
            {t('facilitation.timer.reset')}
          </button>
        </div>
      )}
      {replacing !== null && hasTimeLeft && (
        <div className="timer-controls__replace" role="alert" data-testid="timer-replace">
          <p data-testid="timer-replace-question">
            {t(
              view.timer.phaseId
                ? 'facilitation.timer.replacePhase'
                : 'facilitation.timer.replaceOther',
              { time: formatRemaining(view.remainingMs) },
            )}
          </p>
          <div className="timer-controls__row">
            <button
              type="button"
              className="button button--primary"
              data-testid="timer-replace-confirm"
              onClick={() => start(replacing)}
            >
              {t('facilitation.timer.replaceConfirm', { minutes: replacing })}
            </button>
            <button
              type="button"
              className="button button--ghost"
              data-testid="timer-replace-keep"
              autoFocus
              onClick={() => setReplacing(null)}
            >
              {t('facilitation.timer.replaceKeep')}
            </button>
          </div>
        </div>
      )}
      <fieldset className="timer-controls__start">
        <legend className="field__label">{t('facilitation.timer.start')}</legend>
        <div
          className="timer-controls__presets"
          role="group"
          aria-label={t('facilitation.timer.presets')}
        >
          {PRESETS.map((minutes) => (
            <button
              key={minutes}
              type="button"
              className="button"
              aria-label={t('facilitation.timer.startFor', { minutes })}
              data-testid={`timer-preset-${minutes}`}
              onClick={() => startMinutes(minutes)}
            >
              {t('facilitation.timer.preset', { minutes })}
            </button>
          ))}
        </div>
        <form
          className="timer-controls__custom"
          onSubmit={(e) => {
            e.preventDefault();
            startMinutes(Number(custom.replace(',', '.')));
          }}
        >
          <label htmlFor={customId} className="field__label">
            {t('facilitation.timer.custom')}
          </label>
          <input
            id={customId}
            className="field__input"
            type="number"
            min={0.1}
            step="any"
            inputMode="decimal"
            value={custom}
            data-testid="timer-custom-minutes"
            onChange={(e) => setCustom(e.target.value)}
          />
          <button type="submit" className="button button--primary" data-testid="timer-start-custom">
            <Icon name="play" size={16} />
            {t('facilitation.timer.startCustom')}
          </button>
        </form>
      </fieldset>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </Popover>
  );
}
