/**
 * React subscriptions to Y types: the one way components read the doc (docs/architecture.md, data
 * flow). Each component subscribes to the one Y type it shows, so a change to one card re-renders
 * that card only.
 *   useYValue(type, read, { deep })    a value read from a type, re-read when the type changes
 *   useYText(text)                     the string of a Y.Text
 *   useYObserver(type, handler, …)     the change events themselves (a caret moved through a remote
 *                                      edit, cards added in one go, "something changed")
 * Built on them: useYEntries.ts (a map's entries read one by one, for lists of thousands),
 * useYDerived.ts (one value derived from the doc, read in slices by many components) and
 * useCards.ts (the cards map: one card, the cards of a type, the cards just added).
 * Outside client/src/sync/ nothing calls observe() or observeDeep() itself (a lint rule says so).
 */
import { useCallback, useEffect, useEffectEvent, useRef, useSyncExternalStore } from 'react';
import * as Y from 'yjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyYType = Y.AbstractType<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyYEvent = Y.YEvent<any>;

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

/**
 * How many changes the type has seen (with `deep`, also those nested in it): equal numbers mean
 * nothing changed in between. For the hooks of this folder.
 */
export function versionOf(type: AnyYType, deep: boolean): number {
  trackVersions(type.doc);
  return (deep ? deepVersions : ownVersions).get(type) ?? 0;
}

/**
 * Calls `listener` on every change of the type (with `deep`, also of anything nested in it); returns
 * the function that stops it. The only observe() of the client: every hook here goes through it.
 */
export function observeY(
  type: AnyYType,
  deep: boolean,
  listener: (eventOrEvents: AnyYEvent | AnyYEvent[], transaction: Y.Transaction) => void,
): () => void {
  trackVersions(type.doc);
  if (deep) {
    type.observeDeep(listener);
    return () => type.unobserveDeep(listener);
  }
  type.observe(listener);
  return () => type.unobserve(listener);
}

interface YValueOptions<T> {
  /** Also re-read when something nested in the type changes (a card body's paragraphs). */
  deep?: boolean;
  /** The value while the type is undefined. */
  fallback?: T;
}

/**
 * `read(type)`, re-read and re-rendered only when the type changes, or when `read` is another
 * function: pass one defined outside the component, or a useCallback over what else it reads
 * (`useCard` reads one id of the cards map), so the value is cached from one change to the next.
 */
export function useYValue<Ty extends AnyYType, T>(
  type: Ty | undefined,
  read: (type: Ty) => T,
  { deep = false, fallback }: YValueOptions<T> = {},
): T {
  const cache = useRef<{
    type: Ty;
    read: (type: Ty) => T;
    version: number;
    value: T;
  } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => (type ? observeY(type, deep, onChange) : () => {}),
    [type, deep],
  );
  const getSnapshot = (): T => {
    if (!type) return fallback as T;
    const version = versionOf(type, deep);
    const cached = cache.current;
    if (cached && cached.type === type && cached.read === read && cached.version === version)
      return cached.value;
    const value = read(type);
    cache.current = { type, read, version, value };
    return value;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}

const textOf = (text: Y.Text) => text.toString();

/** The text of a Y.Text, kept current. */
export function useYText(text: Y.Text | undefined): string {
  return useYValue(text, textOf, { fallback: '' });
}

type EventOf<Ty> = Ty extends Y.AbstractType<infer E> ? E : never;

/**
 * Calls `handler` with each change event of the type while the component is mounted (undefined
 * type: nothing). For what needs the event, not a value: a text field moving its caret through a
 * remote edit (`event.delta`), the cards added in one transaction, a "something changed" signal.
 * The handler may change from render to render; only another type subscribes anew.
 * With `{ deep: true }` it gets the events of the type and of everything nested in it, once per
 * transaction.
 */
export function useYObserver<Ty extends AnyYType>(
  type: Ty | undefined,
  handler: (event: EventOf<Ty>, transaction: Y.Transaction) => void,
  options?: { deep?: false },
): void;
export function useYObserver(
  type: AnyYType | undefined,
  handler: (events: AnyYEvent[], transaction: Y.Transaction) => void,
  options: { deep: true },
): void;
export function useYObserver(
  type: AnyYType | undefined,
  handler: (eventOrEvents: never, transaction: Y.Transaction) => void,
  { deep = false }: { deep?: boolean } = {},
): void {
  const onChange = useEffectEvent(
    (eventOrEvents: AnyYEvent | AnyYEvent[], transaction: Y.Transaction) =>
      handler(eventOrEvents as never, transaction),
  );
  useEffect(() => {
    if (!type) return;
    return observeY(type, deep, (eventOrEvents, transaction) =>
      onChange(eventOrEvents, transaction),
    );
  }, [type, deep]);
}
