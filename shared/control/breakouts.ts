/**
 * Breakout groups: the facilitator splits the participants into groups (by hand, by region, by helix
 * or at random); each group works in its own area (a board, usually one candidate transformative
 * activity) with its own timer, and the plenary view shows every group's work side by side.
 * Held in the control state; `splitIntoGroups` is the pure helper the facilitator's dialog uses.
 */
import { z } from 'zod';
import { BOARD_KINDS } from '../templates/templates';
import { IDLE_TIMER, timerSchema } from './timer';

export const BREAKOUT_GROUPS_MAX = 40;

const identityIdSchema = z.string().min(1).max(64);

export const breakoutGroupSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(80),
  memberIds: z.array(identityIdSchema).max(500),
  /** Where the group works: a board, and on it the card in focus (e.g. its activity) or none. */
  board: z.enum(BOARD_KINDS),
  cardId: z.string().max(64).nullable(),
  timer: timerSchema,
});
export type BreakoutGroup = z.infer<typeof breakoutGroupSchema>;

export const breakoutsSchema = z.object({
  id: z.string().min(1).max(64),
  status: z.enum(['running', 'ended']),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  groups: z.array(breakoutGroupSchema).min(1).max(BREAKOUT_GROUPS_MAX),
});
export type Breakouts = z.infer<typeof breakoutsSchema>;

/** A group as the facilitator plans it (the `breakout:start` command). */
export const plannedGroupSchema = breakoutGroupSchema.omit({ timer: true }).extend({
  cardId: z.string().max(64).nullable().default(null),
});
export type PlannedGroup = z.input<typeof plannedGroupSchema>;

export function newGroupTimer(): z.infer<typeof timerSchema> {
  return { ...IDLE_TIMER };
}

/** Every person in at most one group; group ids unique. Returns an error message or null. */
export function checkGroups(groups: readonly { id: string; memberIds: string[] }[]): string | null {
  if (new Set(groups.map((g) => g.id)).size !== groups.length) return 'group ids must be unique';
  const seen = new Set<string>();
  for (const group of groups) {
    for (const member of group.memberIds) {
      if (seen.has(member)) return 'a person can be in one group only';
      seen.add(member);
    }
  }
  return null;
}

/** The group a person is in, if any. */
export function groupOf(breakouts: Breakouts | null, identityId: string | null) {
  if (!breakouts || breakouts.status !== 'running' || !identityId) return null;
  return breakouts.groups.find((g) => g.memberIds.includes(identityId)) ?? null;
}

export type SplitBy = 'random' | 'region' | 'helix';

export interface Splittable {
  id: string;
  helix: string | null;
  regionId: string;
}

/**
 * Splits people into `count` groups. `random` shuffles and deals round-robin (sizes differ by at
 * most one). `region` and `helix` put people who share a region (or helix) together: one group per
 * value, the largest first, each into the group that is smallest so far (so with more values than
 * groups the small ones share; with fewer, some groups stay empty). `random` is injectable for tests.
 */
export function splitIntoGroups(
  people: readonly Splittable[],
  by: SplitBy,
  count: number,
  random: () => number = Math.random,
): string[][] {
  const n = Math.max(1, Math.min(count, BREAKOUT_GROUPS_MAX));
  const groups: string[][] = Array.from({ length: n }, () => []);
  if (by === 'random') {
    const ids = people.map((p) => p.id);
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    ids.forEach((id, i) => groups[i % n]!.push(id));
    return groups;
  }
  const buckets = new Map<string, string[]>();
  for (const person of people) {
    const key = (by === 'region' ? person.regionId : person.helix) || '';
    buckets.set(key, [...(buckets.get(key) ?? []), person.id]);
  }
  const sorted = [...buckets.values()].sort((a, b) => b.length - a.length);
  for (const bucket of sorted) {
    const smallest = groups.reduce((min, g) => (g.length < min.length ? g : min), groups[0]!);
    smallest.push(...bucket);
  }
  return groups;
}
