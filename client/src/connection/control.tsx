/**
 * React access to the workshop's control connection: a context set by the workshop page, hooks that
 * re-render on control state changes, and the offset-corrected server clock.
 */
import { createContext, use, useEffect, useState, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { ControlState } from '@shared/control/state';
import type { QuestionnaireTurnout } from '@shared/control/questionnaires';
import type { VoteTurnout } from '@shared/control/votes';
import type { Role, WorkshopStatus, WorkshopTemplate } from '@shared/domain/workshop';
import { ControlConnection, type ControlStatus } from './controlConnection';

export const ControlContext = createContext<ControlConnection | null>(null);

/** Who is in the room on this page: the presence channel, the role, the template, the doc. */
export interface RoomInfo {
  awareness: Awareness | null;
  /** The workshop's doc once its sync has started. */
  doc: Y.Doc | null;
  role: Role;
  template: WorkshopTemplate;
  /** This person once they joined (null for the wall, a bare link, or before joining). */
  identityId: string | null;
  /** Archived: read-only; nothing new can be started (groups, rounds) until it is reopened. */
  archived: boolean;
}
export const RoomContext = createContext<RoomInfo>({
  awareness: null,
  doc: null,
  role: 'participant',
  template: 'edw',
  identityId: null,
  archived: false,
});

export function useRoom(): RoomInfo {
  return use(RoomContext);
}

/** Owns a ControlConnection while mounted with the same workshop and token. */
export function useControlConnection(
  workshopId: string,
  token: string | null,
): ControlConnection | null {
  const [connection, setConnection] = useState<ControlConnection | null>(null);
  useEffect(() => {
    if (!token) return;
    // A tick later, so a mount undone at once (StrictMode) opens no socket.
    let created: ControlConnection | null = null;
    const timer = setTimeout(() => {
      created = new ControlConnection(workshopId, token);
      setConnection(created);
    }, 0);
    return () => {
      clearTimeout(timer);
      setConnection(null);
      created?.destroy();
    };
  }, [workshopId, token]);
  return connection;
}

export function useControl(): ControlConnection | null {
  return use(ControlContext);
}

const noop = () => () => {};

export function useControlState(): ControlState | null {
  const control = useControl();
  return useSyncExternalStore(control?.subscribe ?? noop, () => control?.getState() ?? null);
}

export function useControlStatus(): ControlStatus {
  const control = useControl();
  return useSyncExternalStore(
    control?.subscribe ?? noop,
    () => control?.getStatus() ?? 'connecting',
  );
}

/** Re-renders every `intervalMs` while `active`; returns the estimated server time. */
export function useServerClock(active: boolean, intervalMs = 250): number {
  const control = useControl();
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setTick((n) => n + 1), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  // Subscribing also re-renders when the offset estimate improves.
  useSyncExternalStore(control?.subscribe ?? noop, () => control?.getOffset() ?? 0);
  return control ? control.serverNow() : Date.now();
}

/** The turnout of vote `voteId` (null before the server counted it). */
export function useVoteTurnout(voteId: string | null): VoteTurnout | null {
  const channel = useControl()?.turnout;
  const turnout = useSyncExternalStore(channel?.subscribe ?? noop, () =>
    channel ? channel.getTurnout() : null,
  );
  return turnout && turnout.voteId === voteId ? turnout : null;
}

const NO_RUNS: QuestionnaireTurnout[] = [];

/** Every questionnaire run of the workshop with its turnout (counts only, never answers). */
export function useQuestionnaireRuns(): QuestionnaireTurnout[] {
  const channel = useControl()?.questionnaires;
  return useSyncExternalStore(channel?.subscribe ?? noop, () =>
    channel ? channel.getRuns() : NO_RUNS,
  );
}

/** The workshop's live status (open or archived), else the one the session was loaded with. */
export function useWorkshopStatus(
  control: ControlConnection | null,
  initial: WorkshopStatus,
): WorkshopStatus {
  const channel = control?.workshopStatus;
  const live = useSyncExternalStore(channel?.subscribe ?? noop, channel?.getStatus ?? (() => null));
  return live ?? initial;
}
