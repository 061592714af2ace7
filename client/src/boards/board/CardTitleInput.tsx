/**
 * The card title as a plain text field bound to the card's Y.Text: each input becomes the smallest
 * splice (applyTextChange), and remote edits are merged into the field with the caret kept in place.
 */
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { CARD_TITLE_MAX, setCardTitle } from '@shared/doc';
import { useBoardStore } from '@client/store/boardStore';
import { useYObserver } from '@client/sync/useY';
import { useBoardContext } from './boardContext';
import { transformCaret, type TextDeltaOp } from './caretTransform';

interface CardTitleInputProps {
  cardId: string;
  title: Y.Text;
  /** Called when editing ends with Enter or Escape, to give focus back to the card. */
  onDone: () => void;
}

/** Titles are one line; a pasted line break becomes a space. */
const toTitle = (value: string) => value.replace(/\r?\n/g, ' ');

function fitHeight(area: HTMLTextAreaElement): void {
  area.style.height = 'auto';
  area.style.height = `${area.scrollHeight}px`;
}

export function CardTitleInput({ cardId, title, onDone }: CardTitleInputProps) {
  const { t } = useTranslation();
  const { doc } = useBoardContext();
  const stopEditing = useBoardStore((s) => s.stopEditing);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);

  // First render: the current text, focused, caret at the end.
  useLayoutEffect(() => {
    const area = areaRef.current;
    if (!area) return;
    area.value = title.toString();
    fitHeight(area);
    area.focus({ preventScroll: true });
    area.setSelectionRange(area.value.length, area.value.length);
  }, [title]);

  // Remote changes: merge into the field, moving the caret through the change.
  useYObserver(title, (event, transaction) => {
    const area = areaRef.current;
    if (!area || transaction.local || composing.current) return;
    const next = title.toString();
    if (area.value === next) return;
    const delta = event.delta as TextDeltaOp[];
    const start = transformCaret(area.selectionStart, delta);
    const end = transformCaret(area.selectionEnd, delta);
    area.value = next;
    fitHeight(area);
    if (document.activeElement === area) area.setSelectionRange(start, end);
  });

  const commit = (area: HTMLTextAreaElement) => {
    const value = toTitle(area.value);
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
      ref={areaRef}
      className="card__title-input"
      data-testid="card-title-input"
      aria-label={t('card.titleLabel')}
      placeholder={t('card.titlePlaceholder')}
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
        if (e.key === 'Enter' || e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          stopEditing(cardId);
          onDone();
        }
      }}
      onBlur={() => stopEditing(cardId)}
    />
  );
}
