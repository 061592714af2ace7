/**
 * Breakout groups over the board: the banner of a person's own group while groups run, and the
 * roll-up of every group side by side — always on the wall screen while there are groups, and for
 * everyone back in the plenary after End (or on a facilitator's screen when shown from the panel).
 */
import { useEffect } from 'react';
import { groupOf } from '@shared/control/breakouts';
import { useControlState, useRoom } from '@client/connection/control';
import { GroupBanner } from './GroupBanner';
import { RollUp } from './RollUp';
import { useRollUpStore } from './rollUpStore';

/** `identityId`: this person once they joined (null for the wall, or before joining). */
export function BreakoutLayer({ identityId }: { identityId: string | null }) {
  const { role, doc } = useRoom();
  const breakouts = useControlState()?.breakouts ?? null;
  const shown = useRollUpStore((s) => s.shown);
  const setShown = useRollUpStore((s) => s.setShown);

  // Back in the plenary (the groups ended) everyone sees the roll-up; new groups or Clear put it
  // away, and each person may close it.
  const endedKey = breakouts?.status === 'ended' ? breakouts.id : null;
  useEffect(() => {
    if (role !== 'projector') setShown(endedKey !== null);
  }, [role, endedKey, setShown]);

  if (!breakouts) return null;
  const mine = groupOf(breakouts, identityId);
  const wall = role === 'projector';
  const rollUp = doc && (wall || shown);
  return (
    <>
      {mine && !wall && <GroupBanner group={mine} breakoutsId={breakouts.id} />}
      {rollUp && (
        <RollUp
          breakouts={breakouts}
          doc={doc}
          wall={wall}
          onClose={wall ? undefined : () => setShown(false)}
        />
      )}
    </>
  );
}
