import { useEffect, useState, useSyncExternalStore } from 'react';
import { WorkshopSync, type ConnectionStatus, type SyncRejection } from './workshopSync';

/** Owns a WorkshopSync for as long as the component is mounted with the same workshop and token. */
export function useWorkshopSync(workshopId: string, token: string | null): WorkshopSync | null {
  const [sync, setSync] = useState<WorkshopSync | null>(null);
  useEffect(() => {
    if (!token) return;
    // Created a tick later, so a mount that is undone at once (StrictMode) opens no socket.
    let created: WorkshopSync | null = null;
    const timer = setTimeout(() => {
      created = new WorkshopSync(workshopId, token);
      setSync(created);
    }, 0);
    return () => {
      clearTimeout(timer);
      setSync(null);
      created?.destroy();
    };
  }, [workshopId, token]);
  return sync;
}

const noop = () => () => {};

export function useConnectionStatus(sync: WorkshopSync | null): ConnectionStatus {
  return useSyncExternalStore(sync?.subscribe ?? noop, () => sync?.getStatus() ?? 'connecting');
}

export function useSyncRejection(sync: WorkshopSync | null): SyncRejection | null {
  return useSyncExternalStore(sync?.subscribe ?? noop, () => sync?.getRejection() ?? null);
}

export function useSyncLoaded(sync: WorkshopSync | null): boolean {
  return useSyncExternalStore(sync?.subscribe ?? noop, () => sync?.isLoaded() ?? false);
}
