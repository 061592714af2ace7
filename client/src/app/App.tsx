import { useTranslation } from 'react-i18next';
import { StartPage } from '../start/StartPage';
import { StatusScreen } from '../workshop/StatusScreen';
import { WorkshopPage } from '../workshop/WorkshopPage';
import { parseRoute, usePathname } from './navigation';

export function App() {
  const { t } = useTranslation();
  const route = parseRoute(usePathname());
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'workshop':
      return <WorkshopPage key={route.workshopId} workshopId={route.workshopId} />;
    case 'notFound':
      return <StatusScreen title={t('workshop.notFound.title')} tone="warning" />;
  }
}
