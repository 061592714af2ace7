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

  it('takes the layout classes and the close button test id of a dialog header', () => {
    render(
      <PanelHeader
        titleId="settings-title"
        title="Workshop settings"
        titleClassName="dialog__title"
        className="workshop-settings__header"
        closeLabel="Close settings"
        closeTestId="settings-close"
        onClose={() => {}}
      />,
    );
    const heading = screen.getByRole('heading', { name: 'Workshop settings' });
    expect(heading.className).toBe('dialog__title');
    expect(heading.parentElement?.className).toBe('workshop-settings__header');
    expect(screen.getByTestId('settings-close').getAttribute('aria-label')).toBe('Close settings');
  });
});
