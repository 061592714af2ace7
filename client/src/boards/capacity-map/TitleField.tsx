/**
 * A capacity's title as a text field bound to its Y.Text: each input becomes the smallest splice
 * (setCardTitle → applyTextChange), and a peer's typing is merged in with the caret kept in place.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { CARD_TITLE_MAX, setCardTitle } from '../../../../shared/doc';
import { transformCaret, type TextDeltaOp } from '../board/caretTransform';

interface TitleFieldProps {
  id: string;
  doc: Y.Doc;
  cardId: string;
  text: Y.Text;
  placeholder: string;
  autoFocus: boolean;
  /** Enter: leave the title (e.g. to the next field). */
  onEnter?: () => void;
}

const oneLine = (value: string) => value.replace(/\r?\n/g, ' ');

function fitHeight(area: HTMLTextAreaElement): void {
  area.style.height = 'auto';
  area.style.height = `${area.scrollHeight}px`;
}

export function TitleField({
  id,
  doc,
  cardId,
  text,
  placeholder,
  autoFocus,
  onEnter,
}: TitleFieldProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);

  useLayoutEffect(() => {
    const area = ref.current;
    if (!area) return;
    area.value = text.toString();
    fitHeight(area);
    if (autoFocus) {
      area.focus({ preventScroll: true });
      area.setSelectionRange(area.value.length, area.value.length);
    }
  }, [text, autoFocus]);

  useEffect(() => {
    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      const area = ref.current;
      if (!area || composing.current) return;
      const next = text.toString();
      if (area.value === next) return;
      // An undo is local but not typed here: take it as it is.
      const focused = document.activeElement === area;
      const delta = event.delta as TextDeltaOp[];
      const start = transformCaret(area.selectionStart, delta);
      const end = transformCaret(area.selectionEnd, delta);
      area.value = next;
      fitHeight(area);
      if (focused && !transaction.local) area.setSelectionRange(start, end);
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text]);

  const commit = (area: HTMLTextAreaElement) => {
    const value = oneLine(area.value).slice(0, CARD_TITLE_MAX);
    if (value !== area.value) {
      const caret = area.selectionStart;
      area.value = value;
      area.setSelectionRange(caret, caret);
    }
    setCardTitle(doc, cardId, value);
    fitHeight(area);
  };

  return (
    <textarea
      ref={ref}
      id={id}
      className="cmap-panel__title-input"
      data-testid="capacity-title-input"
      placeholder={placeholder}
      maxLength={CARD_TITLE_MAX}
      rows={1}
      spellCheck
      onInput={(e) => {
        if (!composing.current) commit(e.currentTarget);
      }}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={(e) => {
        composing.current = false;
        commit(e.currentTarget);
      }}
      onKeyDown={(e) => {
        if (e.nativeEvent.isComposing) return;
        if (e.key === 'Enter') {
          e.preventDefault();
          onEnter?.();
        }
      }}
    />
  );
}
