import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { Popover } from './Popover';

afterEach(cleanup);

const flush = () => act(() => Promise.resolve());

/** A menu whose item closes it and opens an editor that takes the focus (like "Add action"). */
function MenuThatOpensAnEditor() {
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Add</button>
      {open && (
        <Popover label="Choose" onClose={() => setOpen(false)}>
          <button
            onClick={() => {
              setOpen(false);
              setEditing(true);
            }}
          >
            Item
          </button>
          <button onClick={() => setOpen(false)}>Cancel</button>
        </Popover>
      )}
      {editing && <input aria-label="Editor" autoFocus />}
    </>
  );
}

describe('useReturnFocus', () => {
  it('gives the focus back to the opener when the focus was in the closing shell', async () => {
    render(<MenuThatOpensAnEditor />);
    const opener = screen.getByText('Add');
    opener.focus();
    fireEvent.click(opener);
    expect(document.activeElement).toBe(screen.getByText('Item'));
    fireEvent.click(screen.getByText('Cancel'));
    await flush();
    expect(document.activeElement).toBe(opener);
  });

  it('leaves the focus where something else put it meanwhile', async () => {
    render(<MenuThatOpensAnEditor />);
    const opener = screen.getByText('Add');
    opener.focus();
    fireEvent.click(opener);
    fireEvent.click(screen.getByText('Item'));
    await flush();
    expect(document.activeElement).toBe(screen.getByLabelText('Editor'));
  });
});
