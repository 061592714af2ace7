/** Facilitation commands: agenda, phases and their log, the timer's arithmetic, locks. */
import { describe, expect, it } from 'vitest';
import {
  applyControlCommand,
  controlCommandSchema,
  type ControlCommandInput,
} from '../../shared/control/commands';
import {
  controlStateSchema,
  initialControlState,
  isBoardLocked,
  timerRemainingMs,
  type ControlState,
} from '../../shared/control/state';

function run(state: ControlState, command: ControlCommandInput, now: number): ControlState {
  const result = applyControlCommand(state, controlCommandSchema.parse(command), now);
  if (!result.ok) throw new Error(result.error);
  return result.state;
}

describe('control commands', () => {
  it('starts with the template agenda and no phase running', () => {
    const state = initialControlState('edw');
    expect(state.agenda.phases.map((p) => p.id)).toEqual([
      'agree-field',
      'map-capacities',
      'map-opportunities',
      'combine-activities',
      'prioritise',
      'wrap-up',
    ]);
    expect(state.agenda.currentPhaseId).toBeNull();
    expect(state.timer.status).toBe('idle');
  });

  it('runs phases one after another, logging when each ran, and times them', () => {
    let s = initialControlState('edw');
    s = run(s, { type: 'phase:start', phaseId: 'map-capacities' }, 1000);
    expect(s.agenda.currentPhaseId).toBe('map-capacities');
    expect(s.timer).toMatchObject({ status: 'running', endsAt: 1000 + 40 * 60_000 });
    s = run(s, { type: 'phase:start', phaseId: 'map-opportunities', startTimer: false }, 5000);
    expect(s.agenda.log).toEqual([
      { phaseId: 'map-capacities', startedAt: 1000, endedAt: 5000 },
      { phaseId: 'map-opportunities', startedAt: 5000, endedAt: null },
    ]);
    s = run(s, { type: 'phase:end' }, 9000);
    expect(s.agenda.currentPhaseId).toBeNull();
    expect(s.agenda.log[1]!.endedAt).toBe(9000);
    expect(s.version).toBe(3);
  });

  it("marks a phase's timer as the phase's through pause, resume and extend; a timer by hand is not", () => {
    let s = run(initialControlState('edw'), { type: 'phase:start', phaseId: 'map-capacities' }, 0);
    expect(s.timer.phaseId).toBe('map-capacities');
    s = run(s, { type: 'timer:pause' }, 1000);
    s = run(s, { type: 'timer:extend', ms: 60_000 }, 2000);
    s = run(s, { type: 'timer:resume' }, 3000);
    expect(s.timer).toMatchObject({ status: 'running', phaseId: 'map-capacities' });
    // What the facilitator's page asks about before replacing it (TimerWidget).
    s = run(s, { type: 'timer:start', durationMs: 5 * 60_000 }, 4000);
    expect(s.timer.phaseId).toBeUndefined();
    expect(timerRemainingMs(s.timer, 4000)).toBe(5 * 60_000);
    // A state saved before the field existed still loads.
    expect(controlStateSchema.parse(initialControlState('edw')).timer.phaseId).toBeUndefined();
  });

  it('pauses, resumes, extends and resets the timer with exact arithmetic', () => {
    let s = run(initialControlState('adw'), { type: 'timer:start', durationMs: 60_000 }, 0);
    expect(timerRemainingMs(s.timer, 20_000)).toBe(40_000);
    s = run(s, { type: 'timer:pause' }, 20_000);
    expect(timerRemainingMs(s.timer, 999_999)).toBe(40_000);
    s = run(s, { type: 'timer:extend', ms: 30_000 }, 50_000);
    expect(timerRemainingMs(s.timer, 50_000)).toBe(70_000);
    s = run(s, { type: 'timer:resume' }, 100_000);
    expect(s.timer.endsAt).toBe(170_000);
    s = run(s, { type: 'timer:extend', ms: -200_000 }, 110_000);
    expect(timerRemainingMs(s.timer, 110_000)).toBe(0);
    s = run(s, { type: 'timer:reset' }, 120_000);
    expect(s.timer).toEqual({ status: 'idle', durationMs: 0, endsAt: null, remainingMs: null });
    // No practical cap: an eight-hour phase is fine.
    s = run(s, { type: 'timer:start', durationMs: 8 * 3600_000 }, 0);
    expect(timerRemainingMs(s.timer, 0)).toBe(8 * 3600_000);
  });

  it('refuses what makes no sense, and leaves the state untouched', () => {
    const s = initialControlState('edw');
    const refuse = (command: ControlCommandInput) =>
      applyControlCommand(s, controlCommandSchema.parse(command), 0);
    expect(refuse({ type: 'timer:pause' })).toEqual({
      ok: false,
      error: 'the timer is not running',
    });
    expect(refuse({ type: 'timer:extend', ms: 1000 })).toMatchObject({ ok: false });
    expect(refuse({ type: 'phase:start', phaseId: 'nope' })).toMatchObject({ ok: false });
    expect(refuse({ type: 'phase:end' })).toMatchObject({ ok: false });
    expect(s.version).toBe(0);
    expect(controlCommandSchema.safeParse({ type: 'timer:start', durationMs: 5 }).success).toBe(
      false,
    );
    expect(
      controlCommandSchema.safeParse({ type: 'lock:set', target: 'kitchen', locked: true }).success,
    ).toBe(false);
    expect(
      controlCommandSchema.safeParse({
        type: 'agenda:set',
        phases: [
          { id: 'a', name: 'A', minutes: 5, board: 'notes' },
          { id: 'a', name: 'B', minutes: 5, board: 'notes' },
        ],
      }).success,
    ).toBe(false);
  });

  it('edits the agenda; removing the running phase ends it', () => {
    let s = run(initialControlState('edw'), { type: 'phase:start', phaseId: 'prioritise' }, 0);
    s = run(
      s,
      {
        type: 'agenda:set',
        phases: [
          { id: 'intro', name: 'Welcome and rules', minutes: 10, board: 'notes' },
          {
            id: 'map-capacities',
            name: 'Capacities, region by region',
            minutes: 50,
            board: 'capacity-map',
          },
        ],
      },
      60_000,
    );
    expect(s.agenda.phases.map((p) => p.name)).toEqual([
      'Welcome and rules',
      'Capacities, region by region',
    ]);
    expect(s.agenda.currentPhaseId).toBeNull();
    expect(s.agenda.log[0]!.endedAt).toBe(60_000);
  });

  it('locks a board or the whole workshop', () => {
    let s = run(
      initialControlState('edw'),
      { type: 'lock:set', target: 'capacity-map', locked: true },
      0,
    );
    expect(isBoardLocked(s, 'capacity-map')).toBe(true);
    expect(isBoardLocked(s, 'notes')).toBe(false);
    s = run(s, { type: 'lock:set', target: 'workshop', locked: true }, 0);
    expect(isBoardLocked(s, 'notes')).toBe(true);
    s = run(s, { type: 'lock:set', target: 'workshop', locked: false }, 0);
    s = run(s, { type: 'lock:set', target: 'capacity-map', locked: false }, 0);
    expect(s.locks).toEqual({ workshop: false, boards: [] });
  });
});

