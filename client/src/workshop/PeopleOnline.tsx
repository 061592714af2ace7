/** Avatars of the others in the workshop right now (from awareness); you have the name button. */
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { initialsOf } from '../person/personStore';
import { usePeers } from '../sync/presence';

const MAX_AVATARS = 5;

export function PeopleOnline({ awareness }: { awareness: Awareness }) {
  const { t } = useTranslation();
  // One avatar per person, even with the workshop open in several tabs (yours included).
  const seen = new Set<string>();
  const peers = usePeers(awareness).filter((peer) => {
    const key = `${peer.name}\u0000${peer.color}`;
    const show = !peer.isSelf && peer.role !== 'projector' && !seen.has(key);
    seen.add(key);
    return show;
  });
  const shown = peers.slice(0, MAX_AVATARS);
  const hidden = peers.slice(MAX_AVATARS);

  return (
    <ul className="people" aria-label={t('people.label')} data-testid="people-online">
      {shown.map((peer) => (
        <li
          key={peer.clientId}
          className="avatar"
          style={{ backgroundColor: peer.color }}
          title={peer.name}
          data-testid="person"
          data-name={peer.name}
        >
          <span aria-hidden="true">{initialsOf(peer.name)}</span>
          <span className="visually-hidden">{peer.name}</span>
        </li>
      ))}
      {hidden.length > 0 && (
        <li className="avatar avatar--more" title={hidden.map((peer) => peer.name).join(', ')}>
          {t('people.more', { count: hidden.length })}
        </li>
      )}
    </ul>
  );
}
