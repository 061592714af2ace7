import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import '@client/i18n';
import type { Participant } from '@shared/domain/identity';
import { DragAndDrop } from '@client/ui/dragAndDrop';
import { PlanGroup, WaitingPeople } from './PlanGroup';
import type { DraftGroup } from './plan';

afterEach(cleanup);

// happy-dom lays nothing out: the groups stand side by side (300 px apart, the waiting column
// last), a chip at the top of its group, and the drag ghost where the overlay's style puts it.
const measure = Element.prototype.getBoundingClientRect;
const box = (x: number, y: number, width: number, height: number) =>
  ({
    x,
    y,
    left: x,
    top: y,
    width,
    height,
    right: x + width,
    bottom: y + height,
    toJSON: () => ({}),
  }) as DOMRect;
function columnOf(element: Element): number {
  const zone = element.closest('[data-testid="plan-group"], [data-testid="plan-waiting"]');
  return zone ? [...zone.parentElement!.children].indexOf(zone) : -1;
}
beforeAll(() => {
  Element.prototype.getBoundingClientRect = function (this: Element) {
    const testId = this.getAttribute('data-testid');
    if (testId === 'plan-group' || testId === 'plan-waiting')
      return box(columnOf(this) * 300, 0, 260, 400);
    if (testId === 'plan-person') return box(columnOf(this) * 300 + 10, 120, 240, 40);
    if (this.classList.contains('drag-ghost')) {
      const style = (this.parentElement as HTMLElement).style;
      const [, tx = '0', ty = '0'] =
        /translate3d\(([-\d.]+)px, ([-\d.]+)px/.exec(style.transform) ?? [];
      return box(
        parseFloat(style.left) + Number(tx),
        parseFloat(style.top) + Number(ty),
        parseFloat(style.width),
        parseFloat(style.height),
      );
    }
    return measure.call(this);
  };
});
afterAll(() => {
  Element.prototype.getBoundingClientRect = measure;
});

const person = (id: string, name: string): Participant => ({
  id,
  name,
  organisation: '',
  role: 'participant',
  regionId: '',
  helix: null,
  joinedAt: '2026-01-01T00:00:00.000Z',
  consentToNames: false,
  online: true,
  handRaisedAt: null,
});

const groups: DraftGroup[] = [
  { id: 'g1', name: 'Tourism', memberIds: ['p1'], board: 'notes', cardId: null },
  { id: 'g2', name: 'Energy', memberIds: [], board: 'notes', cardId: null },
];
const anna = person('p1', 'Anna');
const ben = person('p2', 'Ben');

function Plan({ onMove }: { onMove: (personId: string, groupId: string | null) => void }) {
  return (
    <DragAndDrop>
      <ul>
        {groups.map((group, index) => (
          <PlanGroup
            key={group.id}
            group={group}
            index={index}
            groups={groups}
            people={new Map([[anna.id, anna]])}
            regions={[]}
            activities={[]}
            boards={['notes']}
            onRename={() => {}}
            onArea={() => {}}
            onMove={onMove}
          />
        ))}
        <WaitingPeople waiting={[ben]} groups={groups} regions={[]} onMove={onMove} />
      </ul>
    </DragAndDrop>
  );
}

async function press(target: Document | Element, code: string) {
  await act(async () => {
    fireEvent.keyDown(target, { code, key: code === 'Space' ? ' ' : code });
  });
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

describe('PlanGroup drag and drop', () => {
  it('moves a person to the next group from the keyboard (Space, arrow, Space)', async () => {
    const onMove = vi.fn();
    render(<Plan onMove={onMove} />);
    const grip = screen.getByRole('button', { name: 'Drag Anna' });
    grip.focus();
    await press(grip, 'Space');
    await press(document, 'ArrowRight');
    await press(document, 'Space');
    expect(onMove).toHaveBeenCalledWith('p1', 'g2');
  });

  it('moves a waiting person into a group, and keeps the group menu', async () => {
    const onMove = vi.fn();
    render(<Plan onMove={onMove} />);
    const grip = screen.getByRole('button', { name: 'Drag Ben' });
    grip.focus();
    await press(grip, 'Space');
    await press(document, 'ArrowLeft');
    await press(document, 'Space');
    expect(onMove).toHaveBeenCalledWith('p2', 'g2');

    fireEvent.change(screen.getAllByTestId('plan-person-group')[0]!, { target: { value: '' } });
    expect(onMove).toHaveBeenLastCalledWith('p1', null);
  });
});
