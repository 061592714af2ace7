/**
 * The facilitator's plan of breakout groups before they start: who is split, each group's name,
 * area and members. Pure functions over plain values; the dialog keeps the plan in React state and
 * sends it as one `breakout:start`.
 */
import {
  BREAKOUT_GROUPS_MAX,
  splitIntoGroups,
  type PlannedGroup,
  type SplitBy,
} from '@shared/control/breakouts';
import type { ControlCommandInput } from '@shared/control/commands';
import type { Activity } from '@shared/doc';
import type { Participant } from '@shared/domain/identity';
import type { BoardKind } from '@shared/templates/templates';

/** How the facilitator splits people: by hand, or one of the automatic ways. */
export type SplitMethod = 'hand' | SplitBy;
export const SPLIT_METHODS: SplitMethod[] = ['random', 'region', 'helix', 'hand'];

/** A group name is at most this long (the contract's limit). */
export const GROUP_NAME_MAX = 80;

export interface DraftGroup {
  id: string;
  name: string;
  memberIds: string[];
  board: BoardKind;
  cardId: string | null;
}

/** The boards whose area can be one transformative activity. */
export const ACTIVITY_AREAS: readonly BoardKind[] = ['activity-canvas', 'action-list'];

/**
 * Who is split: by default the participants online (facilitators move between groups, and the wall
 * never joins); optionally everyone who joined, offline people and facilitators too.
 */
export function splittablePeople(
  participants: readonly Participant[],
  includeEveryone: boolean,
): Participant[] {
  return participants.filter(
    (p) => p.role !== 'projector' && (includeEveryone || (p.online && p.role === 'participant')),
  );
}

/** Who may be placed by hand: those split, and facilitators online (to lead a group). */
export function placeablePeople(
  participants: readonly Participant[],
  includeEveryone: boolean,
): Participant[] {
  return participants.filter((p) => p.role !== 'projector' && (includeEveryone || p.online));
}

/** The activities groups work on by default: candidates and selected ones, not parked ones. */
export function workableActivities(activities: readonly Activity[]): Activity[] {
  return activities.filter((a) => a.status !== 'parked');
}

/** A fresh group id, unique within `taken`. */
export function newGroupId(taken: readonly { id: string }[]): string {
  const ids = new Set(taken.map((g) => g.id));
  let n = taken.length + 1;
  while (ids.has(`group-${n}`)) n++;
  return `group-${n}`;
}

/**
 * `count` groups; existing ones keep their name and area, new ones get the next activity nobody
 * works on yet (one activity each), else the activity canvas without a card.
 */
export function resizeGroups(
  groups: readonly DraftGroup[],
  count: number,
  activities: readonly Activity[],
  defaultName: (index: number) => string,
  boards: readonly BoardKind[],
): DraftGroup[] {
  const n = clampCount(count);
  const kept = groups.slice(0, n).map((g) => ({ ...g, memberIds: [...g.memberIds] }));
  const fallbackBoard: BoardKind = boards.includes('activity-canvas')
    ? 'activity-canvas'
    : (boards[0] ?? 'notes');
  const canvas = boards.includes('activity-canvas');
  while (kept.length < n) {
    const used = new Set(kept.map((g) => g.cardId));
    const activity = canvas ? activities.find((a) => !used.has(a.id)) : undefined;
    kept.push({
      id: newGroupId(kept),
      name: activity
        ? groupNameOf(activity.title) || defaultName(kept.length)
        : defaultName(kept.length),
      memberIds: [],
      board: activity ? 'activity-canvas' : fallbackBoard,
      cardId: activity?.id ?? null,
    });
  }
  return kept;
}

export function clampCount(count: number): number {
  return Math.max(1, Math.min(BREAKOUT_GROUPS_MAX, Math.floor(count) || 1));
}

/** An activity's title as a group name: trimmed to the contract's limit. */
export function groupNameOf(title: string): string {
  const trimmed = title.trim().replace(/\s+/g, ' ');
  return trimmed.length > GROUP_NAME_MAX ? `${trimmed.slice(0, GROUP_NAME_MAX - 1)}…` : trimmed;
}

/** Deals `people` into the groups the way `method` says; by hand, nobody is placed. */
export function dealPeople(
  groups: readonly DraftGroup[],
  people: readonly Participant[],
  method: SplitMethod,
  random: () => number = Math.random,
): DraftGroup[] {
  const split =
    method === 'hand'
      ? groups.map(() => [] as string[])
      : splitIntoGroups(people, method, groups.length, random);
  return groups.map((g, i) => ({ ...g, memberIds: split[i] ?? [] }));
}

/** Moves one person to another group, or out of every group (`null`). */
export function movePerson(
  groups: readonly DraftGroup[],
  personId: string,
  toGroupId: string | null,
): DraftGroup[] {
  return groups.map((g) => {
    const without = g.memberIds.filter((id) => id !== personId);
    return g.id === toGroupId
      ? { ...g, memberIds: [...without, personId] }
      : { ...g, memberIds: without };
  });
}

/** The people of `people` in no group, in the order given. */
export function unassigned<T extends { id: string }>(
  groups: readonly DraftGroup[],
  people: readonly T[],
): T[] {
  const placed = new Set(groups.flatMap((g) => g.memberIds));
  return people.filter((p) => !placed.has(p.id));
}

/** Changes a group's area; a card only stays where the board can show it. */
export function setArea(
  groups: readonly DraftGroup[],
  groupId: string,
  area: { board: BoardKind; cardId: string | null },
): DraftGroup[] {
  return groups.map((g) =>
    g.id === groupId
      ? {
          ...g,
          board: area.board,
          cardId: ACTIVITY_AREAS.includes(area.board) ? area.cardId : null,
        }
      : g,
  );
}

export function renameGroup(
  groups: readonly DraftGroup[],
  groupId: string,
  name: string,
): DraftGroup[] {
  return groups.map((g) => (g.id === groupId ? { ...g, name: name.slice(0, GROUP_NAME_MAX) } : g));
}

/** What is wrong with the plan, as an i18n key under `breakouts.setup.problems`, or null. */
export function planProblem(groups: readonly DraftGroup[]): 'blankName' | 'noMembers' | null {
  if (groups.some((g) => g.name.trim() === '')) return 'blankName';
  if (groups.every((g) => g.memberIds.length === 0)) return 'noMembers';
  return null;
}

/** The `breakout:start` command for the plan; `minutes` null starts no timer. */
export function startCommand(
  groups: readonly DraftGroup[],
  minutes: number | null,
): Extract<ControlCommandInput, { type: 'breakout:start' }> {
  const planned: PlannedGroup[] = groups.map((g) => ({
    id: g.id,
    name: g.name.trim(),
    memberIds: g.memberIds,
    board: g.board,
    cardId: g.cardId,
  }));
  return {
    type: 'breakout:start',
    groups: planned,
    durationMs: minutes === null ? null : Math.round(minutes * 60_000),
  };
}
