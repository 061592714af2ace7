import { createContext, memo, StrictMode, useCallback, useContext, useMemo, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import * as Y from 'yjs';
import type { AnyYEvent } from './useY';
import { useDerivedPart, useYDerived, type Derived, type YWatch } from './useYDerived';

afterEach(cleanup);

function twoReplicas() {
  const local = new Y.Doc();
  const remote = new Y.Doc();
  remote.on('update', (update: Uint8Array) => Y.applyUpdate(local, update, 'remote'));
  return { local, remote };
}

/** Words by first letter: a derived value whose parts (one list per letter) keep their identity. */
type ByLetter = ReadonlyMap<string, readonly string[]>;
let passes = 0;
function deriveByLetter(words: Y.Array<string>, min: number, previous?: ByLetter): ByLetter {
  passes += 1;
  const next = new Map<string, string[]>();
  for (const word of words.toArray()) {
    if (word.length < min || word.startsWith('_')) continue;
    const letter = word[0]!;
    next.set(letter, [...(next.get(letter) ?? []), word]);
  }
  const out = new Map<string, readonly string[]>();
  let changed = !previous || previous.size !== next.size;
  for (const [letter, list] of next) {
    const before = previous?.get(letter);
    const same = before && before.length === list.length && before.every((w, i) => w === list[i]);
    out.set(letter, same ? before : list);
    if (!same) changed = true;
  }
  return changed || !previous ? out : previous;
}

const Index = createContext<Derived<ByLetter> | null>(null);
const renders = new Map<string, number>();
const Letter = memo(function Letter({ letter }: { letter: string }) {
  const words = useDerivedPart(useContext(Index)!, (value) => value.get(letter) ?? NONE);
  renders.set(letter, (renders.get(letter) ?? 0) + 1);
  return <li>{`${letter}: ${words.join(' ')}`}</li>;
});
const NONE: readonly string[] = [];

/** Words starting with _ are never shown: adding them cannot change the value (like typing in a title). */
const quiet = (events: AnyYEvent[]) =>
  events.every((e) =>
    e.changes.delta.every(
      (d) =>
        d.retain !== undefined ||
        (Array.isArray(d.insert) && d.insert.every((w) => String(w).startsWith('_'))),
    ),
  );

function Words({ doc, min }: { doc: Y.Doc; min: number }) {
  const words = doc.getArray<string>('words');
  const derive = useCallback(
    (previous?: ByLetter) => deriveByLetter(words, min, previous),
    [words, min],
  );
  const watch = useMemo<YWatch[]>(() => [{ type: words, ignore: quiet }], [words]);
  const index = useYDerived(derive, watch);
  return (
    <Index value={index}>
      <ul>
        {['a', 'b'].map((letter) => (
          <Letter key={letter} letter={letter} />
        ))}
      </ul>
    </Index>
  );
}

const shown = () => screen.getAllByRole('listitem').map((li) => li.textContent);

describe('useYDerived', () => {
  it('derives once per change and re-renders only the parts that changed', async () => {
    const { local, remote } = twoReplicas();
    remote.getArray<string>('words').push(['apple', 'bee']);
    render(
      <StrictMode>
        <Words doc={local} min={1} />
      </StrictMode>,
    );
    expect(shown()).toEqual(['a: apple', 'b: bee']);
    renders.clear();
    passes = 0;

    await act(async () => {
      remote.getArray<string>('words').push(['avocado']);
      remote.getArray<string>('words').push(['apricot']);
    });
    expect(shown()).toEqual(['a: apple avocado apricot', 'b: bee']);
    // Two changes in one task: one pass; b's part kept its identity, so b did not re-render.
    expect(passes).toBe(1);
    expect([...renders.keys()]).toEqual(['a']);

    // A change the watch ignores costs no pass.
    await act(async () => {
      remote.getArray<string>('words').push(['_hidden']);
    });
    expect(passes).toBe(1);
  });

  it('derives again at once for another derive (new filters), and stops watching on unmount', async () => {
    const { local, remote } = twoReplicas();
    remote.getArray<string>('words').push(['an', 'apple', 'be', 'bee']);
    function Filtered() {
      const [min, setMin] = useState(1);
      return (
        <>
          <button type="button" onClick={() => setMin(3)}>
            long words
          </button>
          <Words doc={local} min={min} />
        </>
      );
    }
    const { unmount } = render(<Filtered />);
    expect(shown()).toEqual(['a: an apple', 'b: be bee']);
    act(() => screen.getByRole('button').click());
    expect(shown()).toEqual(['a: apple', 'b: bee']);
    unmount();
    expect(local.getArray('words')._eH.l.length).toBe(0);
  });
});
