import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef, useState } from 'react';
import { ModalDialog } from './ModalDialog';
import { Popover, useDismiss } from './Popover';
import { usePopover } from './usePopover';

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

  it('with usePopover: a press on its toggle is not outside, so the toggle closes it', async () => {
    function Panel() {
      const popover = usePopover();
      return (
        <div ref={popover.anchorRef}>
          <button aria-expanded={popover.open} onClick={popover.toggle}>
            People
          </button>
          {popover.open && (
            <Popover
              label="People"
              anchorRef={popover.anchorRef}
              onClose={popover.close}
              data-status="running"
            >
              <button>Close</button>
            </Popover>
          )}
        </div>
      );
    }
    render(<Panel />);
    const toggle = screen.getByText('People');
    toggle.focus();
    fireEvent.click(toggle);
    expect(screen.getByRole('dialog', { name: 'People' }).dataset.status).toBe('running');
    fireEvent.pointerDown(toggle);
    expect(screen.getByRole('dialog')).toBeTruthy();
    fireEvent.click(toggle);
    await flush();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });
});

describe('useDismiss', () => {
  it('says whether Escape or a press outside closed it, and listens only while active', () => {
    const onClose = vi.fn();
    function Disclosure({ active }: { active: boolean }) {
      const ref = useRef<HTMLDivElement>(null);
      useDismiss(active, onClose, [ref]);
      return (
        <>
          <div ref={ref}>
            <button>Inside</button>
          </div>
          <button>Outside</button>
        </>
      );
    }
    const { rerender } = render(<Disclosure active={false} />);
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
    rerender(<Disclosure active />);
    fireEvent.pointerDown(screen.getByText('Inside'));
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.pointerDown(screen.getByText('Outside'));
    expect(onClose).toHaveBeenLastCalledWith('outside');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(onClose).toHaveBeenLastCalledWith('escape');
  });
});
