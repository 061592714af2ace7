/**
 * Room-wide effects of the control state on this page: a phase change brings everyone to its
 * board; a change refused because of a lock discards this device's copy and resyncs.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { templateOf } from '@shared/templates/templates';
import { useWorkshopStore } from '@client/store/workshopStore';
import type { WorkshopSync } from '@client/sync/workshopSync';
import { useControlState, useRoom } from '@client/connection/control';
import { rememberLockRefusal } from './Locks';

export function usePhaseNavigation(): void {
  const state = useControlState();
  const { template } = useRoom();
  const seen = useRef<string | null | undefined>(undefined);
  const phaseId = state ? state.agenda.currentPhaseId : undefined;
  const board = state?.agenda.phases.find((p) => p.id === phaseId)?.board;
  useEffect(() => {
    if (phaseId === undefined || phaseId === seen.current) return;
    seen.current = phaseId;
    if (board && templateOf(template).boards.includes(board)) {
      useWorkshopStore.getState().showBoard(board);
    }
  }, [phaseId, board, template]);
}

const noop = () => () => {};

/**
 * The server refused our change (board locked, workshop full): forget the local copy and reload
 * from the server.
 */
export function useLockRefusalRecovery(sync: WorkshopSync | null): void {
  const refused = useSyncExternalStore(sync?.subscribe ?? noop, () => sync?.getRefusal() ?? null);
  useEffect(() => {
    if (!refused || !sync) return;
    rememberLockRefusal(sync.workshopId, refused);
    void sync
      .clearLocalData()
      .catch(() => undefined)
      .finally(() => window.location.reload());
  }, [refused, sync]);
}
