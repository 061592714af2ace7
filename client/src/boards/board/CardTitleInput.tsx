/** The title edited on the card itself: a live title field (useLiveTitle) that Enter or Escape leaves. */
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { CARD_TITLE_MAX } from '@shared/doc';
import { useBoardStore } from '@client/store/boardStore';
import { useBoardContext } from './boardContext';
import { useLiveTitle } from './useLiveTitle';

interface CardTitleInputProps {
  cardId: string;
  title: Y.Text;
  /** Called when editing ends with Enter or Escape, to give focus back to the card. */
  onDone: () => void;
}

export function CardTitleInput({ cardId, title, onDone }: CardTitleInputProps) {
  const { t } = useTranslation();
  const { doc } = useBoardContext();
  const stopEditing = useBoardStore((s) => s.stopEditing);
  const { ref, inputProps } = useLiveTitle({ doc, cardId, text: title, autoFocus: true });

  return (
    <textarea
      ref={ref}
      className="card__title-input"
      data-testid="card-title-input"
      aria-label={t('card.titleLabel')}
      placeholder={t('card.titlePlaceholder')}
      maxLength={CARD_TITLE_MAX}
      rows={1}
      spellCheck
      {...inputProps}
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
