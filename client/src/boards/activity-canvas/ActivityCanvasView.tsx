/** The activity-canvas board (issue #3). */
import { useTranslation } from 'react-i18next';
import type { BoardViewProps } from '../boardView';

export default function ActivityCanvasView(_props: BoardViewProps) {
  const { t } = useTranslation();
  return (
    <section
      className="board-view"
      aria-label={t('activityCanvas.title')}
      data-testid="activity-canvas"
    >
      <h2>{t('activityCanvas.title')}</h2>
    </section>
  );
}
