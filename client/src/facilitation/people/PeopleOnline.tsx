/**
 * Avatars of the others on the board right now (from awareness, in their cursor colours); you have
 * the name button. The face of the People button; the wall screen shows them on their own.
 */
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { initialsOf, legibleColor } from '@client/store/personStore';
import { usePeers } from '@client/sync/presence';

interface PeopleOnlineProps {
  awareness: Awareness;
  max?: number;
  /** A "+N more" chip for the others (off when a count is shown beside). */
  showMore?: boolean;
}

export function PeopleOnline({ awareness, max = 5, showMore = true }: PeopleOnlineProps) {
  const { t } = useTranslation();
  // One avatar per person, even with the workshop open in several tabs (yours included).
  const seen = new Set<string>();
  const peers = usePeers(awareness).filter((peer) => {
    const key = `${peer.name}\u0000${peer.color}`;
    const show = !peer.isSelf && peer.role !== 'projector' && !seen.has(key);
    seen.add(key);
    return show;
  });
  if (peers.length === 0) return null;
  const shown = peers.slice(0, max);
  const hidden = peers.slice(max);

  return (
    <span className="people" data-testid="people-online" title={t('people.label')}>
      {shown.map((peer) => (
        <span
          key={peer.clientId}
          className="avatar"
          style={{ backgroundColor: legibleColor(peer.color) }}
          title={peer.name}
          data-testid="person"
          data-name={peer.name}
        >
          <span aria-hidden="true">{initialsOf(peer.name)}</span>
          <span className="visually-hidden">{peer.name}</span>
        </span>
      ))}
      {showMore && hidden.length > 0 && (
        <span className="avatar avatar--more" title={hidden.map((peer) => peer.name).join(', ')}>
          {t('people.more', { count: hidden.length })}
        </span>
      )}
    </span>
  );
}
