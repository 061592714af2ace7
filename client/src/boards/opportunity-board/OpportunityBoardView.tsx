/** The opportunity-board board (issue #3). */
import { useTranslation } from 'react-i18next';
import type { BoardViewProps } from '../boardView';

export default function OpportunityBoardView(_props: BoardViewProps) {
  const { t } = useTranslation();
  return (
    <section
      className="board-view"
      aria-label={t('opportunityBoard.title')}
      data-testid="opportunity-board"
    >
      <h2>{t('opportunityBoard.title')}</h2>
    </section>
  );
}
