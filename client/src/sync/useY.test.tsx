import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import * as Y from 'yjs';
import { useYText, useYValue } from './useY';

afterEach(cleanup);

/** Two replicas of one doc, joined as the provider joins them: each update is applied remotely. */
function twoReplicas() {
  const local = new Y.Doc();
  const remote = new Y.Doc();
  remote.on('update', (update: Uint8Array) => Y.applyUpdate(local, update, 'remote'));
  return { local, remote };
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
});
