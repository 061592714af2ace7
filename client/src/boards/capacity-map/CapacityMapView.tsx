/** The capacity-map board (issue #3). */
import { useTranslation } from 'react-i18next';
import type { BoardViewProps } from '../boardView';

export default function CapacityMapView(_props: BoardViewProps) {
  const { t } = useTranslation();
  return (
    <section className="board-view" aria-label={t('capacityMap.title')} data-testid="capacity-map">
      <h2>{t('capacityMap.title')}</h2>
    </section>
  );
}
