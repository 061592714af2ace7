import { describe, expect, it } from 'vitest';
import { moveInGrid } from './gridNavigation';

const shape = { rows: 4, columns: 3 };
const at = (row: number, column: number) => ({ row, column });

describe('moveInGrid', () => {
  it('moves with the arrows and stops at the edges (null: the key is the browser’s)', () => {
    expect(moveInGrid(at(1, 1), { key: 'ArrowDown' }, shape)).toEqual(at(2, 1));
    expect(moveInGrid(at(1, 1), { key: 'ArrowUp' }, shape)).toEqual(at(0, 1));
    expect(moveInGrid(at(1, 1), { key: 'ArrowRight' }, shape)).toEqual(at(1, 2));
    expect(moveInGrid(at(1, 1), { key: 'ArrowLeft' }, shape)).toEqual(at(1, 0));
    expect(moveInGrid(at(3, 2), { key: 'ArrowDown' }, shape)).toBeNull();
    expect(moveInGrid(at(0, 0), { key: 'ArrowLeft' }, shape)).toBeNull();
    expect(moveInGrid(at(0, 0), { key: 'x' }, shape)).toBeNull();
  });

  it('Home/End go to the row’s ends, with Ctrl to the grid’s corners', () => {
    expect(moveInGrid(at(2, 1), { key: 'Home' }, shape)).toEqual(at(2, 0));
    expect(moveInGrid(at(2, 1), { key: 'End' }, shape)).toEqual(at(2, 2));
    expect(moveInGrid(at(2, 1), { key: 'Home', ctrlKey: true }, shape)).toEqual(at(0, 0));
    expect(moveInGrid(at(2, 1), { key: 'End', metaKey: true }, shape)).toEqual(at(3, 2));
  });

  it('pages by pageRows, stopping at the last row', () => {
    const paged = { ...shape, pageRows: 10 };
    expect(moveInGrid(at(1, 1), { key: 'PageDown' }, paged)).toEqual(at(3, 1));
    expect(moveInGrid(at(1, 1), { key: 'PageUp' }, paged)).toEqual(at(0, 1));
    expect(moveInGrid(at(1, 1), { key: 'PageDown' }, shape)).toBeNull();
  });

  it('Tab wraps to the next row when asked, and leaves the grid after the last cell', () => {
    const tabbing = { ...shape, tabMoves: true };
    expect(moveInGrid(at(0, 2), { key: 'Tab' }, tabbing)).toEqual(at(1, 0));
    expect(moveInGrid(at(1, 0), { key: 'Tab', shiftKey: true }, tabbing)).toEqual(at(0, 2));
    expect(moveInGrid(at(3, 2), { key: 'Tab' }, tabbing)).toBeNull();
    expect(moveInGrid(at(0, 0), { key: 'Tab' }, shape)).toBeNull();
  });

  it('jumps over skipped rows (group headings)', () => {
    const grouped = { rows: 5, columns: 2, skipRow: (r: number) => r === 0 || r === 2 };
    expect(moveInGrid(at(1, 0), { key: 'ArrowDown' }, grouped)).toEqual(at(3, 0));
    expect(moveInGrid(at(1, 0), { key: 'ArrowUp' }, grouped)).toBeNull();
    expect(moveInGrid(at(4, 1), { key: 'Home', ctrlKey: true }, grouped)).toEqual(at(1, 0));
  });
});
