import { StrictMode, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import * as Y from 'yjs';
import { useYObserver, useYText, useYValue, type AnyYEvent, type AnyYType } from './useY';

afterEach(cleanup);

/** Two replicas of one doc, joined as the provider joins them: each update is applied remotely. */
function twoReplicas() {
  const local = new Y.Doc();
  const remote = new Y.Doc();
  remote.on('update', (update: Uint8Array) => Y.applyUpdate(local, update, 'remote'));
  return { local, remote };
}

/** How many listeners a type has (its own changes, and deep). */
function listeners(type: AnyYType) {
  return { own: type._eH.l.length, deep: type._dEH.l.length };
}

let renders = 0;
function Title({ text }: { text: Y.Text }) {
  renders += 1;
  return <h2>{useYText(text)}</h2>;
}
const countOf = (map: Y.Map<unknown>) => map.size;
function CardCount({ cards }: { cards: Y.Map<unknown> }) {
  return <p>{useYValue(cards, countOf)} cards</p>;
}

describe('doc-reading hooks', () => {
  it('re-render on a remote change, and only the component whose type changed', () => {
    const { local, remote } = twoReplicas();
    render(
      <>
        <Title text={local.getText('title')} />
        <CardCount cards={local.getMap('cards')} />
      </>,
    );
    expect(screen.getByRole('heading').textContent).toBe('');
    const before = renders;
    act(() => remote.getText('title').insert(0, 'Smart specialisation'));
    expect(screen.getByRole('heading').textContent).toBe('Smart specialisation');
    expect(renders).toBe(before + 1);

    act(() => remote.getMap('cards').set('c1', new Y.Map()));
    expect(screen.getByText('1 cards')).toBeTruthy();
    expect(renders).toBe(before + 1);
  });

  it('useYValue re-reads when given another reader (a value of another key)', () => {
    const { local, remote } = twoReplicas();
    remote.getMap<string>('names').set('a', 'Ana');
    remote.getMap<string>('names').set('b', 'Bo');
    function Name({ id }: { id: string }) {
      const [read] = useState(() => (names: Y.Map<string>) => names.get(id));
      return <p>{useYValue(local.getMap<string>('names'), read)}</p>;
    }
    const { rerender } = render(<Name key="x" id="a" />);
    expect(screen.getByRole('paragraph').textContent).toBe('Ana');
    // Same component, a reader over another id: read again although the map did not change.
    function Switch({ id }: { id: string }) {
      const read = (names: Y.Map<string>) => names.get(id);
      return <p>{useYValue(local.getMap<string>('names'), read)}</p>;
    }
    rerender(<Switch id="a" />);
    rerender(<Switch id="b" />);
    expect(screen.getByRole('paragraph').textContent).toBe('Bo');
  });

  it('unmounting stops listening', () => {
    const { local } = twoReplicas();
    const title = local.getText('title');
    const { unmount } = render(
      <StrictMode>
        <Title text={title} />
      </StrictMode>,
    );
    expect(listeners(title).own).toBe(1);
    unmount();
    expect(listeners(title)).toEqual({ own: 0, deep: 0 });
  });
});

describe('useYObserver', () => {
  it('hands over the events of a remote change, with the handler of the last render', () => {
    const { local, remote } = twoReplicas();
    const seen: string[] = [];
    function Field({ prefix }: { prefix: string }) {
      useYObserver(local.getText('title'), (event, transaction) => {
        seen.push(
          `${prefix}${JSON.stringify(event.delta)} ${transaction.local ? 'local' : 'remote'}`,
        );
      });
      return null;
    }
    const { rerender } = render(<Field prefix="a" />);
    act(() => remote.getText('title').insert(0, 'Smart'));
    rerender(<Field prefix="b" />);
    act(() => remote.getText('title').insert(5, ' region'));
    expect(seen).toEqual([
      'a[{"insert":"Smart"}] remote',
      'b[{"retain":5},{"insert":" region"}] remote',
    ]);
  });

  it('with deep, gets the events of everything nested, once per transaction', () => {
    const { local, remote } = twoReplicas();
    const batches: AnyYEvent[][] = [];
    function Watcher() {
      useYObserver(local.getMap('cards'), (events) => batches.push(events), { deep: true });
      return null;
    }
    render(<Watcher />);
    act(() => {
      remote.transact(() => {
        const card = new Y.Map<unknown>();
        remote.getMap('cards').set('c1', card);
        card.set('title', new Y.Text('Photonics'));
      });
    });
    act(() => {
      const card = remote.getMap<Y.Map<unknown>>('cards').get('c1')!;
      (card.get('title') as Y.Text).insert(9, ' cluster');
    });
    expect(batches).toHaveLength(2);
    expect(batches[1]!.map((e) => e.path)).toEqual([['c1', 'title']]);
  });

  it('stops listening on unmount, and follows another type', () => {
    const { local, remote } = twoReplicas();
    const handler = vi.fn();
    function Watcher({ name }: { name: string }) {
      useYObserver(local.getText(name), handler);
      return null;
    }
    const { rerender, unmount } = render(
      <StrictMode>
        <Watcher name="a" />
      </StrictMode>,
    );
    rerender(
      <StrictMode>
        <Watcher name="b" />
      </StrictMode>,
    );
    expect(listeners(local.getText('a')).own).toBe(0);
    act(() => remote.getText('b').insert(0, 'x'));
    expect(handler).toHaveBeenCalledOnce();
    unmount();
    expect(listeners(local.getText('b')).own).toBe(0);
    act(() => remote.getText('b').insert(0, 'y'));
    expect(handler).toHaveBeenCalledOnce();
  });
});