describe('follow-me and the wall screen', () => {
  it('turns follow-me on with a leader and off again', () => {
    let s = run(initialControlState('edw'), { type: 'follow:set', on: true, leader: 4242 }, 0);
    expect(s.followMe).toEqual({ on: true, leader: 4242 });
    s = run(s, { type: 'follow:set', on: false }, 0);
    expect(s.followMe).toEqual({ on: false, leader: null });
    const leaderless = applyControlCommand(
      s,
      controlCommandSchema.parse({ type: 'follow:set', on: true }),
      0,
    );
    expect(leaderless.ok).toBe(false);
  });

  it('sets the wall options; only http(s) join links', () => {
    let s = run(
      initialControlState('edw'),
      { type: 'wall:set', joinUrl: 'https://s3.example.org/w/abc#token=xyz' },
      0,
    );
    s = run(s, { type: 'wall:set', showCursors: false }, 0);
    expect(s.wall).toEqual({
      showCursors: false,
      joinUrl: 'https://s3.example.org/w/abc#token=xyz',
    });
    expect(
      controlCommandSchema.safeParse({ type: 'wall:set', joinUrl: 'javascript:alert(1)' }).success,
    ).toBe(false);
  });

  it('reads a state stored before follow-me and the wall existed', () => {
    const { followMe: _f, wall: _w, ...old } = initialControlState('edw');
    const parsed = controlStateSchema.parse(old);
    expect(parsed.followMe).toEqual({ on: false, leader: null });
    expect(parsed.wall).toEqual({ showCursors: true, joinUrl: null });
  });
});
