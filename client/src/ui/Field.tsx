/**
 * A labelled form row: label, control, optional hint and error. The control is labelled by the
 * label and described by the hint and the error, whatever it is: a child that calls
 * `useFieldControl()` (DraftField, SelectField) or a render function given the ids.
 */
import { createContext, useContext, useId, type ReactNode } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

const FieldContext = createContext<FieldControlProps | null>(null);

/** The id and descriptions a control inside a `Field` takes (null outside one). */
export function useFieldControl(): FieldControlProps | null {
  return useContext(FieldContext);
}

export interface FieldProps {
  label: ReactNode;
  /** The control's id, when something else needs it (else a generated one). */
  id?: string;
  hint?: ReactNode;
  /** A refusal to show under the control (the control is marked invalid). */
  error?: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode | ((control: FieldControlProps) => ReactNode);
}

export function Field({
  label,
  id: givenId,
  hint,
  error,
  className = 'field',
  testId,
  children,
}: FieldProps) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  const control: FieldControlProps = {
    id,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(error ? { 'aria-invalid': true as const } : {}),
  };
  return (
    <div className={className} data-testid={testId}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <FieldContext.Provider value={control}>
        {typeof children === 'function' ? children(control) : children}
      </FieldContext.Provider>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/** A native select inside a `Field` (or labelled by `aria-label` outside one). */
export function SelectField({
  value,
  options,
  onChange,
  disabled,
  className = 'field__input',
  testId,
  'aria-label': ariaLabel,
}: {
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  disabled?: boolean;
  className?: string;
  testId?: string;
  'aria-label'?: string;
}) {
  const control = useFieldControl();
  return (
    <select
      {...control}
      className={className}
      value={value}
      disabled={disabled}
      aria-label={ariaLabel}
      data-testid={testId}
      onChange={(e) => onChange(e.target.value)}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value} disabled={option.disabled}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
