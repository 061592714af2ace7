import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { StartPage } from '@client/start/StartPage';
import { StatusScreen } from '@client/ui/StatusScreen';
import { parseRoute, usePathname } from '@client/lib/navigation';
import { lazyChunk } from '@client/offline/lazyChunk';

// A workshop (sync, schemas, boards) loads only when one is opened: the start page stays small.
const WorkshopPage = lazyChunk<{ workshopId: string }>(() =>
  import('@client/workshop/WorkshopPage').then((m) => ({ default: m.WorkshopPage })),
);

// The archive is for organisers (and a workshop's outcome): loaded only when opened.
const ArchivePage = lazy(() =>
  import('@client/archive/ArchivePage').then((m) => ({ default: m.ArchivePage })),
);
const RecordPage = lazy(() =>
  import('@client/archive/RecordPage').then((m) => ({ default: m.RecordPage })),
);
const ComparePage = lazy(() =>
  import('@client/archive/ComparePage').then((m) => ({ default: m.ComparePage })),
);

export function App() {
  const { t } = useTranslation();
  const route = parseRoute(usePathname());
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'workshop':
      return (
        <Suspense fallback={<StatusScreen title={t('workshop.loading')} busy />}>
          <WorkshopPage key={route.workshopId} workshopId={route.workshopId} />
        </Suspense>
      );
    case 'archive':
    case 'archiveRecord':
    case 'archiveCompare':
      return (
        <Suspense fallback={<StatusScreen title={t('workshop.loading')} busy />}>
          {route.name === 'archive' && <ArchivePage />}
          {route.name === 'archiveRecord' && (
            <RecordPage key={route.workshopId} workshopId={route.workshopId} />
          )}
          {route.name === 'archiveCompare' && <ComparePage />}
        </Suspense>
      );
    case 'notFound':
      return <StatusScreen title={t('workshop.notFound.title')} tone="warning" />;
  }
}
