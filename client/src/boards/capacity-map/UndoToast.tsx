/** "Capacity deleted — Undo": shown after a delete for a few seconds. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../app/Icon';

export interface DeletedCapacity {
  id: string;
  title: string;
  at: number;
}

const SHOW_MS = 8000;

export function UndoToast({
  deleted,
  onUndo,
  onClose,
}: {
  deleted: DeletedCapacity;
  onUndo: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = setTimeout(onClose, SHOW_MS);
    return () => clearTimeout(timer);
  }, [onClose]);
  return (
    <div className="cmap-toast" role="status" data-testid="capacity-undo-toast">
      <span className="cmap-toast__text">
        {deleted.title
          ? t('capacityMap.toast.deleted', { title: deleted.title })
          : t('capacityMap.toast.deletedUntitled')}
      </span>
      <button
        type="button"
        className="cmap-toast__undo"
        data-testid="capacity-undo"
        onClick={onUndo}
      >
        {t('capacityMap.toast.undo')}
      </button>
      <button
        type="button"
        className="cmap-toast__close"
        aria-label={t('capacityMap.toast.dismiss')}
        onClick={onClose}
      >
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}
