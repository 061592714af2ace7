/**
 * The action list's view of the doc: every action and every transformative activity as plain
 * snapshots, read with shared/doc's readers through useCardsOfType, which keeps them current
 * incrementally. A change to one card re-reads that card only and keeps the identity of every other
 * snapshot (and of the activities' list when an action changed), so memoised rows re-render only
 * when their own action changed (a table of 2,000 actions stays smooth while people type).
 */
import { useMemo } from 'react';
import type * as Y from 'yjs';
import {
  readAction,
  readActivity,
  readRemovedCard,
  removedCardsMap,
  type Action,
  type Activity,
  type RemovedCard,
} from '@shared/doc';
import { useCardsOfType } from '@client/sync/useCards';
import { useYValue } from '@client/sync/useY';

/** Shared by every reader and kept by the next snapshot: never changed in place. */
export interface ActionListSnapshot {
  /** Oldest first. */
  actions: Action[];
  /** Oldest first. */
  activities: Activity[];
  activityById: ReadonlyMap<string, Activity>;
  /** Titles of deleted cards (tombstones), for "source removed: <title>". */
  removedTitles: ReadonlyMap<string, string>;
}

function readRemovedTitles(removed: Y.Map<RemovedCard>): Map<string, string> {
  const out = new Map<string, string>();
  const doc = removed.doc;
  if (!doc) return out;
  removed.forEach((_tombstone, id) => {
    const title = readRemovedCard(doc, id)?.title;
    if (title !== undefined) out.set(id, title);
  });
  return out;
}

export function useActionList(doc: Y.Doc): ActionListSnapshot {
  const actions = useCardsOfType(doc, 'action', readAction);
  const activities = useCardsOfType(doc, 'activity', readActivity);
  const removedTitles = useYValue(removedCardsMap(doc), readRemovedTitles);
  return useMemo(
    () => ({
      actions: actions.list as Action[],
      activities: activities.list as Activity[],
      activityById: activities.byKey,
      removedTitles,
    }),
    [actions, activities, removedTitles],
  );
}
