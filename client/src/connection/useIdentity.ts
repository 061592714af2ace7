/**
 * Who this browser is in a workshop. Joining (name, organisation, helix, region) creates an
 * identity whose token the page then uses for everything (session, sync, control); it is kept
 * per workshop, so a reload stays the same person. A link that is already an identity token (a
 * person's own link) is recognised with GET /me instead of asking to join again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { JoinRequest } from '@shared/domain/identity';
import { usePersonStore } from '@client/store/personStore';
import {
  readIdentity,
  readPreviousIdentityToken,
  saveIdentity,
  type StoredIdentity,
} from '@client/store/workshopAccess';
import { fetchMe, joinWorkshop, renameMe } from './api/peopleApi';

export type IdentityCheck = 'checking' | 'joined' | 'notJoined';

export interface IdentityHandle {
  identity: StoredIdentity | null;
  /** Whether the page knows yet if this person must join. */
  check: IdentityCheck;
  /** Joins with the link token; rejects with ApiRequestError (403: removed) / NetworkError. */
  join: (profile: JoinRequest) => Promise<void>;
  /** Renames the identity; rejects like join. */
  rename: (name: string) => Promise<void>;
  /** The facilitator removed this person: remembered, so a reload shows it too. */
  markRemoved: () => void;
}

export function useIdentity(workshopId: string, linkToken: string | null): IdentityHandle {
  const [identity, setIdentity] = useState<StoredIdentity | null>(() => readIdentity(workshopId));
  const [notJoined, setNotJoined] = useState(false);
  const setDisplayName = usePersonStore((s) => s.setDisplayName);

  const remember = useCallback(
    (next: StoredIdentity) => {
      saveIdentity(workshopId, next);
      setIdentity(next);
    },
    [workshopId],
  );

  useEffect(() => {
    if (identity || !linkToken) return;
    let cancelled = false;
    fetchMe(workshopId, linkToken).then(
      ({ participant }) => {
        if (cancelled) return;
        if (participant) remember({ id: participant.id, token: linkToken, name: participant.name });
        else setNotJoined(true);
      },
      // Offline or refused: the session screen says why; joining reports its own error.
      () => !cancelled && setNotJoined(true),
    );
    return () => {
      cancelled = true;
    };
  }, [workshopId, linkToken, identity, remember]);

  // Removed, as this browser remembers: if a facilitator let them back in since, their token
  // works again and they are who they were.
  const removedToken = identity?.removed ? identity.token : null;
  useEffect(() => {
    if (!removedToken) return;
    let cancelled = false;
    fetchMe(workshopId, removedToken).then(
      ({ participant }) => {
        if (cancelled || !participant) return;
        remember({ id: participant.id, token: removedToken, name: participant.name });
      },
      () => undefined, // still removed (401), or offline: the removed screen stays
    );
    return () => {
      cancelled = true;
    };
  }, [workshopId, removedToken, remember]);

  const join = useCallback(
    async (profile: JoinRequest) => {
      if (!linkToken) return;
      const previous = readPreviousIdentityToken(workshopId);
      const joined = await joinWorkshop(workshopId, linkToken, profile, previous);
      const name = profile.name.trim();
      setDisplayName(name); // the name to suggest in the next workshop
      remember({ id: joined.identityId, token: joined.identityToken, name });
    },
    [workshopId, linkToken, remember, setDisplayName],
  );

  const rename = useCallback(
    async (name: string) => {
      if (!identity) return;
      const { participant } = await renameMe(workshopId, identity.token, { name });
      const saved = participant?.name ?? name.trim();
      setDisplayName(saved);
      remember({ ...identity, name: saved });
    },
    [workshopId, identity, remember, setDisplayName],
  );

  const markRemoved = useCallback(() => {
    if (identity && !identity.removed) remember({ ...identity, removed: true });
  }, [identity, remember]);

  const check: IdentityCheck = identity ? 'joined' : notJoined ? 'notJoined' : 'checking';
  return { identity, check, join, rename, markRemoved };
}
