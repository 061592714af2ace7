/**
 * My drafts in the open private-writing round: typed locally at once, saved to the server shortly
 * after typing stops (and on blur), reloaded from the server after a reload or a reconnection. The
 * server holds the only shared copy; nothing goes into the doc until the facilitator reveals.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { randomId } from '@shared/ids';
import type { Draft } from '@shared/control/privateWriting';
import { useControl } from '@client/connection/control';

const SAVE_AFTER_MS = 500;

export interface LocalDraft {
  draftId: string;
  text: string;
  /** `new`: never typed in, not on the server yet. */
  state: 'new' | 'saving' | 'saved' | 'error';
  error?: string;
}

export type DraftsStatus = 'loading' | 'ready' | 'no-identity';

export function useMyDrafts(roundId: string | null) {
  const control = useControl();
  const [drafts, setDrafts] = useState<LocalDraft[]>([]);
  const [status, setStatus] = useState<DraftsStatus>('loading');
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const latest = useRef(drafts);
  latest.current = drafts;

  const patch = useCallback((draftId: string, change: Partial<LocalDraft>) => {
    setDrafts((list) => list.map((d) => (d.draftId === draftId ? { ...d, ...change } : d)));
  }, []);

  const save = useCallback(
    (draftId: string) => {
      const timer = timers.current.get(draftId);
      if (timer) clearTimeout(timer);
      timers.current.delete(draftId);
      const draft = latest.current.find((d) => d.draftId === draftId);
      if (!control || !roundId || !draft || draft.state === 'new') return;
      void control.drafts.put(roundId, draftId, draft.text).then((reply) => {
        // A newer edit may be on its way; only the last answer for the current text counts.
        const now = latest.current.find((d) => d.draftId === draftId);
        if (!now || now.text !== draft.text) return;
        patch(draftId, reply.ok ? { state: 'saved' } : { state: 'error', error: reply.error });
      });
    },
    [control, roundId, patch],
  );

  useEffect(() => {
    setDrafts([]);
    setStatus('loading');
    if (!control || !roundId) return;
    let cancelled = false;
    const load = () => {
      void control.drafts.mine().then((reply) => {
        if (cancelled || !reply.ok) return;
        const mine = reply.value ?? null;
        if (mine === null) {
          setStatus('no-identity');
          return;
        }
        if (mine.roundId !== roundId) return;
        const merged = merge(latest.current, mine.drafts);
        latest.current = merged;
        setDrafts(merged);
        setStatus('ready');
        // Edits typed while the connection was down go now.
        for (const d of merged) if (d.state === 'saving' || d.state === 'error') save(d.draftId);
      });
    };
    load();
    const off = control.drafts.onConnect(load);
    const pending = timers.current;
    return () => {
      cancelled = true;
      off();
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    };
  }, [control, roundId, save]);

  const add = useCallback((): string => {
    const draftId = randomId();
    setDrafts((list) => [...list, { draftId, text: '', state: 'new' }]);
    return draftId;
  }, []);

  const edit = useCallback(
    (draftId: string, text: string) => {
      patch(draftId, { text, state: 'saving', error: undefined });
      const timer = timers.current.get(draftId);
      if (timer) clearTimeout(timer);
      timers.current.set(
        draftId,
        setTimeout(() => save(draftId), SAVE_AFTER_MS),
      );
    },
    [patch, save],
  );

  /** Saves now (on blur), if an edit is waiting. */
  const flush = useCallback(
    (draftId: string) => {
      if (timers.current.has(draftId)) save(draftId);
    },
    [save],
  );

  const remove = useCallback(
    (draftId: string) => {
      const timer = timers.current.get(draftId);
      if (timer) clearTimeout(timer);
      timers.current.delete(draftId);
      const draft = latest.current.find((d) => d.draftId === draftId);
      setDrafts((list) => list.filter((d) => d.draftId !== draftId));
      if (control && roundId && draft && draft.state !== 'new') {
        void control.drafts.remove(roundId, draftId);
      }
    },
    [control, roundId],
  );

  return { drafts, status, add, edit, flush, remove };
}

/** The server's drafts, plus local ones it does not know yet (typed while offline, or new). */
function merge(local: LocalDraft[], server: Draft[]): LocalDraft[] {
  const known = new Set(server.map((d) => d.draftId));
  const fromServer = server.map((d): LocalDraft => {
    const mine = local.find((l) => l.draftId === d.draftId);
    // An edit not yet saved wins over the server's older text.
    return mine && mine.state !== 'saved' ? mine : { ...d, state: 'saved' };
  });
  return [...fromServer, ...local.filter((l) => !known.has(l.draftId))];
}
