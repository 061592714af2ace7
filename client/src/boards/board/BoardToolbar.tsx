/** Board tools (left) and zoom controls (bottom right), floating over the board. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '@client/ui/Icon';
import { useBoardStore } from '@client/store/boardStore';
import { MAX_ZOOM, MIN_ZOOM, ZOOM_STEP } from '@client/lib/viewport';

interface BoardToolbarProps {
  canEdit: boolean;
  onAddCard: () => void;
  /** Default: "Add card". */
  addCardLabel?: string;
  /** More tools after "Add card". */
  extra?: ReactNode;
  onZoom: (factor: number | 'reset') => void;
  onFit: () => void;
}

export function BoardToolbar({
  canEdit,
  onAddCard,
  addCardLabel,
  extra,
  onZoom,
  onFit,
}: BoardToolbarProps) {
  const { t } = useTranslation();
  const zoom = useBoardStore((s) => s.viewport.zoom);
  const stop = (e: { stopPropagation: () => void }) => e.stopPropagation();

  return (
    <>
      {canEdit && (
        <div
          className="floating-bar board-tools"
          role="toolbar"
          aria-label={t('toolbar.label')}
          data-board-ui
          onPointerDown={stop}
          onDoubleClick={stop}
        >
          <button
            type="button"
            className="tool-button tool-button--primary"
            data-testid="add-card"
            title={addCardLabel ?? t('toolbar.addCardHint')}
            onClick={onAddCard}
          >
            <Icon name="note" size={20} />
            <span>{addCardLabel ?? t('toolbar.addCard')}</span>
          </button>
          {extra}
        </div>
      )}
      <div
        className="floating-bar zoom-controls"
        role="toolbar"
        aria-label={t('toolbar.zoomControls')}
        data-board-ui
        onPointerDown={stop}
        onDoubleClick={stop}
      >
        <button
          type="button"
          className="icon-button"
          aria-label={t('toolbar.zoomOut')}
          title={t('toolbar.zoomOut')}
          data-testid="zoom-out"
          disabled={zoom <= MIN_ZOOM + 1e-6}
          onClick={() => onZoom(1 / ZOOM_STEP)}
        >
          <Icon name="minus" />
        </button>
        <button
          type="button"
          className="zoom-controls__level"
          aria-label={t('toolbar.zoomReset')}
          title={t('toolbar.zoomReset')}
          data-testid="zoom-level"
          onClick={() => onZoom('reset')}
        >
          {t('toolbar.zoomLevel', { percent: Math.round(zoom * 100) })}
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('toolbar.zoomIn')}
          title={t('toolbar.zoomIn')}
          data-testid="zoom-in"
          disabled={zoom >= MAX_ZOOM - 1e-6}
          onClick={() => onZoom(ZOOM_STEP)}
        >
          <Icon name="plus" />
        </button>
        <span className="floating-bar__divider" aria-hidden="true" />
        <button
          type="button"
          className="icon-button icon-button--labelled"
          aria-label={t('toolbar.fit')}
          title={t('toolbar.fit')}
          data-testid="zoom-fit"
          onClick={onFit}
        >
          <Icon name="fit" />
          <span>{t('toolbar.fitShort')}</span>
        </button>
      </div>
    </>
  );
}
