import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import '@client/i18n';
import { DragAndDrop, isDragging, useDraggableItem, useDropZone } from './dragAndDrop';

afterEach(cleanup);

// happy-dom lays nothing out: what follows the pointer (the ghost in the drag overlay, whose
// wrapper has position: fixed, top/left/width/height and a translate3d transform) is measured
// from the wrapper's style.
const measure = Element.prototype.getBoundingClientRect;
beforeAll(() => {
  Element.prototype.getBoundingClientRect = function (this: Element) {
    if (!this.classList.contains('drag-ghost')) return measure.call(this);
    const style = (this.parentElement as HTMLElement).style;
    const [, tx = '0', ty = '0'] =
      /translate3d\(([-\d.]+)px, ([-\d.]+)px/.exec(style.transform) ?? [];
    return rect(
      parseFloat(style.left) + Number(tx),
      parseFloat(style.top) + Number(ty),
      parseFloat(style.width),
      parseFloat(style.height),
    );
  };
});
afterAll(() => {
  Element.prototype.getBoundingClientRect = measure;
});

/** Zones side by side: "To do" at x 0, "Doing" at x 300, "Done" at x 600 (happy-dom has no layout). */
const ZONE_X: Record<string, number> = { todo: 0, doing: 300, done: 600 };
const ZONE_NAME: Record<string, string> = { todo: 'To do', doing: 'Doing', done: 'Done' };

function rect(x: number, y: number, width: number, height: number): DOMRect {
  return {
    x,
    y,
    left: x,
    top: y,
    width,
    height,
    right: x + width,
    bottom: y + height,
    toJSON: () => ({}),
  } as DOMRect;
}

function Item({ id, zone }: { id: string; zone: string }) {
  const drag = useDraggableItem({ id, label: `Card ${id}`, from: zone });
  return (
    <li
      ref={(node) => {
        drag.ref(node);
        if (node) node.getBoundingClientRect = () => rect(ZONE_X[zone]! + 10, 10, 200, 40);
      }}
      {...drag.listeners}
    >
      <button type="button" ref={drag.handleRef} {...drag.handleProps}>
        Drag card {id}
      </button>
    </li>
  );
}

function Zone(props: {
  id: string;
  items: string[];
  onDrop: (item: string, zone: string) => void;
}) {
  const zone = useDropZone({
    id: props.id,
    label: ZONE_NAME[props.id]!,
    onDrop: (item) => props.onDrop(item, props.id),
  });
  return (
    <ul
      data-testid={props.id}
      ref={(node) => {
        zone.ref(node);
        if (node) node.getBoundingClientRect = () => rect(ZONE_X[props.id]!, 0, 220, 400);
      }}
    >
      {props.items.map((id) => (
        <Item key={id} id={id} zone={props.id} />
      ))}
    </ul>
  );
}

function Board({ onDrop }: { onDrop?: (item: string, zone: string) => void }) {
  const [where, setWhere] = useState<Record<string, string>>({ a: 'todo', b: 'doing' });
  const move = (item: string, zone: string) => {
    onDrop?.(item, zone);
    setWhere((w) => ({ ...w, [item]: zone }));
  };
  return (
    <DragAndDrop>
      {Object.keys(ZONE_X).map((zone) => (
        <Zone
          key={zone}
          id={zone}
          items={Object.keys(where).filter((item) => where[item] === zone)}
          onDrop={move}
        />
      ))}
    </DragAndDrop>
  );
}

const flush = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

async function press(target: Document | Element, code: string) {
  await act(async () => {
    fireEvent.keyDown(target, { code, key: code === 'Space' ? ' ' : code });
  });
  await flush();
}

/** Everything said in the live region so far (it keeps only the last message). */
function listen(): () => string[] {
  const said: string[] = [];
  const observer = new MutationObserver(() => {
    const text = document.querySelector('[role="status"]')?.textContent ?? '';
    if (text && said.at(-1) !== text) said.push(text);
  });
  observer.observe(document.body, { childList: true, characterData: true, subtree: true });
  return () => said;
}

describe('DragAndDrop', () => {
  it('moves an item from the keyboard: Space picks it up, an arrow carries it, Space drops it', async () => {
    const onDrop = vi.fn();
    render(<Board onDrop={onDrop} />);
    const said = listen();
    const handle = screen.getByText('Drag card a');
    expect(handle.getAttribute('aria-roledescription')).toBe('draggable');
    const instructions = document.getElementById(handle.getAttribute('aria-describedby')!);
    expect(instructions?.textContent).toContain('press Space');
    handle.focus();

    await press(handle, 'Space');
    expect(isDragging()).toBe(true);
    expect(said()).toContain('Picked up Card a.');
    await press(document, 'ArrowRight');
    expect(said()).toContain('Card a is over Doing.');
    await press(document, 'ArrowRight');
    expect(said()).toContain('Card a is over Done.');
    await press(document, 'Space');

    expect(isDragging()).toBe(false);
    expect(onDrop).toHaveBeenCalledWith('a', 'done');
    expect(said()).toContain('Card a was dropped on Done.');
    expect(screen.getByTestId('done').textContent).toContain('Drag card a');
  });

  it('puts the item back on Escape, and a drop where it came from changes nothing', async () => {
    const onDrop = vi.fn();
    render(<Board onDrop={onDrop} />);
    const said = listen();
    const handle = screen.getByText('Drag card b');
    handle.focus();
    await press(handle, 'Space');
    await press(document, 'ArrowLeft');
    await press(document, 'Escape');
    expect(onDrop).not.toHaveBeenCalled();
    expect(said()).toContain('Dragging was cancelled: Card b stays where it was.');
    expect(isDragging()).toBe(false);

    await press(handle, 'Space');
    await press(document, 'Space');
    expect(onDrop).not.toHaveBeenCalled();
    expect(screen.getByTestId('doing').textContent).toContain('Drag card b');
  });

  it('leaves a key pressed elsewhere in the item alone', async () => {
    render(<Board />);
    const item = screen.getByText('Drag card a').closest('li')!;
    await press(item, 'Space');
    expect(isDragging()).toBe(false);
  });
});
