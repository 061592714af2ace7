/**
 * One capacity on the map. Subscribes to ITS card only (title, holders, strength…) and to its own
 * "used in N activities" count, so an edit anywhere else does not re-render it.
 */
import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { cardsMap, readCapacity, type CardMap } from '@shared/doc';
import { useYValue } from '@client/sync/useY';
import { useDraggableItem } from '@client/ui/dragAndDrop';
import { cellZoneId, takeFocusOnMount, useCapacityMap } from './capacityMapContext';
import { useCapacityMapStore } from './capacityMapStore';
import { NO_REGION_ROW, useLinkCount } from './capacityIndex';
import { HelixChip, StrengthDots } from './capacityParts';
import { CardBadge, CardControls } from '../cardAdornments';
import { closedLabel } from '../closedLabel';

const MAX_HOLDER_CHIPS = 4;

export const CapacityCard = memo(function CapacityCard({
  id,
  rowKey,
}: {
  id: string;
  rowKey: string;
}) {
  const { t } = useTranslation();
  const { doc, index, canEdit } = useCapacityMap();
  const card = cardsMap(doc).get(id) as CardMap | undefined;
  const capacity = useYValue(card, readCapacity, { deep: true });
  const links = useLinkCount(index, id);
  const open = useCapacityMapStore((s) => s.openId === id);
  const ref = useRef<HTMLElement>(null);
  // Dragged by mouse or touch from anywhere on it, and picked up from the keyboard with Space.
  const drag = useDraggableItem({
    id,
    label: capacity?.title.trim() || t('capacityMap.card.untitled'),
    from: cellZoneId(rowKey, capacity?.kind ?? ''),
    disabled: !canEdit,
  });
  const { ref: dragRef, handleRef } = drag;
  const setRef = useCallback(
    (node: HTMLElement | null) => {
      ref.current = node;
      dragRef(node);
      handleRef(node);
    },
    [dragRef, handleRef],
  );

  useLayoutEffect(() => {
    if (takeFocusOnMount(id)) {
      ref.current?.focus({ preventScroll: true });
      ref.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }, [id]);

  if (!capacity) return null;
  const title = capacity.title.trim();
  const unknownRegion = rowKey === NO_REGION_ROW && capacity.regionId !== '';
  const shown = capacity.holders.slice(0, MAX_HOLDER_CHIPS);
  const more = capacity.holders.length - shown.length;

  return (
    <article
      ref={setRef}
      {...drag.listeners}
      className={`capacity-card${open ? ' is-open' : ''}${drag.isDragging ? ' is-dragging' : ''}`}
      tabIndex={0}
      data-testid="capacity-card"
      data-capacity-id={id}
      data-strength={capacity.strength}
      aria-label={t('capacityMap.card.label', {
        title: title || t('capacityMap.card.untitled'),
        kind: closedLabel(t, 'capacityKind', capacity.kind),
      })}
      aria-roledescription={t('capacityMap.card.roleDescription')}
      aria-describedby={drag.describedBy}
      aria-keyshortcuts={canEdit ? 'Enter Space Delete Alt+ArrowLeft Alt+ArrowRight' : 'Enter'}
      onClick={() => useCapacityMapStore.getState().open(id)}
    >
      <h3
        className={title ? 'capacity-card__title' : 'capacity-card__title is-empty'}
        data-testid="capacity-card-title"
      >
        {title || t('capacityMap.card.untitled')}
      </h3>
      {shown.length > 0 && (
        <ul className="capacity-card__holders" aria-label={t('capacityMap.card.holders')}>
          {shown.map((h) => (
            <li key={h.id}>
              <HelixChip helix={h.helix} name={h.name} />
            </li>
          ))}
          {more > 0 && (
            <li className="capacity-card__more">
              {t('capacityMap.card.moreHolders', { count: more })}
            </li>
          )}
        </ul>
      )}
      <div className="capacity-card__footer">
        <StrengthDots value={capacity.strength} />
        {capacity.field && <span className="capacity-card__tag">{capacity.field}</span>}
        {unknownRegion && (
          <span className="capacity-card__warning">{t('capacityMap.card.regionRemoved')}</span>
        )}
        {links > 0 && (
          <span className="capacity-card__links" data-testid="capacity-card-links">
            {t('capacityMap.card.usedIn', { count: links })}
          </span>
        )}
      </div>
      <CardBadge cardId={id} title={title} doc={doc} />
      <CardControls cardId={id} title={title} doc={doc} />
    </article>
  );
});
