import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addHolder,
  addRegion,
  cardsMap,
  createActivity,
  createCapacity,
  linkToActivity,
  setCardTitle,
  updateCapacity,
} from '@shared/doc';
import { observeY, type AnyYEvent } from '@client/sync/useY';
import { cellKey, deriveCapacityIndex, movesNoCapacity, NO_REGION_ROW } from './capacityIndex';
import { NO_FILTERS, NOT_SET_FILTER } from './capacityMapStore';

function workshop() {
  const doc = new Y.Doc();
  const north = addRegion(doc, { name: 'North', country: '', nuts: '' });
  const uni = createCapacity(doc, {
    title: 'University',
    regionId: north,
    kind: 'research',
    holders: [{ name: 'Tech Uni', helix: 'research' }],
  });
  const port = createCapacity(doc, { title: 'Port', regionId: north, kind: 'infrastructure' });
  const loose = createCapacity(doc, { title: 'Lost region', regionId: 'removed-region' });
  const activity = createActivity(doc, { title: 'Green port' });
  linkToActivity(doc, activity, 'capacity', port);
  return { doc, north, uni, port, loose, activity };
}

describe('the capacity map index', () => {
  it('places capacities by region and kind, counts links, and keeps what did not change', () => {
    const { doc, north, uni, port, loose } = workshop();
    const first = deriveCapacityIndex(doc, NO_FILTERS);
    expect(first.cells.get(cellKey(north, 'research'))).toEqual([uni]);
    expect(first.cells.get(cellKey(north, 'infrastructure'))).toEqual([port]);
    // A region that is gone: the row without a region, kind not set.
    expect(first.cells.get(cellKey(NO_REGION_ROW, ''))).toEqual([loose]);
    expect(first.links.get(port)).toBe(1);
    expect(first.summary).toMatchObject({ total: 3, shown: 3, kindNotSet: 1 });

    // Nothing it shows changed: the same value.
    setCardTitle(doc, uni, 'University of the North');
    expect(deriveCapacityIndex(doc, NO_FILTERS, first)).toBe(first);

    // A move between cells: new lists for the two cells, the others and the counts kept.
    updateCapacity(doc, uni, { kind: 'skills' });
    const second = deriveCapacityIndex(doc, NO_FILTERS, first);
    expect(second.cells.get(cellKey(north, 'skills'))).toEqual([uni]);
    expect(second.cells.has(cellKey(north, 'research'))).toBe(false);
    expect(second.cells.get(cellKey(north, 'infrastructure'))).toBe(
      first.cells.get(cellKey(north, 'infrastructure')),
    );
    expect(second.links).toBe(first.links);
  });

  it('filters by region, kind, helix and text (title or holder)', () => {
    const { doc, north, uni, port, loose } = workshop();
    addHolder(doc, port, { name: 'Harbour board', helix: 'government' });
    const ids = (filters: Partial<typeof NO_FILTERS>) =>
      [...deriveCapacityIndex(doc, { ...NO_FILTERS, ...filters }).cells.values()].flat().sort();
    expect(ids({ regionId: north })).toEqual([uni, port].sort());
    expect(ids({ kind: NOT_SET_FILTER })).toEqual([loose]);
    expect(ids({ helix: 'research' })).toEqual([uni]);
    expect(ids({ search: 'harbour' })).toEqual([port]);
    expect(ids({ search: 'LOST' })).toEqual([loose]);
  });

  it('knows the changes that move no card: typing, and the edit time that comes with it', () => {
    const { doc, uni } = workshop();
    const batches: AnyYEvent[][] = [];
    const stop = observeY(cardsMap(doc), true, (events) => batches.push(events as AnyYEvent[]));
    setCardTitle(doc, uni, 'University!');
    updateCapacity(doc, uni, { kind: 'skills' });
    stop();
    expect(batches.map(movesNoCapacity)).toEqual([true, false]);
  });
});
