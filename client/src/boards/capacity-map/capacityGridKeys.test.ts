import { describe, expect, it } from 'vitest';
import { moveInCapacityGrid, type CardGrid } from './capacityGridKeys';

/** A map from its cards per cell: counts[row][column]. */
const grid = (counts: number[][]): CardGrid => ({
  rows: counts.length,
  columns: counts[0]!.length,
  count: (row, column) => counts[row]![column]!,
});

// Three regions × three kinds; the middle row has nothing in the first column.
const MAP = grid([
  [3, 1, 0],
  [0, 2, 5],
  [2, 0, 4],
]);
const at = (row: number, column: number, index: number) => ({ row, column, index });

describe('moveInCapacityGrid', () => {
  it('walks down a cell and on into the next cell with cards in the same column', () => {
    expect(moveInCapacityGrid(at(0, 0, 0), { key: 'ArrowDown' }, MAP)).toEqual(at(0, 0, 1));
    // The middle row's cell is empty: the focus goes on to the last row, to its first card.
    expect(moveInCapacityGrid(at(0, 0, 2), { key: 'ArrowDown' }, MAP)).toEqual(at(2, 0, 0));
    expect(moveInCapacityGrid(at(2, 0, 1), { key: 'ArrowDown' }, MAP)).toBeNull();
  });

  it('walks up a cell and on into the last card of the cell above', () => {
    expect(moveInCapacityGrid(at(1, 2, 3), { key: 'ArrowUp' }, MAP)).toEqual(at(1, 2, 2));
    expect(moveInCapacityGrid(at(2, 2, 0), { key: 'ArrowUp' }, MAP)).toEqual(at(1, 2, 4));
    expect(moveInCapacityGrid(at(2, 0, 0), { key: 'ArrowUp' }, MAP)).toEqual(at(0, 0, 2));
    expect(moveInCapacityGrid(at(0, 1, 0), { key: 'ArrowUp' }, MAP)).toBeNull();
  });

  it('goes left and right to the nearest kind with cards in the row, at the nearest place', () => {
    expect(moveInCapacityGrid(at(1, 2, 4), { key: 'ArrowLeft' }, MAP)).toEqual(at(1, 1, 1));
    expect(moveInCapacityGrid(at(1, 1, 1), { key: 'ArrowRight' }, MAP)).toEqual(at(1, 2, 1));
    // Over the empty middle cell of the last row.
    expect(moveInCapacityGrid(at(2, 0, 1), { key: 'ArrowRight' }, MAP)).toEqual(at(2, 2, 1));
    expect(moveInCapacityGrid(at(0, 1, 0), { key: 'ArrowRight' }, MAP)).toBeNull();
    expect(moveInCapacityGrid(at(1, 1, 0), { key: 'ArrowLeft' }, MAP)).toBeNull();
  });

  it('goes to the first and last card of the cell with Home and End, of the map with Ctrl', () => {
    expect(moveInCapacityGrid(at(1, 2, 2), { key: 'Home' }, MAP)).toEqual(at(1, 2, 0));
    expect(moveInCapacityGrid(at(1, 2, 2), { key: 'End' }, MAP)).toEqual(at(1, 2, 4));
    expect(moveInCapacityGrid(at(1, 2, 2), { key: 'Home', ctrlKey: true }, MAP)).toEqual(
      at(0, 0, 0),
    );
    expect(moveInCapacityGrid(at(0, 0, 0), { key: 'End', metaKey: true }, MAP)).toEqual(
      at(2, 2, 3),
    );
  });

  it('leaves other keys alone', () => {
    expect(moveInCapacityGrid(at(0, 0, 0), { key: 'PageDown' }, MAP)).toBeNull();
    expect(moveInCapacityGrid(at(0, 0, 0), { key: 'a' }, MAP)).toBeNull();
  });
});
