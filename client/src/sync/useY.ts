/**
 * React subscriptions to Y types. Each component subscribes to the one Y type it shows, so a change
 * to one card re-renders that card only.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import * as Y from 'yjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyYType = Y.AbstractType<any>;

/**
 * Change counters per type: `own` counts changes of the type's own content, `deep` also those of
 * anything nested in it. Counted by one listener per doc that runs before any observer, so a value
 * read in an observer callback is always current.
 */
const ownVersions = new WeakMap<AnyYType, number>();
const deepVersions = new WeakMap<AnyYType, number>();
const trackedDocs = new WeakSet<Y.Doc>();

const bump = (versions: WeakMap<AnyYType, number>, type: AnyYType) =>
  versions.set(type, (versions.get(type) ?? 0) + 1);

function parentOf(type: AnyYType): AnyYType | null {
  const parent = type._item?.parent;
  return parent instanceof Y.AbstractType ? parent : null;
}

function trackVersions(doc: Y.Doc | null): void {
  if (!doc || trackedDocs.has(doc)) return;
  trackedDocs.add(doc);
  doc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
    transaction.changed.forEach((_keys, type) => {
      bump(ownVersions, type);
      for (let t: AnyYType | null = type; t; t = parentOf(t)) bump(deepVersions, t);
    });
  });
}

interface YValueOptions<T> {
  /** Also re-read when something nested in the type changes (a card body's paragraphs). */
  deep?: boolean;
  /** The value while the type is undefined. */
  fallback?: T;
}

/**
 * `read(type)`, re-read and re-rendered only when the type changes. `read` must depend on the type
 * alone (its result is cached per change, not per call).
 */
export function useYValue<Ty extends AnyYType, T>(
  type: Ty | undefined,
  read: (type: Ty) => T,
  { deep = false, fallback }: YValueOptions<T> = {},
): T {
  trackVersions(type?.doc ?? null);
  const cache = useRef<{ type: Ty; version: number; value: T } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!type) return () => {};
      if (deep) type.observeDeep(onChange);
      else type.observe(onChange);
      return () => {
        if (deep) type.unobserveDeep(onChange);
        else type.unobserve(onChange);
      };
    },
    [type, deep],
  );
  const getSnapshot = (): T => {
    if (!type) return fallback as T;
    const version = (deep ? deepVersions : ownVersions).get(type) ?? 0;
    const cached = cache.current;
    if (cached && cached.type === type && cached.version === version) return cached.value;
    const value = read(type);
    cache.current = { type, version, value };
    return value;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}

const textOf = (text: Y.Text) => text.toString();

/** The text of a Y.Text, kept current. */
export function useYText(text: Y.Text | undefined): string {
  return useYValue(text, textOf, { fallback: '' });
}
