/**
 * A card title as a one-line textarea bound to the card's Y.Text (the card's own title editor and
 * the capacity panel's title): each input becomes the smallest splice (setCardTitle →
 * applyTextChange), a peer's typing or an undo is merged in with the caret kept in place, IME
 * composition commits once it ends, and text past the limit (a long paste) is cut and reported.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { CARD_TITLE_MAX, setCardTitle } from '@shared/doc';
import { useYObserver } from '@client/sync/useY';
import { transformCaret, type TextDeltaOp } from './caretTransform';

/** Titles are one line; a pasted line break becomes a space. */
const oneLine = (value: string) => value.replace(/\r?\n/g, ' ');

function fitHeight(area: HTMLTextAreaElement): void {
  area.style.height = 'auto';
  area.style.height = `${area.scrollHeight}px`;
}

export function useLiveTitle({
  doc,
  cardId,
  text,
  autoFocus,
}: {
  doc: Y.Doc;
  cardId: string;
  text: Y.Text;
  /** Focus the field on mount, caret at the end. */
  autoFocus: boolean;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);
  const [length, setLength] = useState(() => text.length);
  /** Characters past the limit were just dropped (a long paste). */
  const [cut, setCut] = useState(false);

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

  useYObserver(text, (event, transaction) => {
    const area = ref.current;
    if (!area || composing.current) return;
    const next = text.toString();
    if (area.value === next) return;
    // An undo is local but not typed here: take it as it is, caret left where the browser puts it.
    const focused = document.activeElement === area;
    const delta = event.delta as TextDeltaOp[];
    const start = transformCaret(area.selectionStart, delta);
    const end = transformCaret(area.selectionEnd, delta);
    area.value = next;
    fitHeight(area);
    setLength(next.length);
    if (focused && !transaction.local) area.setSelectionRange(start, end);
  });

  const commit = (area: HTMLTextAreaElement) => {
    const whole = oneLine(area.value);
    const value = whole.slice(0, CARD_TITLE_MAX);
    setCut(whole.length > CARD_TITLE_MAX);
    setLength(value.length);
    if (value !== area.value) {
      const caret = area.selectionStart;
      area.value = value;
      area.setSelectionRange(caret, caret);
    }
    setCardTitle(doc, cardId, value);
    fitHeight(area);
  };

  /** The textarea's input handlers: typing commits, except in the middle of an IME composition. */
  const inputProps = {
    onInput: (e: { currentTarget: HTMLTextAreaElement }) => {
      if (!composing.current) commit(e.currentTarget);
    },
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: (e: { currentTarget: HTMLTextAreaElement }) => {
      composing.current = false;
      commit(e.currentTarget);
    },
  };

  return { ref, length, cut, inputProps };
}
