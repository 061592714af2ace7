/** React access to the people on the control connection (peopleChannel.ts) and the doc's regions. */
import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { listRegions, regionsArray } from '@shared/doc';
import type { Region } from '@shared/domain/s3';
import type { Participant } from '@shared/domain/identity';
import type { Role } from '@shared/domain/workshop';
import { useControl, useRoom } from './control';
import type { ControlConnection } from './controlConnection';
import { useYValue } from '@client/sync/useY';
import type { PeopleChannel } from './peopleChannel';
import { CLOSE_REMOVED } from '@shared/sync/closeCodes';

const noop = () => () => {};

export function usePeopleChannel(): PeopleChannel | null {
  return useControl()?.people ?? null;
}

/** Everyone who joined, as the server last said (null before the first list). */
export function useParticipants(): Participant[] | null {
  const channel = usePeopleChannel();
  return useSyncExternalStore(channel?.subscribe ?? noop, () => channel?.getParticipants() ?? null);
}

/** The region this person chose when joining ('' when none, or not known yet). */
export function useOwnRegionId(): string {
  const { identityId } = useRoom();
  const participants = useParticipants();
  if (!identityId) return '';
  return participants?.find((p) => p.id === identityId)?.regionId ?? '';
}

/** The role the server gives this page now (a promotion changes it live); null before it said. */
export function useLiveRole(control: ControlConnection | null): Role | null {
  const channel = control?.people;
  return useSyncExternalStore(channel?.subscribe ?? noop, () => channel?.getRole() ?? null);
}

const readRegions = (regions: Y.Array<Region>) => (regions.doc ? listRegions(regions.doc) : []);
const NO_REGIONS: Region[] = [];

/** The workshop's regions, live (empty until the doc is there). */
export function useRegions(doc: Y.Doc | null): Region[] {
  return useYValue(doc ? regionsArray(doc) : undefined, readRegions, { fallback: NO_REGIONS });
}

/** True once the facilitator removed this person: told by the control plane or the relay. */
export function useRemoved(
  control: ControlConnection | null,
  syncCloseCode: number | null,
): boolean {
  const channel = control?.people;
  const told = useSyncExternalStore(
    channel?.subscribe ?? noop,
    () => channel?.isRemoved() ?? false,
  );
  return told || syncCloseCode === CLOSE_REMOVED;
}
