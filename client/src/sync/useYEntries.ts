/**
 * The entries of a Y.Map of Y types (the cards map) as plain values, kept current incrementally:
 * a change re-reads only the entries it touched, and every other entry keeps its identity, so
 * memoised rows re-render only when their own entry changed. For lists of thousands (the action
 * list's 2,000 actions while people type), where re-reading every entry on each keystroke would not do.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { observeY, versionOf, type AnyYEvent, type AnyYType } from './useY';

export interface YEntries<T> {
  /** In `order` (when given; otherwise in no particular order). */
  readonly list: readonly T[];
  readonly byKey: ReadonlyMap<string, T>;
}

/** Reads one entry; undefined leaves it out (a card of another type). */
export type EntryReader<V, T> = (value: V, key: string) => T | undefined;

interface State<V, T> {
  map: Y.Map<V>;
  read: EntryReader<V, T>;
  order: ((a: T, b: T) => number) | undefined;
  version: number;
  entries: YEntries<T>;
  /** The key of each item of `entries.list`, and back. */
  keys: string[];
  indexOf: Map<string, number>;
}

const NONE: YEntries<never> = { list: [], byKey: new Map<string, never>() };

function build<V, T>(
  base: Omit<State<V, T>, 'entries' | 'keys' | 'indexOf'>,
  byKey: ReadonlyMap<string, T>,
): State<V, T> {
  const pairs = [...byKey];
  const { order } = base;
  if (order) pairs.sort((a, b) => order(a[1], b[1]));
  const keys = pairs.map(([key]) => key);
  return {
    ...base,
    entries: { list: pairs.map(([, value]) => value), byKey },
    keys,
    indexOf: new Map(keys.map((key, i) => [key, i])),
  };
}

/** Every entry read afresh. */
function readAll<V, T>(
  map: Y.Map<V>,
  read: EntryReader<V, T>,
  order: ((a: T, b: T) => number) | undefined,
): State<V, T> {
  const byKey = new Map<string, T>();
  map.forEach((value, key) => {
    const entry = read(value, key);
    if (entry !== undefined) byKey.set(key, entry);
  });
  return build({ map, read, order, version: versionOf(map, true) }, byKey);
}

/** The keys of the map that a transaction's events touched (itself or something nested in it). */
function touchedKeys(map: AnyYType, events: AnyYEvent[]): Set<string> {
  const keys = new Set<string>();
  for (const event of events) {
    if (event.target === map) {
      if (event instanceof Y.YMapEvent) event.keysChanged.forEach((key) => keys.add(key));
    } else {
      const key = event.path[0];
      if (typeof key === 'string') keys.add(key);
    }
  }
  return keys;
}

/** Re-reads the touched entries; the same state when none of them is (or was) an entry. */
function update<V, T>(state: State<V, T>, touched: Set<string>): State<V, T> {
  const { map, read, order, entries } = state;
  const version = versionOf(map, true);
  let byKey: Map<string, T> | null = null;
  let membership = false;
  const replaced: string[] = [];
  for (const key of touched) {
    const before = entries.byKey.get(key);
    const value = map.get(key);
    const after = value === undefined ? undefined : read(value, key);
    if (before === undefined && after === undefined) continue;
    byKey ??= new Map(entries.byKey);
    if (after === undefined) {
      byKey.delete(key);
      membership = true;
    } else {
      byKey.set(key, after);
      if (before === undefined) membership = true;
      else replaced.push(key);
    }
  }
  if (!byKey) return { ...state, version };
  if (membership) return build({ map, read, order, version }, byKey);
  // Same entries: each changed one takes its old place, unless that breaks the order.
  const list = entries.list.slice();
  let sorted = true;
  for (const key of replaced) {
    const i = state.indexOf.get(key)!;
    list[i] = byKey.get(key)!;
    if (order && i > 0 && order(list[i - 1]!, list[i]!) > 0) sorted = false;
    if (order && i < list.length - 1 && order(list[i]!, list[i + 1]!) > 0) sorted = false;
  }
  if (!sorted) return build({ map, read, order, version }, byKey);
  return { ...state, version, entries: { list, byKey } };
}

/**
 * The entries of `map` read by `read` (undefined: left out), sorted by `order`. Pass `read` and
 * `order` defined outside the component (or memoised): another function reads every entry again.
 * The result is a new object only when an entry came, went or was re-read.
 */
export function useYEntries<V, T>(
  map: Y.Map<V> | undefined,
  read: EntryReader<V, T>,
  order?: (a: T, b: T) => number,
): YEntries<T> {
  const state = useRef<State<V, T> | null>(null);
  /** The state for this map, reader and order, up to date with the doc. */
  const current = useCallback(
    (map: Y.Map<V>): State<V, T> => {
      const s = state.current;
      if (s && s.map === map && s.read === read && s.order === order) {
        if (s.version === versionOf(map, true)) return s;
      }
      return (state.current = readAll(map, read, order));
    },
    [read, order],
  );
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!map) return () => {};
      const stop = observeY(map, true, (events) => {
        const s = state.current;
        // Read for another map or reader: the next snapshot reads everything anyway.
        if (s && s.map === map && s.read === read && s.order === order) {
          const next = update(s, touchedKeys(map, events as AnyYEvent[]));
          state.current = next;
          if (next.entries === s.entries) return;
        }
        onChange();
      });
      // Changes made before this subscription: read them now, so events apply to a current state.
      current(map);
      return stop;
    },
    [map, read, order, current],
  );
  const getSnapshot = (): YEntries<T> => (map ? current(map).entries : NONE);
  return useSyncExternalStore(subscribe, getSnapshot);
}
