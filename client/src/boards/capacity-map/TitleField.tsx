/**
 * A capacity's title in its panel: a live title field (useLiveTitle) with a counter near the length
 * limit and a message when text past it (a long paste) was cut.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { CARD_TITLE_MAX } from '@shared/doc';
import { useLiveTitle } from '../board/useLiveTitle';

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

/** The counter shows from this many characters before the limit. */
const COUNTER_FROM = CARD_TITLE_MAX - 50;

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
  const { ref, length, cut, inputProps } = useLiveTitle({ doc, cardId, text, autoFocus });

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
        {...inputProps}
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
