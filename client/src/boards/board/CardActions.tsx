/** Colour swatches and delete, above the selected card. */
import { useTranslation } from 'react-i18next';
import { CARD_COLORS, deleteCard, setCardColor, type CardColor } from '@shared/doc';
import { Icon } from '@client/ui/Icon';
import { useBoardStore } from '@client/store/boardStore';
import { asUndoStep } from '@client/sync/undo';
import { useBoardContext } from './boardContext';
import { useCounterScale } from './useCounterScale';

interface CardActionsProps {
  cardId: string;
  color: CardColor;
}

export function CardActions({ cardId, color }: CardActionsProps) {
  const { t } = useTranslation();
  const { doc } = useBoardContext();
  const scale = useCounterScale();
  const setNewCardColor = useBoardStore((s) => s.setNewCardColor);
  const selectCard = useBoardStore((s) => s.selectCard);

  return (
    <div
      className="card-bar"
      role="toolbar"
      aria-label={t('card.actions')}
      data-board-ui
      style={scale}
      onPointerDown={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      {CARD_COLORS.map((option) => (
        <button
          key={option}
          type="button"
          className={`swatch swatch--${option}`}
          aria-label={t('card.color', { color: t(`color.${option}`) })}
          title={t(`color.${option}`)}
          aria-pressed={option === color}
          data-testid={`card-color-${option}`}
          onClick={() => {
            setCardColor(doc, cardId, option);
            setNewCardColor(option);
          }}
        />
      ))}
      <span className="card-bar__divider" aria-hidden="true" />
      <button
        type="button"
        className="card-bar__button card-bar__button--danger"
        aria-label={t('card.delete')}
        title={t('card.delete')}
        data-testid="card-delete"
        onClick={() => {
          asUndoStep(doc, () => deleteCard(doc, cardId));
          selectCard(null);
        }}
      >
        <Icon name="trash" />
      </button>
    </div>
  );
}
