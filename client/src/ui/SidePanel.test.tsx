import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { SidePanel } from './SidePanel';

afterEach(cleanup);

describe('SidePanel', () => {
  it('closes on Escape from a field inside it, and the board behind does not see the key', () => {
    const onClose = vi.fn();
    const onBoardKey = vi.fn();
    render(
      <div onKeyDown={onBoardKey}>
        <SidePanel aria-label="Capacity" onClose={onClose}>
          <input aria-label="Title" />
        </SidePanel>
      </div>,
    );
    expect(screen.getByRole('complementary', { name: 'Capacity' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Title' }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledOnce();
    expect(onBoardKey).not.toHaveBeenCalled();
  });

  it('stays open when a field used the Escape itself (a draft put back)', () => {
    const onClose = vi.fn();
    render(
      <SidePanel aria-label="Action" onClose={onClose}>
        <input aria-label="Title" onKeyDown={(e) => e.key === 'Escape' && e.preventDefault()} />
      </SidePanel>,
    );
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Title' }), { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
  });

  it('stays open while escapeCloses is false, and other keys pass to its own handler', () => {
    const onClose = vi.fn();
    const onKeyDown = vi.fn();
    render(
      <SidePanel
        as="section"
        aria-label="Activity"
        escapeCloses={false}
        onKeyDown={onKeyDown}
        onClose={onClose}
      >
        <button type="button">Back</button>
      </SidePanel>,
    );
    const back = screen.getByRole('button', { name: 'Back' });
    fireEvent.keyDown(back, { key: 'Escape' });
    fireEvent.keyDown(back, { key: 'a' });
    expect(onClose).not.toHaveBeenCalled();
    expect(onKeyDown).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('region', { name: 'Activity' })).toBeTruthy();
  });
});
