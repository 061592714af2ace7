import { memo, StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import * as Y from 'yjs';
import { useYEntries, type YEntries } from './useYEntries';

afterEach(cleanup);

function twoReplicas() {
  const local = new Y.Doc();
  const remote = new Y.Doc();
  remote.on('update', (update: Uint8Array) => Y.applyUpdate(local, update, 'remote'));
  return { local, remote };
}

interface Item {
  id: string;
  title: string;
  rank: number;
}

/** Items are the maps whose kind is 'item'; others are left out. */
const reads: string[] = [];
function readItem(value: Y.Map<unknown>, id: string): Item | undefined {
  if (!(value instanceof Y.Map) || value.get('kind') !== 'item') return undefined;
  reads.push(id);
  return { id, title: String(value.get('title') ?? ''), rank: Number(value.get('rank') ?? 0) };
}
const byRank = (a: Item, b: Item) => a.rank - b.rank;

function addItem(doc: Y.Doc, id: string, rank: number, kind = 'item') {
  const map = new Y.Map<unknown>();
  doc.getMap<Y.Map<unknown>>('items').set(id, map);
  map.set('kind', kind);
  map.set('rank', rank);
  map.set('title', new Y.Text(id.toUpperCase()));
}

const rowRenders = new Map<string, number>();
const Row = memo(function Row({ item }: { item: Item }) {
  rowRenders.set(item.id, (rowRenders.get(item.id) ?? 0) + 1);
  return <li>{item.title}</li>;
});

let latest: YEntries<Item> | null = null;
function List({ doc }: { doc: Y.Doc }) {
  const entries = useYEntries(doc.getMap<Y.Map<unknown>>('items'), readItem, byRank);
  latest = entries;
  return (
    <ul>
      {entries.list.map((item) => (
        <Row key={item.id} item={item} />
      ))}
    </ul>
  );
}

const shown = () => screen.getAllByRole('listitem').map((li) => li.textContent);

describe('useYEntries', () => {
  it('re-reads only the entries a remote change touched; the others keep their identity', () => {
    const { local, remote } = twoReplicas();
    remote.transact(() => {
      addItem(remote, 'b', 2);
      addItem(remote, 'a', 1);
      addItem(remote, 'n', 0, 'note');
    });
    render(
      <StrictMode>
        <List doc={local} />
      </StrictMode>,
    );
    expect(shown()).toEqual(['A', 'B']);
    const first = latest!;
    rowRenders.clear();
    reads.length = 0;

    // Typing in b's title: b alone is read again and re-rendered.
    act(() => {
      const b = remote.getMap<Y.Map<unknown>>('items').get('b')!;
      (b.get('title') as Y.Text).insert(1, ' (biotech)');
    });
    expect(shown()).toEqual(['A', 'B (biotech)']);
    expect(reads).toEqual(['b']);
    expect(latest!.byKey.get('a')).toBe(first.byKey.get('a'));
    expect([...rowRenders.keys()]).toEqual(['b']);

    // A change to what is not an entry: nothing new at all.
    const before = latest;
    act(() => remote.getMap<Y.Map<unknown>>('items').get('n')!.set('rank', 5));
    expect(latest).toBe(before);

    // An entry comes, one moves in the order, one goes.
    act(() => addItem(remote, 'c', 0));
    expect(shown()).toEqual(['C', 'A', 'B (biotech)']);
    act(() => remote.getMap<Y.Map<unknown>>('items').get('a')!.set('rank', 9));
    expect(shown()).toEqual(['C', 'B (biotech)', 'A']);
    act(() => remote.getMap<Y.Map<unknown>>('items').delete('b'));
    expect(shown()).toEqual(['C', 'A']);
    expect([...latest!.byKey.keys()].sort()).toEqual(['a', 'c']);
  });

  it('stops listening on unmount; mounted again, it reads what changed meanwhile', () => {
    const { local, remote } = twoReplicas();
    addItem(remote, 'a', 1);
    const items = local.getMap<Y.Map<unknown>>('items');
    const first = render(<List doc={local} />);
    first.unmount();
    expect(items._dEH.l.length).toBe(0);
    addItem(remote, 'b', 2);
    render(<List doc={local} />);
    expect(shown()).toEqual(['A', 'B']);
  });
});
