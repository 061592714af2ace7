/**
 * A breakout group's own timer as the timer display shows it: remaining time on the server clock,
 * re-computed every 250 ms while it runs, like the workshop timer (TimerWidget's useTimerView).
 */
import { useEffect, useRef } from 'react';
import { timerRemainingMs, type TimerState } from '@shared/control/timer';
import { beep } from '../beep';
import { useServerClock } from '@client/connection/control';
import type { TimerView } from '../TimerWidget';

/** `timer` as a view; with `audible`, one beep when this client sees the time run out. */
export function useGroupTimerView(timer: TimerState, audible = false): TimerView {
  const now = useServerClock(timer.status === 'running');
  const remainingMs = timerRemainingMs(timer, now);
  const fraction = timer.durationMs > 0 ? Math.min(1, remainingMs / timer.durationMs) : 0;
  const timeUp = timer.status === 'running' && remainingMs <= 0;
  const wasUp = useRef<boolean | null>(null);
  useEffect(() => {
    if (audible && wasUp.current === false && timeUp) beep();
    wasUp.current = timeUp;
  }, [timeUp, audible]);
  return { timer, remainingMs, fraction, timeUp };
}
