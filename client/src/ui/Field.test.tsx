import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Field, SelectField } from './Field';

afterEach(cleanup);

describe('Field', () => {
  it('labels a select inside it and describes it by its hint and error', () => {
    const onChange = vi.fn();
    render(
      <Field label="Kind" hint="What sort of capacity" error="Pick one">
        <SelectField
          value=""
          options={[
            { value: '', label: 'Not set' },
            { value: 'skills', label: 'Skills' },
          ]}
          onChange={onChange}
        />
      </Field>,
    );
    const select = screen.getByRole('combobox', { name: 'Kind' });
    expect(select.getAttribute('aria-invalid')).toBe('true');
    const described = (select.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['What sort of capacity', 'Pick one']);
    fireEvent.change(select, { target: { value: 'skills' } });
    expect(onChange).toHaveBeenCalledWith('skills');
  });

  it('gives its control the id it is given, for whatever else needs it', () => {
    render(
      <Field id="region-field" label="Region">
        {(control) => <input {...control} />}
      </Field>,
    );
    expect(screen.getByRole('textbox', { name: 'Region' }).id).toBe('region-field');
  });
});
