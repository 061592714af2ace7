/** What a person the facilitator removed sees instead of the workshop. */
import { useTranslation } from 'react-i18next';
import { StatusScreen } from '../workshop/StatusScreen';

export function RemovedScreen() {
  const { t } = useTranslation();
  return (
    <StatusScreen
      title={t('people.removed.title')}
      body={t('people.removed.body')}
      tone="warning"
      testId="removed-screen"
    />
  );
}
