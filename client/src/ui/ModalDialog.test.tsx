import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { ModalDialog } from './ModalDialog';
import { Popover } from './Popover';

afterEach(cleanup);

function Opener({ onClose }: { onClose?: () => void }) {
  const [open, setOpen] = useState(false);
  const close = () => {
    onClose?.();
    setOpen(false);
  };
  return (
    <>
      <button onClick={() => setOpen(true)}>Open settings</button>
      <button>Behind the dialog</button>
      {open && (
        <ModalDialog label="Settings" onClose={close}>
          <input aria-label="Name" />
          <button onClick={close}>Done</button>
        </ModalDialog>
      )}
    </>
  );
}

const flush = () => act(() => Promise.resolve());

describe('ModalDialog', () => {
  it('focuses its first field, keeps Tab inside and gives the focus back on close', async () => {
    render(<Opener />);
    const opener = screen.getByText('Open settings');
    opener.focus();
    fireEvent.click(opener);
    const name = screen.getByLabelText('Name');
    const done = screen.getByText('Done');
    expect(document.activeElement).toBe(name);

    fireEvent.keyDown(name, { key: 'Tab' });
    expect(document.activeElement).toBe(name); // not the last: the browser moves it, not us
    done.focus();
    fireEvent.keyDown(done, { key: 'Tab' });
    expect(document.activeElement).toBe(name);
    fireEvent.keyDown(name, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(done);

    fireEvent.click(done);
    await flush();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('closes on Escape', async () => {
    const onClose = vi.fn();
    render(<Opener onClose={onClose} />);
    const opener = screen.getByText('Open settings');
    opener.focus();
    fireEvent.click(opener);
    fireEvent.keyDown(screen.getByLabelText('Name'), { key: 'Escape' });
    await flush();
    expect(onClose).toHaveBeenCalledOnce();
    expect(document.activeElement).toBe(opener);
  });
});

describe('Popover', () => {
  function Menu() {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          Export
        </button>
        <button>Elsewhere</button>
        {open && (
          <Popover label="Export" onClose={() => setOpen(false)}>
            <button>As Markdown</button>
          </Popover>
        )}
      </>
    );
  }

  it('takes the focus, closes on Escape and returns the focus to its toggle', async () => {
    render(<Menu />);
    const toggle = screen.getByText('Export');
    toggle.focus();
    fireEvent.click(toggle);
    expect(document.activeElement).toBe(screen.getByText('As Markdown'));
    fireEvent.keyDown(window, { key: 'Escape' });
    await flush();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('closes on a press outside', () => {
    render(<Menu />);
    fireEvent.click(screen.getByText('Export'));
    fireEvent.pointerDown(screen.getByText('Elsewhere'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
