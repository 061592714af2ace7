/**
 * The setup dialog's plan: how to split, how many groups, who is split, and the groups themselves.
 * Changing the method, the count or who is split deals people again, and so does someone coming
 * or going until the facilitator moves a person by hand; from then on newcomers (and facilitators,
 * always) wait in "not in a group", from where they can be placed by hand. Renames and areas stay.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '@shared/doc';
import type { Participant } from '@shared/domain/identity';
import type { BoardKind } from '@shared/templates/templates';
import {
  clampCount,
  dealPeople,
  movePerson,
  placeablePeople,
  renameGroup,
  resizeGroups,
  setArea,
  splittablePeople,
  unassigned,
  workableActivities,
  type DraftGroup,
  type SplitMethod,
} from './plan';

interface Settings {
  method: SplitMethod;
  count: number;
  includeEveryone: boolean;
}

export interface BreakoutPlan extends Settings {
  groups: DraftGroup[];
  /** The people split (participants online, or everyone), in join order. */
  pool: Participant[];
  /** People who may be placed (facilitators online too) and are in no group. */
  waiting: Participant[];
  change: (settings: Partial<Settings>) => void;
  reshuffle: () => void;
  move: (personId: string, groupId: string | null) => void;
  rename: (groupId: string, name: string) => void;
  setArea: (groupId: string, area: { board: BoardKind; cardId: string | null }) => void;
}

/** A first count: one group per activity to work on (2 to 6), else 2. */
function firstCount(activities: readonly Activity[]): number {
  const n = workableActivities(activities).length;
  return n >= 2 ? Math.min(n, 6) : 2;
}

export function useBreakoutPlan(
  participants: Participant[] | null,
  activities: Activity[],
  boards: readonly BoardKind[],
): BreakoutPlan {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<Settings>(() => ({
    method: 'random',
    count: firstCount(activities),
    includeEveryone: false,
  }));
  const [groups, setGroups] = useState<DraftGroup[]>([]);
  /** The people the current deal was made for, and whether someone was moved by hand since. */
  const [dealtFor, setDealtFor] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const pool = useMemo(
    () => splittablePeople(participants ?? [], settings.includeEveryone),
    [participants, settings.includeEveryone],
  );
  const poolKey = participants === null ? null : pool.map((p) => p.id).join(' ');

  const deal = useCallback(
    (next: Settings, current: DraftGroup[]) => {
      const sized = resizeGroups(
        current,
        next.count,
        workableActivities(activities),
        (index) => t('breakouts.defaultName', { index: index + 1 }),
        boards,
      );
      setGroups(
        dealPeople(sized, splittablePeople(participants ?? [], next.includeEveryone), next.method),
      );
      setTouched(false);
    },
    [participants, activities, boards, t],
  );

  // Deal once the server has said who joined, and again as people come and go, until the
  // facilitator moves someone by hand (from then on newcomers wait in "not in a group").
  useEffect(() => {
    if (poolKey === null || poolKey === dealtFor || touched) return;
    setDealtFor(poolKey);
    deal(settings, groups);
  }, [poolKey, dealtFor, touched, deal, settings, groups]);

  const change = (patch: Partial<Settings>) => {
    const next = { ...settings, ...patch, count: clampCount(patch.count ?? settings.count) };
    setSettings(next);
    deal(next, groups);
  };

  return {
    ...settings,
    groups,
    pool,
    waiting: unassigned(groups, placeablePeople(participants ?? [], settings.includeEveryone)),
    change,
    reshuffle: () => deal(settings, groups),
    move: (personId, groupId) => {
      setTouched(true);
      setGroups((g) => movePerson(g, personId, groupId));
    },
    rename: (groupId, name) => setGroups((g) => renameGroup(g, groupId, name)),
    setArea: (groupId, area) => setGroups((g) => setArea(g, groupId, area)),
  };
}
