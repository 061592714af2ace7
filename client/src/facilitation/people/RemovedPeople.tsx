/**
 * The facilitators' "Removed" section of the people panel: whom they removed, each with "Let back
 * in". The broadcast list leaves removed people out, so this one is read over REST, again each
 * time someone leaves or rejoins the list (removed or let back in, here or by a co-facilitator).
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeopleCommand } from '@shared/control/people';
import type { Identity, Participant } from '@shared/domain/identity';
import { fetchRemovedPeople } from '@client/connection/api/peopleApi';
import { PeopleAction } from './PeopleAction';

interface RemovedPeopleProps {
  workshopId: string;
  /** A facilitator's token (their own or the facilitator link's). */
  token: string;
  /** The live list: a change in who is on it means the removed ones changed too. */
  participants: Participant[] | null;
  onCommand: (command: PeopleCommand) => void;
}

export function RemovedPeople({ workshopId, token, participants, onCommand }: RemovedPeopleProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [removed, setRemoved] = useState<Identity[]>([]);
  const members = participants?.map((p) => p.id).join(' ') ?? null;

  useEffect(() => {
    if (members === null) return;
    let cancelled = false;
    fetchRemovedPeople(workshopId, token).then(
      (response) => !cancelled && setRemoved(response.removed),
      () => undefined, // offline: the section shows what it last knew
    );
    return () => {
      cancelled = true;
    };
  }, [workshopId, token, members]);

  if (removed.length === 0) return null;
  return (
    <section className="removed-people" aria-labelledby={titleId} data-testid="removed-people">
      <h3 id={titleId} className="people-panel__heading removed-people__heading">
        {t('people.removedList.title')} ({removed.length})
      </h3>
      <p className="removed-people__hint">{t('people.removedList.hint')}</p>
      <ul className="removed-people__list">
        {removed.map((person) => (
          <li
            key={person.id}
            className="removed-people__item"
            data-testid="removed-person"
            data-person-id={person.id}
            data-name={person.name}
          >
            <span className="removed-people__name">
              {person.name}
              {person.organisation && (
                <span className="removed-people__organisation"> · {person.organisation}</span>
              )}
            </span>
            <PeopleAction
              testId="person-readmit"
              label={t('people.removedList.letBackInLabel', { name: person.name })}
              text={t('people.removedList.letBackIn')}
              command={{ type: 'participant:readmit', identityId: person.id }}
              onCommand={onCommand}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
