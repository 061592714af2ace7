import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { PanelHeader } from './PanelHeader';

afterEach(cleanup);

describe('PanelHeader', () => {
  it('labels its panel with the title and closes it from a named button', () => {
    const onClose = vi.fn();
    render(
      <div role="dialog" aria-labelledby="panel-title">
        <PanelHeader
          titleId="panel-title"
          title="Agenda"
          closeLabel="Close agenda"
          onClose={onClose}
        >
          <button type="button">Sound</button>
        </PanelHeader>
      </div>,
    );
    expect(screen.getByRole('dialog', { name: 'Agenda' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sound' })).toBeTruthy();
    const close = screen.getByRole('button', { name: 'Close agenda' });
    expect(close.getAttribute('title')).toBe('Close agenda');
    fireEvent.click(close);
    expect(onClose).toHaveBeenCalledOnce();
  });
});
