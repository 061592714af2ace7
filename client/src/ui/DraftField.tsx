/**
 * "Edit a draft, then save", the one text field over a shared value. While focused it keeps its own
 * draft, so a peer's edit does not move the caret. The draft is saved when typing pauses (others see
 * it live, and a lock or an archive arriving mid-word does not lose it), on blur, on Enter and when
 * the field unmounts. Escape puts back the value the field had when it was focused. A save may be
 * refused: a message is shown under the field on blur or Enter (a pause refuses quietly, so a
 * half-typed value is not reported), and the draft is kept.
 */
import {
  useEffect,
  useId,
  useRef,
  useState,
  type InputHTMLAttributes,
  type KeyboardEvent,
} from 'react';
import { useFieldControl } from './Field';

/** How long typing must pause before the draft is saved. */
export const SAVE_AFTER_PAUSE_MS = 600;

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement & HTMLTextAreaElement>,
  'value' | 'defaultValue' | 'onChange' | 'onBlur' | 'onFocus' | 'onKeyDown'
>;

/** A message refuses the value and is shown; `false` refuses it silently; anything else accepts. */
export type DraftCommitResult = string | boolean | null | undefined | void;

export interface DraftFieldProps extends InputProps {
  value: string;
  onCommit: (value: string) => DraftCommitResult;
  /** Shown instead of the value while the field is not being edited (a formatted date). */
  display?: string;
  /** Applied to every keystroke (e.g. upper-casing a NUTS code). */
  transform?: (value: string) => string;
  /** A textarea: Enter makes a new line instead of saving. */
  multiline?: boolean;
  /** The textarea's visible lines. */
  rows?: number;
  /** Said under the field while the draft is at `maxLength`. */
  limitMessage?: string;
  limitTestId?: string;
  /** False: the caller shows refusals itself. */
  showError?: boolean;
  testId?: string;
  /** Every keystroke's draft (a live word count); null when editing ends. */
  onDraft?: (draft: string | null) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
}

export function DraftField({
  value,
  onCommit,
  display,
  transform,
  multiline = false,
  limitMessage,
  limitTestId,
  showError = true,
  testId,
  onDraft,
  onKeyDown,
  className = 'field__input',
  maxLength,
  readOnly,
  ...rest
}: DraftFieldProps) {
  const fieldControl = useFieldControl();
  const ownId = useId();
  const errorId = `${ownId}-error`;
  const limitId = `${ownId}-limit`;
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef({ value, onCommit });
  latest.current = { value, onCommit };
  const pause = useRef<{ timer: ReturnType<typeof setTimeout>; text: string } | null>(null);
  /** The value when the field was focused, and whether a save happened since (for Escape). */
  const session = useRef<{ original: string; saved: boolean } | null>(null);

  const cancelPause = () => {
    if (pause.current) clearTimeout(pause.current.timer);
    pause.current = null;
  };
  /** Saves `text` unless unchanged; true when saved or unchanged. */
  const save = (text: string, report: boolean): boolean => {
    cancelPause();
    if (text === latest.current.value) {
      setError(null);
      return true;
    }
    const refused = latest.current.onCommit(text);
    if (refused === false || typeof refused === 'string') {
      if (report && typeof refused === 'string') setError(refused);
      return false;
    }
    if (session.current) session.current.saved = true;
    setError(null);
    return true;
  };
  // Closing a panel mid-word keeps the word.
  useEffect(
    () => () => {
      if (pause.current) save(pause.current.text, false);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const editing = draft !== null;
  const shown = draft ?? (display !== undefined ? display : value);
  const atLimit = !readOnly && editing && maxLength !== undefined && shown.length >= maxLength;
  const describedBy =
    [
      fieldControl?.['aria-describedby'] ?? rest['aria-describedby'],
      error && showError ? errorId : null,
      atLimit && limitMessage ? limitId : null,
    ]
      .filter(Boolean)
      .join(' ') || undefined;

  const props = {
    ...rest,
    id: rest.id ?? fieldControl?.id,
    className,
    maxLength,
    readOnly,
    value: shown,
    ...(testId !== undefined ? { 'data-testid': testId } : {}),
    'aria-describedby': describedBy,
    'aria-invalid': error || fieldControl?.['aria-invalid'] ? true : undefined,
    onFocus: () => {
      session.current = { original: value, saved: false };
      setDraft(value);
    },
    onChange: (e: { target: { value: string } }) => {
      const text = transform ? transform(e.target.value) : e.target.value;
      setDraft(text);
      onDraft?.(text);
      setError(null);
      cancelPause();
      pause.current = { timer: setTimeout(() => save(text, false), SAVE_AFTER_PAUSE_MS), text };
    },
    onBlur: () => {
      if (draft !== null && save(draft, true)) {
        setDraft(null);
        onDraft?.(null);
      }
      session.current = null;
    },
    onKeyDown: (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      onKeyDown?.(e);
      if (e.defaultPrevented || e.nativeEvent.isComposing || readOnly) return;
      if (e.key === 'Enter' && !multiline) {
        e.preventDefault();
        save(draft ?? value, true);
      } else if (e.key === 'Escape' && draft !== null) {
        const original = session.current?.original ?? value;
        if (draft === original && !session.current?.saved) return; // nothing to undo: let Escape close
        e.preventDefault();
        e.stopPropagation();
        cancelPause();
        if (session.current?.saved && original !== latest.current.value) {
          latest.current.onCommit(original);
          session.current.saved = false;
        }
        setDraft(original);
        setError(null);
      }
    },
  };

  return (
    <>
      {multiline ? <textarea {...props} /> : <input {...props} />}
      {error && showError && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
      {atLimit && limitMessage && (
        <p id={limitId} className="field__error" role="status" data-testid={limitTestId}>
          {limitMessage}
        </p>
      )}
    </>
  );
}
