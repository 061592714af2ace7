/**
 * A form field (input or textarea) bound to a Y.Text, for side panels: each input is written through
 * `onText` (a doc operation that applies the smallest splice), and remote edits are merged into the
 * field with the caret kept in place, so two people can type in the same field at once.
 */
import { useLayoutEffect, useRef, type InputHTMLAttributes } from 'react';
import type * as Y from 'yjs';
import { useYObserver } from '@client/sync/useY';
import { transformCaret, type TextDeltaOp } from './caretTransform';

type FieldElement = HTMLInputElement | HTMLTextAreaElement;

interface YTextFieldProps extends Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'className' | 'placeholder' | 'maxLength' | 'readOnly' | 'aria-describedby'
> {
  text: Y.Text;
  /** Writes the new value (e.g. setCardTitle, setActivityText). */
  onText: (value: string) => void;
  multiline?: boolean;
  rows?: number;
  testId?: string;
  autoFocus?: boolean;
}

export function YTextField({
  text,
  onText,
  multiline = false,
  rows = 3,
  testId,
  autoFocus,
  ...attributes
}: YTextFieldProps) {
  const ref = useRef<FieldElement>(null);
  const composing = useRef(false);

  useLayoutEffect(() => {
    const field = ref.current;
    if (field) field.value = text.toString();
  }, [text]);

  useLayoutEffect(() => {
    if (autoFocus) ref.current?.focus({ preventScroll: true });
  }, [autoFocus]);

  useYObserver(text, (event, transaction) => {
    const field = ref.current;
    if (!field || composing.current) return;
    const next = text.toString();
    if (field.value === next) return;
    if (transaction.local && document.activeElement === field) return;
    const delta = event.delta as TextDeltaOp[];
    const start = transformCaret(field.selectionStart ?? 0, delta);
    const end = transformCaret(field.selectionEnd ?? 0, delta);
    field.value = next;
    if (document.activeElement === field) field.setSelectionRange(start, end);
  });

  const common = {
    ...attributes,
    'data-testid': testId,
    onInput: (e: { currentTarget: FieldElement }) => {
      if (!composing.current) onText(e.currentTarget.value);
    },
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: (e: { currentTarget: FieldElement }) => {
      composing.current = false;
      onText(e.currentTarget.value);
    },
  };
  return multiline ? (
    <textarea ref={ref as React.RefObject<HTMLTextAreaElement>} rows={rows} {...common} />
  ) : (
    <input ref={ref as React.RefObject<HTMLInputElement>} {...common} />
  );
}
