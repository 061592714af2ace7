/**
 * A capacity's title as a text field bound to its Y.Text: each input becomes the smallest splice
 * (setCardTitle → applyTextChange), and a peer's typing is merged in with the caret kept in place.
 * Near the length limit a counter shows; text past it (a long paste) is cut with a message.
 */
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { CARD_TITLE_MAX, setCardTitle } from '@shared/doc';
import { useYObserver } from '@client/sync/useY';
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

/** The counter shows from this many characters before the limit. */
const COUNTER_FROM = CARD_TITLE_MAX - 50;

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
  const { t } = useTranslation();
  const limitId = useId();
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
    // An undo is local but not typed here: take it as it is.
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

  const atLimit = cut || length >= CARD_TITLE_MAX;
  return (
    <>
      <textarea
        ref={ref}
        id={id}
        className="cmap-panel__title-input"
        data-testid="capacity-title-input"
        placeholder={placeholder}
        aria-describedby={length >= COUNTER_FROM || cut ? limitId : undefined}
        aria-invalid={cut || undefined}
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
      {(length >= COUNTER_FROM || cut) && (
        <p
          id={limitId}
          className={atLimit ? 'field__error' : 'muted'}
          style={{ fontSize: 13 }}
          role="status"
          data-testid="capacity-title-limit"
        >
          {cut
            ? t('capacityMap.panel.titleCut', { max: CARD_TITLE_MAX })
            : t('capacityMap.panel.titleCount', { count: length, max: CARD_TITLE_MAX })}
        </p>
      )}
    </>
  );
}
