/**
 * The room controls under the agenda: the join link and cursors on the wall screen, the workshop
 * lock, follow-me. Separate from the agenda panel because they steer the room, not the phases.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlCommandInput } from '@shared/control/commands';
import type { ControlState } from '@shared/control/state';
import { fetchWorkshopLinks } from '@client/connection/api/workshops';
import { FollowToggle } from './FollowMe';

export function RoomControls({
  workshopId,
  token,
  state,
  send,
}: {
  workshopId: string;
  token: string;
  state: ControlState | null;
  send: (command: ControlCommandInput) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [loadingLink, setLoadingLink] = useState(false);
  const joinShown = !!state?.wall.joinUrl;
  const toggleJoin = () => {
    if (joinShown) {
      send({ type: 'wall:set', joinUrl: null });
      return;
    }
    setLoadingLink(true);
    fetchWorkshopLinks(workshopId, token)
      .then((links) => send({ type: 'wall:set', joinUrl: links.links.participant }))
      .catch(() => undefined)
      .finally(() => setLoadingLink(false));
  };
  const workshopLocked = state?.locks.workshop ?? false;
  return (
    <section className="agenda__section" aria-labelledby={titleId}>
      <h3 id={titleId} className="agenda__heading">
        {t('facilitation.wall.title')}
      </h3>
      <div className="agenda__toggles">
        <label className="agenda__toggle">
          <input
            type="checkbox"
            checked={joinShown}
            disabled={loadingLink}
            data-testid="wall-show-join"
            onChange={toggleJoin}
          />
          {loadingLink ? t('facilitation.wall.joinLoading') : t('facilitation.wall.showJoin')}
        </label>
        <label className="agenda__toggle">
          <input
            type="checkbox"
            checked={state?.wall.showCursors ?? true}
            data-testid="wall-show-cursors"
            onChange={(e) => send({ type: 'wall:set', showCursors: e.target.checked })}
          />
          {t('facilitation.wall.showCursors')}
        </label>
        <label className="agenda__toggle">
          <input
            type="checkbox"
            checked={workshopLocked}
            data-testid="lock-workshop"
            onChange={(e) =>
              send({ type: 'lock:set', target: 'workshop', locked: e.target.checked })
            }
          />
          {t('facilitation.lock.lockWorkshop')}
        </label>
      </div>
      <FollowToggle />
    </section>
  );
}
