/**
 * What a person the facilitator removed sees instead of the workshop. Trying again reloads: if a
 * facilitator let them back in meanwhile, their own token works again (useIdentity checks it).
 */
import { useTranslation } from 'react-i18next';
import { StatusScreen } from '@client/ui/StatusScreen';

export function RemovedScreen() {
  const { t } = useTranslation();
  return (
    <StatusScreen
      title={t('people.removed.title')}
      body={t('people.removed.body')}
      tone="warning"
      testId="removed-screen"
    >
      <button
        type="button"
        className="button"
        data-testid="removed-try-again"
        onClick={() => window.location.reload()}
      >
        {t('people.removed.tryAgain')}
      </button>
    </StatusScreen>
  );
}
