/**
 * Learns who we are in a workshop (GET /api/workshops/:id with the token: the person's identity
 * token once they joined, else the link's). Offline, the session remembered from the last visit is
 * used, so the board opens from this device's copy.
 */
import { useCallback, useEffect, useState } from 'react';
import type { WorkshopSession } from '@shared/domain/workshop';
import { ApiRequestError } from '@client/connection/api/errors';
import { fetchWorkshopSession } from '@client/connection/api/workshops';
import { readWorkshopAccess, updateWorkshopAccess } from '@client/store/workshopAccess';

export type SessionState =
  | { status: 'loading' }
  | { status: 'ready'; session: WorkshopSession; offline: boolean }
  | { status: 'invalid' }
  | { status: 'notFound' }
  | { status: 'error' };

export function useWorkshopSession(
  workshopId: string,
  token: string | null,
): SessionState & { retry: () => void } {
  const [state, setState] = useState<SessionState>(() =>
    token ? { status: 'loading' } : { status: 'invalid' },
  );
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    fetchWorkshopSession(workshopId, token).then(
      (session) => {
        if (cancelled) return;
        updateWorkshopAccess(workshopId, { session });
        setState({ status: 'ready', session, offline: false });
      },
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiRequestError) {
          if (error.status === 401 || error.status === 403) setState({ status: 'invalid' });
          else if (error.status === 404 || error.status === 400) setState({ status: 'notFound' });
          else setState({ status: 'error' });
          return;
        }
        const cached = readWorkshopAccess(workshopId);
        const known = cached?.token === token || cached?.identity?.token === token;
        if (known && cached?.session) {
          setState({ status: 'ready', session: cached.session, offline: true });
        } else {
          setState({ status: 'error' });
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [workshopId, token, attempt]);

  return { ...state, retry };
}
