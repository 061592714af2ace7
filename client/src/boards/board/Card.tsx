/**
 * One card on the board. Subscribes to ITS card's Y.Map only (position, colour, stacking), its
 * title's Y.Text and its body's fragment, so a change to one card re-renders that card alone.
 */
import { memo, useCallback, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_WIDTH, cardBody, cardTitle, moveCard, readCard, type CardMap } from '@shared/doc';
import { isTextEntryTarget } from '@client/lib/dom';
import { useBoardStore } from '@client/store/boardStore';
import { useYText, useYValue } from '@client/sync/useY';
import { useBoardContext } from './boardContext';
import { CardActions } from './CardActions';
import { CardTitleInput } from './CardTitleInput';
import { StaticRichText } from './StaticRichText';
import { useCardDrag } from './useCardDrag';
import { BodyEditor } from './BodyEditor';
import { CardBadge, CardControls } from '../cardAdornments';

/** Arrow keys move a focused card by this much (Shift: ten times more). */
const KEY_NUDGE = 10;

const readCardParts = (card: CardMap) => ({
  snapshot: readCard(card),
  titleText: cardTitle(card),
  body: cardBody(card),
});

interface CardProps {
  cardId: string;
  card: CardMap;
}

export const Card = memo(function Card({ cardId, card }: CardProps) {
  const { t } = useTranslation();
  const { doc, canEdit, cardSlot: Slot, onOpenCard, onCardMoved } = useBoardContext();
  const { snapshot, titleText, body } = useYValue(card, readCardParts);
  const title = useYText(titleText);

  const selected = useBoardStore((s) => s.selectedCardId === cardId);
  const editingPart = useBoardStore((s) => (s.editing?.cardId === cardId ? s.editing.part : null));
  const editCard = useBoardStore((s) => s.editCard);
  const stopEditing = useBoardStore((s) => s.stopEditing);
  const elementRef = useRef<HTMLElement>(null);

  const focusCard = useCallback(() => elementRef.current?.focus({ preventScroll: true }), []);
  const onTap = useCallback(
    (target: EventTarget | null) => {
      if (target instanceof Element && target.closest('[data-card-part="title"]') && titleText) {
        editCard(cardId, 'title');
      }
    },
    [cardId, editCard, titleText],
  );
  const { dragPosition, onPointerDown } = useCardDrag({
    doc,
    cardId,
    canEdit,
    onTap,
    onMoved: onCardMoved,
  });

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget || !canEdit) return;
    if (event.key === 'Enter' && onOpenCard) {
      event.preventDefault();
      onOpenCard(cardId);
    } else if (event.key === 'Enter' && body) {
      event.preventDefault();
      editCard(cardId, 'body');
    } else if (event.key === 'F2' && titleText) {
      event.preventDefault();
      editCard(cardId, 'title');
    } else if (event.key.startsWith('Arrow') && !isTextEntryTarget(event.target)) {
      event.preventDefault();
      const step = event.shiftKey ? KEY_NUDGE * 10 : KEY_NUDGE;
      const dx = event.key === 'ArrowLeft' ? -step : event.key === 'ArrowRight' ? step : 0;
      const dy = event.key === 'ArrowUp' ? -step : event.key === 'ArrowDown' ? step : 0;
      moveCard(doc, cardId, snapshot.x + dx, snapshot.y + dy);
      onCardMoved?.(cardId);
    }
  };

  const position = dragPosition ?? snapshot;
  const editingBody = editingPart === 'body' && body !== undefined;
  const label = snapshot.createdBy
    ? t('card.labelWithAuthor', { title: title || t('card.untitled'), author: snapshot.createdBy })
    : t('card.label', { title: title || t('card.untitled') });
  const classes = [
    'card',
    `card--${snapshot.color}`,
    selected && 'is-selected',
    dragPosition && 'is-dragging',
    editingPart && 'is-editing',
    canEdit && 'is-editable',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <article
      ref={elementRef}
      className={classes}
      data-testid="card"
      data-card-id={cardId}
      tabIndex={0}
      aria-label={label}
      aria-roledescription={t('card.roleDescription')}
      aria-describedby={canEdit ? `${cardId}-keyhint` : undefined}
      aria-keyshortcuts={canEdit ? 'ArrowUp ArrowDown ArrowLeft ArrowRight Enter F2' : undefined}
      style={{
        transform: `translate3d(${position.x}px, ${position.y}px, 0)`,
        zIndex: snapshot.z,
        width: CARD_WIDTH,
      }}
      onPointerDown={onPointerDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget && !selected) useBoardStore.getState().selectCard(cardId);
      }}
      onKeyDown={onKeyDown}
      onDoubleClick={(e) => {
        if (!onOpenCard || (e.target instanceof Element && e.target.closest('input, a[href]')))
          return;
        e.stopPropagation();
        onOpenCard(cardId);
      }}
    >
      {canEdit && selected && !editingBody && !dragPosition && (
        <CardActions cardId={cardId} color={snapshot.color} />
      )}
      {Slot && <Slot cardId={cardId} card={card} />}
      <CardBadge cardId={cardId} title={title} doc={doc} />
      {canEdit && (
        // Shown while the card has the keyboard's focus: how to move and edit it without a mouse.
        <span className="card__keyhint" id={`${cardId}-keyhint`} data-testid="card-keyhint">
          {t('card.keyHint')}
        </span>
      )}
      <div className="card__title" data-card-part="title">
        {editingPart === 'title' && titleText && canEdit ? (
          <CardTitleInput cardId={cardId} title={titleText} onDone={focusCard} />
        ) : (
          <h3
            className={title ? 'card__title-text' : 'card__title-text is-empty'}
            data-testid="card-title"
            title={canEdit ? t('card.editTitle') : undefined}
          >
            {title || (canEdit ? t('card.titlePlaceholder') : '')}
          </h3>
        )}
      </div>
      <div
        className="card__body"
        data-testid="card-body"
        role="group"
        aria-label={t('card.bodyLabel')}
        onDoubleClick={(e) => {
          if (onOpenCard || !canEdit || !body || editingBody) return;
          e.stopPropagation();
          editCard(cardId, 'body');
        }}
      >
        {body &&
          (editingBody ? (
            <BodyEditor
              body={body}
              onDone={() => {
                stopEditing(cardId);
                focusCard();
              }}
            />
          ) : (
            <StaticRichText
              body={body}
              placeholder={canEdit && selected ? t('card.bodyPlaceholder') : undefined}
            />
          ))}
      </div>
      <CardControls cardId={cardId} title={title} doc={doc} />
      {snapshot.createdBy && (
        <footer className="card__author">{t('card.by', { author: snapshot.createdBy })}</footer>
      )}
    </article>
  );
});
