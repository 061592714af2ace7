/** How a group's area and its members are named on screen. */
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '@shared/domain/identity';
import { useParticipants } from '@client/connection/usePeople';
import { useRoom } from '@client/connection/control';
import type { Area } from './area';
import { useCardTitle } from './useCardTitle';

/** "Activities · Digital services for tourism", or the board's name for a board without a card. */
export function useAreaLabel(area: Area): string {
  const { t } = useTranslation();
  const { doc } = useRoom();
  const card = useCardTitle(doc, area.cardId);
  const board = t(`boards.names.${area.board}`);
  if (!card) return board;
  const title = card.title.trim() || t('breakouts.area.untitled');
  return t('breakouts.area.card', {
    board,
    card: card.removed ? t('breakouts.area.removedCard', { title }) : title,
  });
}

/** Everyone who joined, by identity id (empty until the server sent the list). */
export function usePeopleById(): Map<string, Participant> {
  const participants = useParticipants();
  return useMemo(() => new Map((participants ?? []).map((p) => [p.id, p])), [participants]);
}

/** A member's name; someone removed from the workshop meanwhile is no longer listed. */
export function memberName(people: Map<string, Participant>, id: string, t: TFunction): string {
  return people.get(id)?.name ?? t('breakouts.removedPerson');
}
