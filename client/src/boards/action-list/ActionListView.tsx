/** The action-list board (issue #3). */
import { useTranslation } from 'react-i18next';
import type { BoardViewProps } from '../boardView';

export default function ActionListView(_props: BoardViewProps) {
  const { t } = useTranslation();
  return (
    <section className="board-view" aria-label={t('actionList.title')} data-testid="action-list">
      <h2>{t('actionList.title')}</h2>
    </section>
  );
}
