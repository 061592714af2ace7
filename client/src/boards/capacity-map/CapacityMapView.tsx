/**
 * The capacity map (issue #3): the capacities of the workshop's regions, by region × kind, with
 * filters, a side panel to edit one, and the S3-Synergy Diamond as a second view of the same cards.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Region } from '@shared/domain/s3';
import {
  CAPACITY_BOARD,
  cardsMap,
  deleteCard,
  listRegions,
  readWorkshopField,
  metaMap,
  regionsArray,
} from '@shared/doc';
import { asUndoStep, getUndoManager } from '@client/sync/undo';
import { useYValue } from '@client/sync/useY';
import type { BoardViewProps } from '../boardView';
import { BoardContext, type BoardContextValue } from '../board/boardContext';
import { CapacityGrid } from './CapacityGrid';
import { useCapacityIndex, useSummary } from './capacityIndex';
import {
  CapacityMapContext,
  useCapacityMap,
  type CapacityMapContextValue,
} from './capacityMapContext';
import { useOwnRegionId } from '@client/connection/usePeople';
import { addCapacityFromToolbar, useCapacityMapStore } from './capacityMapStore';
import { CapacityPanel } from './CapacityPanel';
import { CapacityToolbar } from './CapacityToolbar';
import { UndoToast } from '@client/ui/UndoToast';

/** The capacity just deleted, for the undo toast. */
interface DeletedCapacity {
  id: string;
  title: string;
  at: number;
}
import '@client/styles/capacity-map.css';

const DiamondView = lazy(() => import('./diamond/DiamondView'));
const ImportDialog = lazy(() => import('../import/ImportDialog'));

const readRegions = (regions: Y.Array<Region>) => (regions.doc ? listRegions(regions.doc) : []);
const readField = (meta: Y.Map<unknown>) => (meta.doc ? readWorkshopField(meta.doc) : '');

export default function CapacityMapView({ doc, sync, role, canEdit, user }: BoardViewProps) {
  const { t } = useTranslation();
  const regions = useYValue(regionsArray(doc), readRegions);
  const field = useYValue(metaMap(doc), readField);
  const mode = useCapacityMapStore((s) => s.mode);
  const filters = useCapacityMapStore((s) => s.filters);
  const openId = useCapacityMapStore((s) => s.openId);
  const [deleted, setDeleted] = useState<DeletedCapacity | null>(null);
  const [importing, setImporting] = useState(false);
  const index = useCapacityIndex(doc, filters);
  // A new workshop: start from the map, no panel, no filters.
  useEffect(() => () => useCapacityMapStore.setState({ openId: null }), [doc]);

  const deleteCapacity = useCallback(
    (id: string) => {
      const card = cardsMap(doc).get(id);
      const title = card?.get('title')?.toString() ?? '';
      const removed = asUndoStep(doc, () => deleteCard(doc, id, user?.name ?? ''));
      if (!removed) return;
      if (useCapacityMapStore.getState().openId === id) useCapacityMapStore.getState().open(null);
      setDeleted({ id, title, at: Date.now() });
    },
    [doc, user],
  );

  const joinRegionId = useOwnRegionId();
  const addCapacity = useCallback(
    () => addCapacityFromToolbar(doc, user?.name ?? '', joinRegionId),
    [doc, user, joinRegionId],
  );

  const context = useMemo<CapacityMapContextValue>(
    () => ({ doc, index, canEdit, role, user, deleteCapacity }),
    [doc, index, canEdit, role, user, deleteCapacity],
  );
  const boardContext = useMemo<BoardContextValue>(
    () => ({ doc, sync, canEdit, user, boardId: CAPACITY_BOARD }),
    [doc, sync, canEdit, user],
  );

  return (
    <CapacityMapContext value={context}>
      <BoardContext value={boardContext}>
        <section
          className={canEdit ? 'cmap' : 'cmap is-read-only'}
          aria-label={t('capacityMap.title')}
          data-testid="capacity-map"
          data-mode={mode}
        >
          <CapacityToolbar
            regions={regions}
            field={field}
            onAdd={addCapacity}
            onImport={() => setImporting(true)}
          />
          <div className={mode === 'map' && openId ? 'cmap__main has-panel' : 'cmap__main'}>
            {mode === 'map' ? (
              <MapArea regions={regions} />
            ) : (
              <Suspense fallback={<div className="cmap__loading">{t('boards.loading')}</div>}>
                <DiamondView doc={doc} regions={regions} role={role} canEdit={canEdit} />
              </Suspense>
            )}
            {mode === 'map' && openId && (
              <CapacityPanel key={openId} id={openId} regions={regions} />
            )}
          </div>
          {deleted && (
            <UndoToast
              showKey={deleted.at}
              message={
                deleted.title
                  ? t('capacityMap.toast.deleted', { title: deleted.title })
                  : t('capacityMap.toast.deletedUntitled')
              }
              undoLabel={t('capacityMap.toast.undo')}
              dismissLabel={t('capacityMap.toast.dismiss')}
              testId="capacity-undo-toast"
              undoTestId="capacity-undo"
              onUndo={() => {
                getUndoManager(doc).undo();
                setDeleted(null);
              }}
              onClose={() => setDeleted(null)}
            />
          )}
          {importing && user && (
            <Suspense fallback={null}>
              <ImportDialog
                doc={doc}
                target="capacity"
                createdBy={user.name}
                canAddRegions={role === 'facilitator'}
                onClose={() => setImporting(false)}
              />
            </Suspense>
          )}
        </section>
      </BoardContext>
    </CapacityMapContext>
  );
}

function MapArea({ regions }: { regions: Region[] }) {
  const { t } = useTranslation();
  const summary = useSummary(useCapacityMap().index);
  const filters = useCapacityMapStore((s) => s.filters);
  const filtered = filters.regionId || filters.kind || filters.helix || filters.search.trim();
  return (
    <div className="cmap__map">
      {regions.length === 0 && (
        <p className="cmap__notice" data-testid="capacity-no-regions">
          {t('capacityMap.grid.noRegionsYet')}
        </p>
      )}
      {filtered && summary.shown === 0 && summary.total > 0 && (
        <p className="cmap__notice" role="status">
          {t('capacityMap.filters.nothingMatches')}
        </p>
      )}
      <CapacityGrid regions={regions} />
    </div>
  );
}
