/**
 * Which capacities sit in which cell of the map (region × kind, after the filters), and how many
 * transformative activities link each capacity. Derived from the doc after every change (a pass
 * over the cards with shared/doc's readers, about a millisecond for 2,000) by useYDerived, which
 * re-renders each reader only when its own part changed (its cell, its count, the summary), so a
 * remote edit re-renders one card, not the board. Typing in a title or a description moves no card
 * between cells, unless a search is on: then no pass runs at all.
 */
import { useCallback, useMemo } from 'react';
import * as Y from 'yjs';
import {
  byCreation,
  cardsMap,
  cardTitle,
  listRegions,
  numberOr,
  readCapacityHolders,
  readCapacityPlacement,
  readLinkedIds,
  regionsArray,
} from '@shared/doc';
import { CAPACITY_KINDS, NOT_SET, type CapacityKindOrNotSet } from '@shared/domain/s3';
import type { AnyYEvent } from '@client/sync/useY';
import { useDerivedPart, useYDerived, type Derived, type YWatch } from '@client/sync/useYDerived';
import { NO_REGION_FILTER, NOT_SET_FILTER, type CapacityFilters } from './capacityMapStore';

/** The row of capacities without a region, or whose region was removed. */
export const NO_REGION_ROW = '';

export const cellKey = (rowKey: string, kind: CapacityKindOrNotSet) => `${rowKey}|${kind}`;

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

export interface CapacityIndexValue {
  /** The capacity ids of each cell (by cellKey), in creation order. */
  cells: ReadonlyMap<string, string[]>;
  /** How many activities link each capacity. */
  links: ReadonlyMap<string, number>;
  summary: CapacitySummary;
}

export type CapacityIndex = Derived<CapacityIndexValue>;

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, n] of a) if (b.get(key) !== n) return false;
  return true;
}

/**
 * The index for these filters. Whatever did not change keeps its identity from `previous` (each
 * cell's list, the counts, the summary; `previous` itself when nothing changed).
 */
export function deriveCapacityIndex(
  doc: Y.Doc,
  filters: CapacityFilters,
  previous?: CapacityIndexValue,
): CapacityIndexValue {
  const { regionId: regionFilter, kind: kindFilter, helix: helixFilter } = filters;
  const search = filters.search.trim().toLowerCase();
  const wantedRow = regionFilter === NO_REGION_FILTER ? NO_REGION_ROW : regionFilter;
  const wantedKind = kindFilter === NOT_SET_FILTER ? NOT_SET : kindFilter;
  const wantedHelix = helixFilter === NOT_SET_FILTER ? NOT_SET : helixFilter;
  const known = new Set(listRegions(doc).map((r) => r.id));
  const entries: { key: string; id: string; createdAt: number; z: number }[] = [];
  const links = new Map<string, number>();
  let total = 0;
  let kindNotSet = 0;
  cardsMap(doc).forEach((card, id) => {
    if (!(card instanceof Y.Map)) return;
    const type = card.get('type');
    if (type === 'activity') {
      for (const c of readLinkedIds(card, 'capacity')) links.set(c, (links.get(c) ?? 0) + 1);
      return;
    }
    if (type !== 'capacity') return;
    total++;
    const { regionId, kind } = readCapacityPlacement(card);
    const rowKey = known.has(regionId) ? regionId : NO_REGION_ROW;
    if (regionFilter && rowKey !== wantedRow) return;
    if (kindFilter && kind !== wantedKind) return;
    if (helixFilter || search) {
      const holders = readCapacityHolders(card);
      if (helixFilter && !holders.some((h) => h.helix === wantedHelix)) return;
      if (
        search &&
        !(cardTitle(card)?.toString() ?? '').toLowerCase().includes(search) &&
        !holders.some((h) => h.name.toLowerCase().includes(search))
      )
        return;
    }
    if (kind === NOT_SET) kindNotSet++;
    entries.push({
      key: cellKey(rowKey, kind),
      id,
      createdAt: numberOr(card.get('createdAt'), 0),
      z: numberOr(card.get('z'), 0),
    });
  });
  entries.sort(byCreation);

  const cells = new Map<string, string[]>();
  const perRow = new Map<string, number>();
  for (const e of entries) {
    const list = cells.get(e.key);
    if (list) list.push(e.id);
    else cells.set(e.key, [e.id]);
    const row = e.key.slice(0, e.key.lastIndexOf('|'));
    perRow.set(row, (perRow.get(row) ?? 0) + 1);
  }

  let cellsChanged = !previous || previous.cells.size !== cells.size;
  for (const [key, ids] of cells) {
    const before = previous?.cells.get(key);
    if (before && sameIds(before, ids)) cells.set(key, before);
    else cellsChanged = true;
  }
  const summary: CapacitySummary = { total, shown: entries.length, perRow, kindNotSet };
  const was = previous?.summary;
  const sameSummary =
    was &&
    was.total === total &&
    was.shown === entries.length &&
    was.kindNotSet === kindNotSet &&
    sameCounts(was.perRow, perRow);
  const sameLinks = previous && sameCounts(previous.links, links);
  if (previous && !cellsChanged && sameSummary && sameLinks) return previous;
  return {
    cells: cellsChanged || !previous ? cells : previous.cells,
    links: sameLinks ? previous.links : links,
    summary: sameSummary ? was : summary,
  };
}

/** Typing in a title or a description (and the edit's own "updatedAt") moves no card. */
export function movesNoCapacity(events: AnyYEvent[]): boolean {
  return events.every(
    (e) =>
      e.target instanceof Y.Text ||
      e.target instanceof Y.XmlFragment ||
      e.target instanceof Y.XmlElement ||
      (e instanceof Y.YMapEvent &&
        e.target !== e.currentTarget &&
        [...e.keysChanged].every((key) => key === 'updatedAt')),
  );
}

/** The capacity map's index for these filters, kept current with the doc. */
export function useCapacityIndex(doc: Y.Doc, filters: CapacityFilters): CapacityIndex {
  const derive = useCallback(
    (previous: CapacityIndexValue | undefined) => deriveCapacityIndex(doc, filters, previous),
    [doc, filters],
  );
  const searching = filters.search.trim() !== '';
  const watch = useMemo<YWatch[]>(
    () => [
      { type: cardsMap(doc), deep: true, ignore: searching ? undefined : movesNoCapacity },
      { type: regionsArray(doc) },
    ],
    [doc, searching],
  );
  return useYDerived(derive, watch);
}

export function useCell(
  index: CapacityIndex,
  rowKey: string,
  kind: CapacityKindOrNotSet,
): string[] {
  const key = cellKey(rowKey, kind);
  return useDerivedPart(index, (value) => value.cells.get(key) ?? EMPTY);
}

export function useLinkCount(index: CapacityIndex, id: string): number {
  return useDerivedPart(index, (value) => value.links.get(id) ?? 0);
}

export function useSummary(index: CapacityIndex): CapacitySummary {
  return useDerivedPart(index, (value) => value.summary);
}

export { CAPACITY_KINDS };
