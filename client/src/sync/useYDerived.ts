/**
 * One value derived from the doc that many components read a small part of: the capacity map's
 * index (which capacities sit in which of its cells, how many activities link each) read by every
 * cell and every card. Derived once per change, outside rendering, and each reader re-renders only
 * when its own part changed (`useDerivedPart`), so a remote edit re-renders one card, not the board.
 * The derivation itself stays pure and lives with its board: `derive(previous)` returns `previous`,
 * or keeps its unchanged parts, when nothing it shows changed.
 */
import { useEffect, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import { observeY, type AnyYEvent, type AnyYType } from './useY';

export interface Derived<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

/** A type the derivation reads. */
export interface YWatch {
  type: AnyYType;
  /** Also changes nested in the type. */
  deep?: boolean;
  /** True for changes that cannot change the derived value (typing in a title): no pass. */
  ignore?: (events: AnyYEvent[]) => boolean;
}

interface DerivedStore<T> extends Derived<T> {
  setDerive(derive: (previous: T | undefined) => T): void;
  recompute(): void;
  schedule(): void;
}

function createDerived<T>(initial: (previous: T | undefined) => T): DerivedStore<T> {
  let derive = initial;
  let value = derive(undefined);
  let scheduled = false;
  const listeners = new Set<() => void>();
  const recompute = () => {
    const next = derive(value);
    if (next === value) return;
    value = next;
    listeners.forEach((listener) => listener());
  };
  return {
    get: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setDerive(next) {
      if (next === derive) return;
      derive = next;
      recompute();
    },
    recompute,
    // Several changes in one task (a sync burst) cost one pass.
    schedule() {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        recompute();
      });
    },
  };
}

/**
 * `derive(previous)`, recomputed after each change of the watched types (batched per task) and at
 * once when `derive` is another function (new filters: make it a useCallback over them). `watch`
 * must keep its identity between renders (useMemo).
 */
export function useYDerived<T>(
  derive: (previous: T | undefined) => T,
  watch: readonly YWatch[],
): Derived<T> {
  const [store] = useState(() => createDerived(derive));
  useLayoutEffect(() => store.setDerive(derive), [store, derive]);
  useEffect(() => {
    const stops = watch.map(({ type, deep = false, ignore }) =>
      observeY(type, deep, (eventOrEvents) => {
        const events = Array.isArray(eventOrEvents) ? eventOrEvents : [eventOrEvents];
        if (!ignore?.(events)) store.schedule();
      }),
    );
    // Changes made while nobody watched.
    store.recompute();
    return () => stops.forEach((stop) => stop());
  }, [store, watch]);
  return store;
}

/**
 * The part of a derived value this component shows; it re-renders when that part changes. `select`
 * should return the value's own parts (a cell's list, a count), not build new ones.
 */
export function useDerivedPart<T, P>(derived: Derived<T>, select: (value: T) => P): P {
  return useSyncExternalStore(derived.subscribe, () => select(derived.get()));
}
