/**
 * The action list's view of the doc: every action and every transformative activity as plain
 * snapshots, kept current incrementally. A change to one card re-reads that card only and keeps the
 * identity of every other snapshot, so memoised rows re-render only when their own action changed
 * (a table of 2,000 actions stays smooth while people type).
 */
import { useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import {
  byCreation,
  cardsMap,
  readAction,
  readActivity,
  removedCardsMap,
  type Action,
  type Activity,
  type CardMap,
} from '@shared/doc';

export interface ActionListSnapshot {
  /** Oldest first. */
  actions: Action[];
  /** Oldest first. */
  activities: Activity[];
  activityById: Map<string, Activity>;
  /** Titles of deleted cards (tombstones), for "source removed: <title>". */
  removedTitles: Map<string, string>;
}

class ActionListStore {
  private readonly actions = new Map<string, Action>();
  private readonly activities = new Map<string, Activity>();
  private snapshot: ActionListSnapshot;
  private readonly listeners = new Set<() => void>();
  private users = 0;

  constructor(private readonly doc: Y.Doc) {
    cardsMap(doc).forEach((card, id) => this.read(id, card));
    this.snapshot = this.build();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.users++ === 0) {
      // Changes made while nobody listened: start from a fresh read.
      this.actions.clear();
      this.activities.clear();
      cardsMap(this.doc).forEach((card, id) => this.read(id, card));
      this.snapshot = this.build();
      cardsMap(this.doc).observeDeep(this.onCards);
      removedCardsMap(this.doc).observe(this.onRemoved);
    }
    return () => {
      this.listeners.delete(listener);
      if (--this.users === 0) {
        cardsMap(this.doc).unobserveDeep(this.onCards);
        removedCardsMap(this.doc).unobserve(this.onRemoved);
      }
    };
  };

  getSnapshot = (): ActionListSnapshot => this.snapshot;

  private read(id: string, card: CardMap | undefined): 'action' | 'activity' | null {
    this.actions.delete(id);
    this.activities.delete(id);
    if (!(card instanceof Y.Map)) return null;
    const type = card.get('type');
    if (type === 'action') {
      this.actions.set(id, readAction(card));
      return 'action';
    }
    if (type === 'activity') {
      this.activities.set(id, readActivity(card));
      return 'activity';
    }
    return null;
  }

  private onCards = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const cards = cardsMap(this.doc);
    const changed = new Set<string>();
    for (const event of events) {
      if (event.target === cards) {
        event.changes.keys.forEach((_change, key) => changed.add(key));
      } else {
        const id = event.path[0];
        if (typeof id === 'string') changed.add(id);
      }
    }
    let relevant = false;
    let membership = false;
    for (const id of changed) {
      const had = this.actions.has(id) || this.activities.has(id);
      const kind = this.read(id, cards.get(id));
      if (kind || had) relevant = true;
      if (!had !== !kind) membership = true;
    }
    if (!relevant) return;
    this.snapshot = membership ? this.build() : this.patch(changed);
    this.emit();
  };

  private onRemoved = () => {
    this.snapshot = { ...this.snapshot, removedTitles: this.removedTitles() };
    this.emit();
  };

  /** Same membership: replace the changed snapshots in place (order is by creation, unchanged). */
  private patch(changed: Set<string>): ActionListSnapshot {
    const current = this.snapshot;
    let actions = current.actions;
    let activities = current.activities;
    let activityById = current.activityById;
    if (current.actions.some((a) => changed.has(a.id)))
      actions = current.actions.map((a) => (changed.has(a.id) ? this.actions.get(a.id)! : a));
    if (current.activities.some((a) => changed.has(a.id))) {
      activities = current.activities.map((a) =>
        changed.has(a.id) ? this.activities.get(a.id)! : a,
      );
      activityById = new Map(activities.map((a) => [a.id, a]));
    }
    return { ...current, actions, activities, activityById };
  }

  private build(): ActionListSnapshot {
    const actions = [...this.actions.values()].sort(byCreation);
    const activities = [...this.activities.values()].sort(byCreation);
    return {
      actions,
      activities,
      activityById: new Map(activities.map((a) => [a.id, a])),
      removedTitles: this.removedTitles(),
    };
  }

  private removedTitles(): Map<string, string> {
    const out = new Map<string, string>();
    removedCardsMap(this.doc).forEach((removed, id) => {
      if (removed && typeof removed.title === 'string') out.set(id, removed.title);
    });
    return out;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

const stores = new WeakMap<Y.Doc, ActionListStore>();

function storeOf(doc: Y.Doc): ActionListStore {
  let store = stores.get(doc);
  if (!store) {
    store = new ActionListStore(doc);
    stores.set(doc, store);
  }
  return store;
}

export function useActionList(doc: Y.Doc): ActionListSnapshot {
  const store = storeOf(doc);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
