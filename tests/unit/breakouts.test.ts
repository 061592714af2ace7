/**
 * Breakout groups: splitting people into groups (random, by region, by helix), and the control
 * commands that start groups, run each group's own timer, move people, end and clear them. The
 * reducer knows no roles: refusing a participant's command is the server's job
 * (tests/integration/breakouts.test.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  checkGroups,
  groupOf,
  splitIntoGroups,
  type Splittable,
} from '../../shared/control/breakouts';
import {
  applyControlCommand,
  controlCommandSchema,
  type ControlCommandInput,
} from '../../shared/control/commands';
import type { Activity } from '../../shared/doc';
import type { Participant } from '../../shared/domain/identity';
import {
  dealPeople,
  movePerson,
  placeablePeople,
  planProblem,
  resizeGroups,
  splittablePeople,
  startCommand,
  unassigned,
  workableActivities,
} from '../../client/src/facilitation/breakouts/plan';
import {
  controlStateSchema,
  initialControlState,
  timerRemainingMs,
  type ControlState,
} from '../../shared/control/state';

function run(state: ControlState, command: ControlCommandInput, now: number): ControlState {
  const result = applyControlCommand(state, controlCommandSchema.parse(command), now);
  if (!result.ok) throw new Error(result.error);
  return result.state;
}

function refusal(state: ControlState, command: ControlCommandInput, now = 0): string {
  const parsed = controlCommandSchema.safeParse(command);
  if (!parsed.success) return parsed.error.issues[0]!.message;
  const result = applyControlCommand(state, parsed.data, now);
  if (result.ok) throw new Error(`expected ${command.type} to be refused`);
  return result.error;
}

/** A seeded pseudo-random sequence (mulberry32), so a failure can be replayed. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function people(n: number, of: (i: number) => Partial<Splittable> = () => ({})): Splittable[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    helix: null,
    regionId: '',
    ...of(i),
  }));
}

const sorted = (ids: string[]) => [...ids].sort();

describe('splitIntoGroups', () => {
  it('splits at random into a partition whose group sizes differ by at most one', () => {
    for (const [n, count, seed] of [
      [10, 3, 1],
      [17, 4, 2],
      [5, 5, 3],
      [3, 4, 4],
      [150, 12, 5],
    ] as const) {
      const all = people(n);
      const groups = splitIntoGroups(all, 'random', count, seeded(seed));
      expect(groups).toHaveLength(count);
      expect(sorted(groups.flat())).toEqual(sorted(all.map((p) => p.id)));
      const sizes = groups.map((g) => g.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('shuffles: different random sequences give different groups', () => {
    const all = people(12);
    const a = splitIntoGroups(all, 'random', 3, seeded(1));
    const b = splitIntoGroups(all, 'random', 3, seeded(99));
    expect(a).not.toEqual(b);
  });

  it('keeps people of the same region together, the largest regions spread first', () => {
    const regions = ['tyrol', 'tyrol', 'tyrol', 'tyrol', 'lombardy', 'lombardy', 'bavaria', 'ain'];
    const all = people(regions.length, (i) => ({ regionId: regions[i]! }));
    const groups = splitIntoGroups(all, 'region', 3);
    expect(sorted(groups.flat())).toEqual(sorted(all.map((p) => p.id)));
    const regionOf = new Map(all.map((p) => [p.id, p.regionId]));
    for (const region of new Set(regions)) {
      const holding = groups.filter((g) => g.some((id) => regionOf.get(id) === region));
      expect(holding, region).toHaveLength(1);
    }
    // Tyrol (4) alone; Lombardy (2) and the two small regions balance the other two groups.
    expect(groups.map((g) => g.length).sort()).toEqual([2, 2, 4]);
  });

  it('keeps people of the same helix together; people without one form their own bucket', () => {
    const helices = ['business', 'research', 'business', null, 'government', 'research', null];
    const all = people(helices.length, (i) => ({
      helix: helices[i] as Splittable['helix'],
    }));
    const groups = splitIntoGroups(all, 'helix', 4);
    const helixOf = new Map(all.map((p) => [p.id, p.helix]));
    for (const helix of new Set(helices)) {
      const holding = groups.filter((g) => g.some((id) => helixOf.get(id) === helix));
      expect(holding, String(helix)).toHaveLength(1);
    }
    expect(sorted(groups.flat())).toEqual(sorted(all.map((p) => p.id)));
  });

  it('leaves groups empty when there are fewer values than groups, and bounds the count', () => {
    const all = people(4, () => ({ regionId: 'tyrol' }));
    const groups = splitIntoGroups(all, 'region', 3);
    expect(groups.map((g) => g.length)).toEqual([4, 0, 0]);
    expect(splitIntoGroups(all, 'random', 0)).toHaveLength(1);
  });
});

describe('checkGroups and groupOf', () => {
  it('refuses a person in two groups and repeated group ids', () => {
    expect(
      checkGroups([
        { id: 'a', memberIds: ['x'] },
        { id: 'b', memberIds: ['y'] },
      ]),
    ).toBeNull();
    expect(
      checkGroups([
        { id: 'a', memberIds: ['x'] },
        { id: 'b', memberIds: ['x'] },
      ]),
    ).toMatch(/one group only/);
    expect(
      checkGroups([
        { id: 'a', memberIds: [] },
        { id: 'a', memberIds: [] },
      ]),
    ).toMatch(/unique/);
  });
});

const twoGroups = {
  type: 'breakout:start',
  groups: [
    {
      id: 'g1',
      name: 'Digital tourism',
      memberIds: ['ann', 'bob'],
      board: 'activity-canvas',
      cardId: 'act1',
    },
    {
      id: 'g2',
      name: 'Green mobility',
      memberIds: ['cem'],
      board: 'activity-canvas',
      cardId: 'act2',
    },
  ],
  durationMs: 10 * 60_000,
} satisfies ControlCommandInput;

describe('breakout commands', () => {
  it('starts groups with their areas, every group timer running from the same start', () => {
    const s = run(initialControlState('edw'), twoGroups, 1000);
    expect(s.breakouts).toMatchObject({ status: 'running', startedAt: 1000, endedAt: null });
    expect(s.breakouts!.groups.map((g) => [g.name, g.memberIds, g.board, g.cardId])).toEqual([
      ['Digital tourism', ['ann', 'bob'], 'activity-canvas', 'act1'],
      ['Green mobility', ['cem'], 'activity-canvas', 'act2'],
    ]);
    for (const g of s.breakouts!.groups) expect(timerRemainingMs(g.timer, 61_000)).toBe(540_000);
    expect(groupOf(s.breakouts, 'bob')?.id).toBe('g1');
    expect(groupOf(s.breakouts, 'nobody')).toBeNull();
    // The state with groups is still a valid control state (it is persisted and reloaded).
    expect(controlStateSchema.parse(s)).toEqual(s);
  });

  it('starts without timers when no duration is given, and defaults a missing card to none', () => {
    const s = run(
      initialControlState('edw'),
      {
        type: 'breakout:start',
        groups: [{ id: 'g1', name: 'Notes', memberIds: [], board: 'notes' }],
      },
      0,
    );
    expect(s.breakouts!.groups[0]).toMatchObject({ cardId: null, timer: { status: 'idle' } });
  });

  it('refuses a person in two groups, repeated ids, blank names and a second start', () => {
    const s0 = initialControlState('edw');
    const twice = structuredClone(twoGroups);
    twice.groups[1]!.memberIds = ['bob'];
    expect(refusal(s0, twice)).toMatch(/one group only/);
    const sameId = structuredClone(twoGroups);
    sameId.groups[1]!.id = 'g1';
    expect(refusal(s0, sameId)).toMatch(/unique/);
    const blank = structuredClone(twoGroups);
    blank.groups[0]!.name = '   ';
    expect(() => controlCommandSchema.parse(blank)).toThrow();
    expect(controlCommandSchema.safeParse({ ...twoGroups, groups: [] }).success).toBe(false);
    const running = run(s0, twoGroups, 0);
    expect(refusal(running, twoGroups)).toMatch(/end them first/);
  });

  it("runs each group's timer on its own, or all of them at once", () => {
    let s = run(initialControlState('edw'), twoGroups, 0);
    s = run(s, { type: 'breakout:timer', groupId: 'g1', timer: { action: 'pause' } }, 60_000);
    s = run(
      s,
      { type: 'breakout:timer', groupId: 'g2', timer: { action: 'extend', ms: 120_000 } },
      60_000,
    );
    const [g1, g2] = s.breakouts!.groups;
    expect(g1!.timer.status).toBe('paused');
    expect(timerRemainingMs(g1!.timer, 500_000)).toBe(540_000);
    expect(timerRemainingMs(g2!.timer, 60_000)).toBe(660_000);
    expect(s.timer.status).toBe('idle'); // the workshop timer is not touched

    // "Pause all": the paused group refuses, the other pauses; nothing is refused overall.
    s = run(s, { type: 'breakout:timer', groupId: null, timer: { action: 'pause' } }, 120_000);
    expect(s.breakouts!.groups.map((g) => g.timer.status)).toEqual(['paused', 'paused']);
    // …but an action no group can take is refused.
    expect(
      refusal(s, { type: 'breakout:timer', groupId: null, timer: { action: 'pause' } }),
    ).toMatch(/not running/);
    s = run(
      s,
      { type: 'breakout:timer', groupId: null, timer: { action: 'start', durationMs: 5 * 60_000 } },
      200_000,
    );
    for (const g of s.breakouts!.groups) expect(timerRemainingMs(g.timer, 200_000)).toBe(300_000);
    expect(
      refusal(s, { type: 'breakout:timer', groupId: 'g9', timer: { action: 'reset' } }),
    ).toMatch(/no group "g9"/);
    expect(
      refusal(s, { type: 'breakout:timer', groupId: 'g1', timer: { action: 'resume' } }),
    ).toMatch(/not paused/);
  });

  it('moves a person to another group, or out of every group', () => {
    let s = run(initialControlState('edw'), twoGroups, 0);
    s = run(s, { type: 'breakout:assign', identityId: 'bob', groupId: 'g2' }, 1);
    expect(s.breakouts!.groups.map((g) => g.memberIds)).toEqual([['ann'], ['cem', 'bob']]);
    s = run(s, { type: 'breakout:assign', identityId: 'dan', groupId: 'g1' }, 2);
    expect(groupOf(s.breakouts, 'dan')?.id).toBe('g1');
    s = run(s, { type: 'breakout:assign', identityId: 'ann', groupId: null }, 3);
    expect(groupOf(s.breakouts, 'ann')).toBeNull();
    expect(s.breakouts!.groups.flatMap((g) => g.memberIds)).toEqual(['dan', 'cem', 'bob']);
    expect(refusal(s, { type: 'breakout:assign', identityId: 'ann', groupId: 'g7' })).toMatch(
      /no group/,
    );
  });

  it('ends the groups (kept for the roll-up, no one is in a group any more), then clears them', () => {
    let s = run(initialControlState('edw'), twoGroups, 0);
    s = run(s, { type: 'breakout:end' }, 5000);
    expect(s.breakouts).toMatchObject({ status: 'ended', endedAt: 5000 });
    expect(s.breakouts!.groups).toHaveLength(2);
    expect(groupOf(s.breakouts, 'ann')).toBeNull();
    expect(refusal(s, { type: 'breakout:end' })).toMatch(/no breakout groups are running/);
    expect(
      refusal(s, { type: 'breakout:timer', groupId: null, timer: { action: 'reset' } }),
    ).toMatch(/no breakout groups are running/);
    expect(refusal(s, { type: 'breakout:assign', identityId: 'ann', groupId: 'g1' })).toMatch(
      /no breakout groups are running/,
    );
    // New groups may start over ended ones.
    const again = run(s, twoGroups, 6000);
    expect(again.breakouts).toMatchObject({ status: 'running', startedAt: 6000 });
    s = run(s, { type: 'breakout:clear' }, 7000);
    expect(s.breakouts).toBeNull();
    expect(refusal(s, { type: 'breakout:clear' })).toMatch(/no breakout groups/);
  });
});

function participant(id: string, patch: Partial<Participant> = {}): Participant {
  return {
    id,
    name: id,
    organisation: '',
    helix: null,
    regionId: '',
    consentToNames: false,
    role: 'participant',
    joinedAt: '2025-01-01T00:00:00Z',
    online: true,
    handRaisedAt: null,
    ...patch,
  };
}

const activity = (id: string, title: string, status: Activity['status'] = 'candidate') =>
  ({ id, title, status }) as Activity;
const BOARDS = ['capacity-map', 'activity-canvas', 'action-list', 'notes'] as const;
const groupName = (i: number) => `Group ${i + 1}`;

describe("the facilitator's plan", () => {
  const room = [
    participant('ana'),
    participant('ben', { online: false }),
    participant('fiona', { role: 'facilitator' }),
    participant('wall', { role: 'projector' }),
    participant('cem'),
  ];

  it('splits the participants online by default; everyone else only when asked', () => {
    expect(splittablePeople(room, false).map((p) => p.id)).toEqual(['ana', 'cem']);
    expect(splittablePeople(room, true).map((p) => p.id)).toEqual(['ana', 'ben', 'fiona', 'cem']);
    // A facilitator online is not split, but can be placed by hand.
    expect(placeablePeople(room, false).map((p) => p.id)).toEqual(['ana', 'fiona', 'cem']);
  });

  it('gives each new group the next activity nobody works on, not a parked one', () => {
    const activities = workableActivities([
      activity('a1', 'Digital tourism'),
      activity('a2', 'Parked idea', 'parked'),
      activity('a3', 'Green mobility', 'selected'),
    ]);
    const groups = resizeGroups([], 3, activities, groupName, BOARDS);
    expect(groups.map((g) => [g.name, g.board, g.cardId])).toEqual([
      ['Digital tourism', 'activity-canvas', 'a1'],
      ['Green mobility', 'activity-canvas', 'a3'],
      ['Group 3', 'activity-canvas', null],
    ]);
    // Shrinking keeps the first groups as they were; growing again adds a fresh one.
    const renamed = groups.map((g, i) => (i === 0 ? { ...g, name: 'Tourism table' } : g));
    const two = resizeGroups(renamed, 2, activities, groupName, BOARDS);
    expect(two.map((g) => g.name)).toEqual(['Tourism table', 'Green mobility']);
    expect(new Set(resizeGroups(two, 4, [], groupName, BOARDS).map((g) => g.id)).size).toBe(4);
    // A template without the activity canvas works on its first board.
    expect(resizeGroups([], 1, activities, groupName, ['notes'])[0]).toMatchObject({
      name: 'Group 1',
      board: 'notes',
      cardId: null,
    });
  });

  it('deals, moves and sends the plan as one valid start command', () => {
    const groups = resizeGroups([], 2, [], groupName, BOARDS);
    const people = splittablePeople(room, false);
    const dealt = dealPeople(groups, people, 'random', seeded(7));
    expect(sorted(dealt.flatMap((g) => g.memberIds))).toEqual(['ana', 'cem']);
    expect(dealPeople(groups, people, 'hand').every((g) => g.memberIds.length === 0)).toBe(true);
    expect(planProblem(dealPeople(groups, people, 'hand'))).toBe('noMembers');

    const moved = movePerson(movePerson(dealt, 'fiona', groups[0]!.id), 'ana', null);
    expect(moved[0]!.memberIds).toContain('fiona');
    expect(unassigned(moved, placeablePeople(room, false)).map((p) => p.id)).toEqual(['ana']);

    const command = startCommand(moved, 12.5);
    const parsed = controlCommandSchema.parse(command);
    expect(parsed).toMatchObject({ type: 'breakout:start', durationMs: 750_000 });
    const started = run(initialControlState('edw'), command, 0);
    expect(groupOf(started.breakouts, 'fiona')?.id).toBe(groups[0]!.id);
    expect(startCommand(moved, null).durationMs).toBeNull();
    expect(planProblem(moved.map((g, i) => (i === 1 ? { ...g, name: ' ' } : g)))).toBe('blankName');
  });
});
