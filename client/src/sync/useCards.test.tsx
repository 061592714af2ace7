import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import * as Y from 'yjs';
import {
  cardsMap,
  cardTitle,
  createCapacity,
  createCard,
  deleteCard,
  readCapacity,
  setCardTitle,
  updateCapacity,
} from '@shared/doc';
import { useCard, useCardsAdded, useCardsOfType } from './useCards';
import { useYText } from './useY';

afterEach(cleanup);

function twoReplicas() {
  const local = new Y.Doc();
  const remote = new Y.Doc();
  remote.on('update', (update: Uint8Array) => Y.applyUpdate(local, update, 'remote'));
  return { local, remote };
}

function CardTitle({ doc, id }: { doc: Y.Doc; id: string }) {
  const card = useCard(doc, id);
  const title = useYText(card ? cardTitle(card) : undefined);
  return <p>{card ? title : 'gone'}</p>;
}

function Capacities({ doc }: { doc: Y.Doc }) {
  const { list } = useCardsOfType(doc, 'capacity', readCapacity);
  return (
    <ul>
      {list.map((c) => (
        <li key={c.id}>
          {c.title} ({c.kind || 'no kind'})
        </li>
      ))}
    </ul>
  );
}

describe('cards hooks', () => {
  it('useCard follows one card through a remote edit and removal, and another id', () => {
    const { local, remote } = twoReplicas();
    const a = createCard(remote, { title: 'Photonics' });
    const b = createCard(remote, { title: 'Tourism' });
    const { rerender } = render(<CardTitle doc={local} id={a} />);
    expect(screen.getByRole('paragraph').textContent).toBe('Photonics');
    act(() => setCardTitle(remote, a, 'Photonics cluster'));
    expect(screen.getByRole('paragraph').textContent).toBe('Photonics cluster');
    rerender(<CardTitle doc={local} id={b} />);
    expect(screen.getByRole('paragraph').textContent).toBe('Tourism');
    act(() => deleteCard(remote, b));
    expect(screen.getByRole('paragraph').textContent).toBe('gone');
  });

  it('useCardsOfType lists the cards of one type in creation order, kept current', () => {
    const { local, remote } = twoReplicas();
    createCapacity(remote, { title: 'University' });
    createCard(remote, { title: 'A note' });
    const id = createCapacity(remote, { title: 'Port' });
    render(<Capacities doc={local} />);
    const items = () => screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items()).toEqual(['University (no kind)', 'Port (no kind)']);
    act(() => updateCapacity(remote, id, { kind: 'infrastructure' }));
    expect(items()).toEqual(['University (no kind)', 'Port (infrastructure)']);
    act(() => deleteCard(remote, id));
    expect(items()).toEqual(['University (no kind)']);
  });

  it('useCardsAdded names the cards added together, and stops on unmount', () => {
    const { local, remote } = twoReplicas();
    const handler = vi.fn();
    function Watcher() {
      useCardsAdded(local, (ids, transaction) => handler([...ids].sort(), transaction.local));
      return null;
    }
    const { unmount } = render(<Watcher />);
    let ids: string[] = [];
    act(() => {
      remote.transact(() => {
        ids = [createCard(remote, { title: 'One' }), createCard(remote, { title: 'Two' })];
      });
    });
    expect(handler).toHaveBeenLastCalledWith(ids.sort(), false);
    act(() => deleteCard(remote, ids[0]!));
    expect(handler).toHaveBeenLastCalledWith([], false);
    unmount();
    expect(cardsMap(local)._eH.l.length).toBe(0);
    act(() => void createCard(remote, { title: 'Three' }));
    expect(handler).toHaveBeenCalledTimes(2);
  });
});
