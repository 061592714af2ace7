/**
 * Which capacities sit in which cell of the map (region × kind, after the filters), and how many
 * transformative activities link each capacity. Recomputed from the doc after every change (a pass
 * over the cards, about a millisecond for 2,000), but listeners are told only about the cells and
 * counts that actually changed, so a remote edit re-renders one card, not the board.
 */
import { useCallback, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { cardsMap, listRegions, regionsArray, type CardMap } from '@shared/doc';
import {
  CAPACITY_KINDS,
  capacityKindSchema,
  enumOrNotSet,
  helixSchema,
  NOT_SET,
  type CapacityKindOrNotSet,
} from '@shared/domain/s3';
import {
  NO_FILTERS,
  NO_REGION_FILTER,
  NOT_SET_FILTER,
  type CapacityFilters,
} from './capacityMapStore';

/** The row of capacities without a region, or whose region was removed. */
export const NO_REGION_ROW = '';

export const cellKey = (rowKey: string, kind: CapacityKindOrNotSet) => `${rowKey}|${kind}`;

type Listener = () => void;

const EMPTY: string[] = [];

export interface CapacitySummary {
  /** Capacities on the board. */
  total: number;
  /** Capacities left by the filters. */
  shown: number;
  /** Capacities per row (after the filters). */
  perRow: ReadonlyMap<string, number>;
  /** Capacities without a kind (after the filters): the grid shows a "Kind not set" column. */
  kindNotSet: number;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function titleOf(card: CardMap): string {
  const title = card.get('title');
  return title instanceof Y.Text ? title.toString() : '';
}

function holdersOf(card: CardMap): { name: string; helix: string }[] {
  const holders = card.get('holders');
  if (!(holders instanceof Y.Array)) return [];
  return holders
    .toArray()
    .filter(
      (h): h is { name: string; helix: string } =>
        typeof h === 'object' && h !== null && typeof (h as { name?: unknown }).name === 'string',
    );
}

export class CapacityIndex {
  private cells = new Map<string, string[]>();
  private links = new Map<string, number>();
  private summary: CapacitySummary = { total: 0, shown: 0, perRow: new Map(), kindNotSet: 0 };
  private readonly cellListeners = new Map<string, Set<Listener>>();
  private readonly linkListeners = new Map<string, Set<Listener>>();
  private readonly summaryListeners = new Set<Listener>();
  private filters: CapacityFilters = NO_FILTERS;
  private scheduled = false;

  constructor(private readonly doc: Y.Doc) {
    this.recompute();
  }

  /** Starts following the doc; returns the function that stops it. */
  attach(): () => void {
    cardsMap(this.doc).observeDeep(this.onCards);
    regionsArray(this.doc).observe(this.schedule);
    this.recompute();
    return () => {
      cardsMap(this.doc).unobserveDeep(this.onCards);
      regionsArray(this.doc).unobserve(this.schedule);
    };
  }

  setFilters(filters: CapacityFilters): void {
    if (filters === this.filters) return;
    this.filters = filters;
    this.recompute();
  }

  getCell = (key: string): string[] => this.cells.get(key) ?? EMPTY;
  getLinkCount = (id: string): number => this.links.get(id) ?? 0;
  getSummary = (): CapacitySummary => this.summary;

  subscribeCell(key: string, listener: Listener): () => void {
    return this.add(this.cellListeners, key, listener);
  }

  subscribeLinks(id: string, listener: Listener): () => void {
    return this.add(this.linkListeners, id, listener);
  }

  subscribeSummary = (listener: Listener): (() => void) => {
    this.summaryListeners.add(listener);
    return () => this.summaryListeners.delete(listener);
  };

  /** Typing in a title or a description moves no card between cells, unless a search is on. */
  private onCards = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const textOnly = events.every(
      (e) =>
        e.target instanceof Y.Text ||
        e.target instanceof Y.XmlFragment ||
        e.target instanceof Y.XmlElement ||
        // The edit's own "updatedAt" on the card.
        (e instanceof Y.YMapEvent &&
          e.target !== cardsMap(this.doc) &&
          [...e.keysChanged].every((key) => key === 'updatedAt')),
    );
    if (textOnly && !this.filters.search.trim()) return;
    this.schedule();
  };

  /** Several changes in one task (a sync burst) cost one pass. */
  private schedule = () => {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.recompute();
    });
  };

  private add(map: Map<string, Set<Listener>>, key: string, listener: Listener): () => void {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) map.delete(key);
    };
  }

  recompute(): void {
    const { regionId: regionFilter, kind: kindFilter, helix: helixFilter } = this.filters;
    const search = this.filters.search.trim().toLowerCase();
    const known = new Set(listRegions(this.doc).map((r) => r.id));
    const entries: { key: string; id: string; createdAt: number; z: number }[] = [];
    const links = new Map<string, number>();
    let total = 0;
    let kindNotSet = 0;
    cardsMap(this.doc).forEach((card, id) => {
      if (!(card instanceof Y.Map)) return;
      const type = card.get('type');
      if (type === 'activity') {
        const ids = card.get('capacityIds');
        if (ids instanceof Y.Map) for (const c of ids.keys()) links.set(c, (links.get(c) ?? 0) + 1);
        return;
      }
      if (type !== 'capacity') return;
      total++;
      const region = card.get('regionId');
      const rowKey = typeof region === 'string' && known.has(region) ? region : NO_REGION_ROW;
      const kind = enumOrNotSet(capacityKindSchema, card.get('kind'));
      if (regionFilter) {
        const wanted = regionFilter === NO_REGION_FILTER ? NO_REGION_ROW : regionFilter;
        if (rowKey !== wanted) return;
      }
      if (kindFilter && kind !== (kindFilter === NOT_SET_FILTER ? NOT_SET : kindFilter)) return;
      if (helixFilter || search) {
        const holders = holdersOf(card);
        if (
          helixFilter &&
          !holders.some(
            (h) =>
              enumOrNotSet(helixSchema, h.helix) ===
              (helixFilter === NOT_SET_FILTER ? NOT_SET : helixFilter),
          )
        )
          return;
        if (
          search &&
          !titleOf(card).toLowerCase().includes(search) &&
          !holders.some((h) => h.name.toLowerCase().includes(search))
        )
          return;
      }
      if (kind === NOT_SET) kindNotSet++;
      entries.push({
        key: cellKey(rowKey, kind),
        id,
        createdAt: num(card.get('createdAt')),
        z: num(card.get('z')),
      });
    });
    entries.sort((a, b) => a.createdAt - b.createdAt || a.z - b.z || a.id.localeCompare(b.id));

    const next = new Map<string, string[]>();
    const perRow = new Map<string, number>();
    for (const e of entries) {
      const list = next.get(e.key);
      if (list) list.push(e.id);
      else next.set(e.key, [e.id]);
      const row = e.key.slice(0, e.key.lastIndexOf('|'));
      perRow.set(row, (perRow.get(row) ?? 0) + 1);
    }

    const changedCells: string[] = [];
    for (const key of new Set([...this.cells.keys(), ...next.keys()])) {
      const before = this.cells.get(key) ?? EMPTY;
      const after = next.get(key) ?? EMPTY;
      if (sameIds(before, after)) {
        if (next.has(key)) next.set(key, before);
      } else changedCells.push(key);
    }
    const changedLinks: string[] = [];
    for (const id of new Set([...this.links.keys(), ...links.keys()])) {
      if ((this.links.get(id) ?? 0) !== (links.get(id) ?? 0)) changedLinks.push(id);
    }
    const previous = this.summary;
    const summaryChanged =
      previous.total !== total ||
      previous.shown !== entries.length ||
      previous.perRow.size !== perRow.size ||
      previous.kindNotSet !== kindNotSet ||
      [...perRow].some(([row, n]) => previous.perRow.get(row) !== n);

    this.cells = next;
    this.links = links;
    if (summaryChanged) this.summary = { total, shown: entries.length, perRow, kindNotSet };

    for (const key of changedCells) this.cellListeners.get(key)?.forEach((l) => l());
    for (const id of changedLinks) this.linkListeners.get(id)?.forEach((l) => l());
    if (summaryChanged) this.summaryListeners.forEach((l) => l());
  }
}

export function useCell(
  index: CapacityIndex,
  rowKey: string,
  kind: CapacityKindOrNotSet,
): string[] {
  const key = cellKey(rowKey, kind);
  const subscribe = useCallback((l: Listener) => index.subscribeCell(key, l), [index, key]);
  return useSyncExternalStore(subscribe, () => index.getCell(key));
}

export function useLinkCount(index: CapacityIndex, id: string): number {
  const subscribe = useCallback((l: Listener) => index.subscribeLinks(id, l), [index, id]);
  return useSyncExternalStore(subscribe, () => index.getLinkCount(id));
}

export function useSummary(index: CapacityIndex): CapacitySummary {
  return useSyncExternalStore(index.subscribeSummary, index.getSummary);
}

export { CAPACITY_KINDS };
