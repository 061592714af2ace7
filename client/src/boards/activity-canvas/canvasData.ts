/**
 * What the canvas shows, read from the doc in one pass: capacities (rows, grouped by region),
 * opportunities (columns, grouped by group), activities, and the matrix cells that combine them.
 */
import { useMemo } from 'react';
import * as Y from 'yjs';
import {
  activityMatrix,
  cardsMap,
  listOpportunityGroups,
  listRegions,
  opportunityGroupsMap,
  readActivity,
  readCapacity,
  readOpportunity,
  regionsArray,
  byCreation,
  type Activity,
  type Capacity,
  type CardMap,
  type Opportunity,
  type OpportunityGroup,
} from '@shared/doc';
import type { Region } from '@shared/domain/s3';
import { useYValue } from '@client/sync/useY';

export interface CardsSnapshot {
  capacities: Capacity[];
  opportunities: Opportunity[];
  activities: Activity[];
}

function readCards(cards: Y.Map<CardMap>): CardsSnapshot {
  const capacities: Capacity[] = [];
  const opportunities: Opportunity[] = [];
  const activities: Activity[] = [];
  cards.forEach((card) => {
    if (!(card instanceof Y.Map)) return;
    const type = card.get('type');
    if (type === 'capacity') capacities.push(readCapacity(card));
    else if (type === 'opportunity') opportunities.push(readOpportunity(card));
    else if (type === 'activity') activities.push(readActivity(card));
  });
  capacities.sort(byCreation);
  opportunities.sort(byCreation);
  activities.sort(byCreation);
  return { capacities, opportunities, activities };
}

const readRegions = (regions: Y.Array<Region>): Region[] =>
  regions.doc ? listRegions(regions.doc) : [];
const readGroups = (groups: Y.Map<OpportunityGroup>): OpportunityGroup[] =>
  groups.doc ? listOpportunityGroups(groups.doc) : [];

export type RowItem =
  | { kind: 'region'; key: string; name: string; count: number; known: boolean }
  | { kind: 'capacity'; key: string; capacity: Capacity };

export interface ColumnGroup {
  key: string;
  name: string;
  /** Index of the first column and number of columns. */
  start: number;
  count: number;
  grouped: boolean;
}

export interface CanvasData extends CardsSnapshot {
  regions: Region[];
  groups: OpportunityGroup[];
  rows: RowItem[];
  columns: Opportunity[];
  columnGroups: ColumnGroup[];
  cells: Map<string, Activity[]>;
  /** How many activities use each capacity / opportunity. */
  usage: Map<string, number>;
  activityById: Map<string, Activity>;
}

export function useCanvasData(doc: Y.Doc): CanvasData {
  const cards = useYValue(cardsMap(doc), readCards, { deep: true });
  const regions = useYValue(regionsArray(doc), readRegions);
  const groups = useYValue(opportunityGroupsMap(doc), readGroups);
  return useMemo(() => buildCanvas(cards, regions, groups), [cards, regions, groups]);
}

export function buildCanvas(
  { capacities, opportunities, activities }: CardsSnapshot,
  regions: Region[],
  groups: OpportunityGroup[],
): CanvasData {
  // Rows: one band per region (in the workshop's order), then unknown regions, then none.
  const byRegion = new Map<string, Capacity[]>();
  for (const c of capacities) {
    const list = byRegion.get(c.regionId);
    if (list) list.push(c);
    else byRegion.set(c.regionId, [c]);
  }
  const rows: RowItem[] = [];
  const pushBand = (key: string, name: string, list: Capacity[] | undefined, known: boolean) => {
    if (!list || list.length === 0) return;
    rows.push({ kind: 'region', key: `region:${key}`, name, count: list.length, known });
    for (const capacity of list) rows.push({ kind: 'capacity', key: capacity.id, capacity });
  };
  const knownRegions = new Set(regions.map((r) => r.id));
  for (const r of regions) pushBand(r.id, r.name, byRegion.get(r.id), true);
  const removedRegion: Capacity[] = [];
  for (const [regionId, list] of byRegion) {
    if (regionId !== '' && !knownRegions.has(regionId)) removedRegion.push(...list);
  }
  pushBand('removed', '', removedRegion, false);
  pushBand('', '', byRegion.get(''), true);

  // Columns: opportunities by group (in the groups' order), the ungrouped last.
  const knownGroups = new Set(groups.map((g) => g.id));
  const byGroup = new Map<string, Opportunity[]>();
  for (const o of opportunities) {
    const key = knownGroups.has(o.groupId) ? o.groupId : '';
    const list = byGroup.get(key);
    if (list) list.push(o);
    else byGroup.set(key, [o]);
  }
  const columns: Opportunity[] = [];
  const columnGroups: ColumnGroup[] = [];
  const pushGroup = (key: string, name: string, grouped: boolean) => {
    const list = byGroup.get(key);
    if (!list || list.length === 0) return;
    columnGroups.push({ key, name, start: columns.length, count: list.length, grouped });
    columns.push(...list);
  };
  for (const g of groups) pushGroup(g.id, g.name, true);
  pushGroup('', '', false);

  const usage = new Map<string, number>();
  for (const a of activities) {
    for (const id of [...a.capacityIds, ...a.opportunityIds])
      usage.set(id, (usage.get(id) ?? 0) + 1);
  }
  return {
    capacities,
    opportunities,
    activities,
    regions,
    groups,
    rows,
    columns,
    columnGroups,
    cells: activityMatrix(activities),
    usage,
    activityById: new Map(activities.map((a) => [a.id, a])),
  };
}
