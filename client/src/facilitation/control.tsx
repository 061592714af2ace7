/**
 * React access to the workshop's control connection: a context set by the workshop page, hooks that
 * re-render on control state changes, and the offset-corrected server clock.
 */
import { createContext, use, useEffect, useState, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { ControlState } from '../../../shared/control/state';
import type { Role, WorkshopTemplate } from '../../../shared/domain/workshop';
import { ControlConnection, type ControlStatus } from './controlConnection';

export const ControlContext = createContext<ControlConnection | null>(null);

/** Who is in the room on this page: the presence channel, the role, the template, the doc. */
export interface RoomInfo {
  awareness: Awareness | null;
  /** The workshop's doc once its sync has started. */
  doc: Y.Doc | null;
  role: Role;
  template: WorkshopTemplate;
}
export const RoomContext = createContext<RoomInfo>({
  awareness: null,
  doc: null,
  role: 'participant',
  template: 'edw',
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
