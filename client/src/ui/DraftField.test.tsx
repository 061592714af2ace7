import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { DraftField, SAVE_AFTER_PAUSE_MS } from './DraftField';
import { Field } from './Field';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** A field over a value held like a shared one: each save replaces it. */
function Harness({ onSave, refuse }: { onSave: (v: string) => void; refuse?: string }) {
  const [value, setValue] = useState('Smart grids');
  return (
    <Field label="Title">
      <DraftField
        value={value}
        onCommit={(next) => {
          if (refuse && next.includes(refuse)) return `No "${refuse}" here`;
          onSave(next);
          setValue(next);
        }}
      />
    </Field>
  );
}

describe('DraftField', () => {
  it('is labelled by its Field', () => {
    render(<Harness onSave={() => {}} />);
    expect(screen.getByLabelText('Title')).toHaveProperty('value', 'Smart grids');
  });

  it('saves when typing pauses, once, with the last text', () => {
    vi.useFakeTimers();
    const onSave = vi.fn();
    render(<Harness onSave={onSave} />);
    const input = screen.getByLabelText('Title');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'Smart' } });
    act(() => vi.advanceTimersByTime(SAVE_AFTER_PAUSE_MS / 2));
    fireEvent.change(input, { target: { value: 'Smart ports' } });
    expect(onSave).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(SAVE_AFTER_PAUSE_MS));
    expect(onSave.mock.calls).toEqual([['Smart ports']]);
  });

  it('saves on blur without waiting for the pause', () => {
    const onSave = vi.fn();
    render(<Harness onSave={onSave} />);
    const input = screen.getByLabelText('Title');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'Blue economy' } });
    fireEvent.blur(input);
    expect(onSave.mock.calls).toEqual([['Blue economy']]);
    expect(input).toHaveProperty('value', 'Blue economy');
  });

  it('Escape puts back the value it had when focused, also after a pause saved', () => {
    vi.useFakeTimers();
    const onSave = vi.fn();
    render(<Harness onSave={onSave} />);
    const input = screen.getByLabelText('Title');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'Typo' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input).toHaveProperty('value', 'Smart grids');
    act(() => vi.advanceTimersByTime(SAVE_AFTER_PAUSE_MS * 2));
    expect(onSave).not.toHaveBeenCalled();

    fireEvent.change(input, { target: { value: 'Saved by a pause' } });
    act(() => vi.advanceTimersByTime(SAVE_AFTER_PAUSE_MS));
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(onSave.mock.calls).toEqual([['Saved by a pause'], ['Smart grids']]);
    expect(input).toHaveProperty('value', 'Smart grids');
  });

  it('shows a refusal on blur and keeps the draft; a pause refuses quietly', () => {
    vi.useFakeTimers();
    const onSave = vi.fn();
    render(<Harness onSave={onSave} refuse="!" />);
    const input = screen.getByLabelText('Title');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'Wow!' } });
    act(() => vi.advanceTimersByTime(SAVE_AFTER_PAUSE_MS));
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.blur(input);
    expect(screen.getByRole('alert').textContent).toBe('No "!" here');
    expect(input).toHaveProperty('value', 'Wow!');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('keeps a half-typed word when it unmounts before the pause', () => {
    vi.useFakeTimers();
    const onSave = vi.fn();
    const { unmount } = render(<Harness onSave={onSave} />);
    const input = screen.getByLabelText('Title');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'Half' } });
    unmount();
    expect(onSave.mock.calls).toEqual([['Half']]);
  });
});
