/**
 * A text field over a shared value: it keeps its own draft while focused (so a peer's edit does not
 * move the caret, and a half-typed value is not validated), and commits on blur or Enter. Escape
 * puts the shared value back. A commit may refuse the value with a message shown under the field.
 */
import { useId, useState, type InputHTMLAttributes } from 'react';

type BaseProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'defaultValue' | 'onChange' | 'onBlur' | 'onFocus'
>;

export interface DraftInputProps extends BaseProps {
  value: string;
  /** Returns an error message to refuse the value, nothing to accept it. */
  onCommit: (value: string) => string | null | undefined | void;
  /** Applied to every keystroke (e.g. upper-casing a NUTS code). */
  transform?: (value: string) => string;
  /** Where the error is shown: under the field (default) or not at all (the caller shows it). */
  showError?: boolean;
}

export function DraftInput({
  value,
  onCommit,
  transform,
  showError = true,
  className = 'field__input',
  ...rest
}: DraftInputProps) {
  const errorId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const commit = (next: string) => {
    if (next === value) {
      setDraft(null);
      setError(null);
      return true;
    }
    const refused = onCommit(next);
    if (refused) {
      setError(refused);
      return false;
    }
    setDraft(null);
    setError(null);
    return true;
  };

  return (
    <>
      <input
        {...rest}
        className={className}
        value={draft ?? value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error && showError ? errorId : rest['aria-describedby']}
        onFocus={() => setDraft(value)}
        onChange={(e) => {
          setDraft(transform ? transform(e.target.value) : e.target.value);
          setError(null);
        }}
        onBlur={(e) => {
          if (draft !== null) commit(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          rest.onKeyDown?.(e);
          if (e.defaultPrevented || e.nativeEvent.isComposing) return;
          if (e.key === 'Enter') {
            e.preventDefault();
            if (commit(e.currentTarget.value)) setDraft(e.currentTarget.value);
          } else if (e.key === 'Escape' && draft !== null && draft !== value) {
            e.preventDefault();
            e.stopPropagation();
            setDraft(value);
            setError(null);
          }
        }}
      />
      {error && showError && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
