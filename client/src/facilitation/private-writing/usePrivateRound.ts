/** The private-writing round in the control state, the room's draft counts, and reveal notices. */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import type { DraftProgress, PrivateRound } from '@shared/control/privateWriting';
import { useWorkshopStore } from '@client/store/workshopStore';
import { useControl, useControlState } from '@client/connection/control';

/** "3 ideas from 2 people so far", with each number's own plural. */
export function progressText(t: TFunction, progress: DraftProgress): string {
  const ideas = t('privateWriting.ideaCount', { count: progress.drafts });
  return t('privateWriting.progress', { ideas, count: progress.authors });
}

export function usePrivateRound(): PrivateRound | null {
  return useControlState()?.privateRound ?? null;
}

const noop = () => () => {};
const NOTICE_MS = 8000;

/** How many drafts by how many people in the open round (null when unknown or none open). */
export function useDraftProgress(round: PrivateRound | null): DraftProgress | null {
  const control = useControl();
  const progress = useSyncExternalStore(
    control?.drafts.subscribe ?? noop,
    () => control?.drafts.getProgress() ?? null,
  );
  return round?.status === 'open' && progress?.roundId === round.id ? progress : null;
}

/**
 * The round this page saw being revealed (not one revealed before it opened), to announce it; and
 * everyone is brought to the board the ideas went to.
 */
export function useRevealNotice(round: PrivateRound | null) {
  const [notice, setNotice] = useState<PrivateRound | null>(null);
  const seenOpen = useRef<string | null>(null);
  const showBoard = useWorkshopStore((s) => s.showBoard);
  // The notice goes by itself after a while (the cards on the board are the lasting news).
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  useEffect(() => {
    if (round?.status === 'open') seenOpen.current = round.id;
    if (round?.status === 'revealed' && seenOpen.current === round.id) {
      seenOpen.current = null;
      setNotice(round);
      showBoard(round.board);
    }
  }, [round, showBoard]);
  return { notice, dismiss: () => setNotice(null) };
}
