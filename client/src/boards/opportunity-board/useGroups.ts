/** Live subscriptions to the opportunity groups, shared by the frames, the card slots and the panel. */
import { useMemo } from 'react';
import type * as Y from 'yjs';
import {
  cardsMap,
  listOpportunityGroups,
  opportunityGroupsMap,
  type OpportunityGroup,
} from '@shared/doc';
import { useYValue } from '@client/sync/useY';
import { placeGroups, readOpportunityPositions, type PlacedGroup } from './groupLayout';

const readGroups = (map: Y.Map<OpportunityGroup>): OpportunityGroup[] =>
  map.doc ? listOpportunityGroups(map.doc) : [];

export function useOpportunityGroups(doc: Y.Doc): OpportunityGroup[] {
  return useYValue(opportunityGroupsMap(doc), readGroups);
}

/** Every group with the frame it is drawn in and its member count. */
export function usePlacedGroups(doc: Y.Doc): PlacedGroup[] {
  const groups = useOpportunityGroups(doc);
  const positions = useYValue(cardsMap(doc), readOpportunityPositions, { deep: true });
  return useMemo(() => placeGroups(groups, positions), [groups, positions]);
}

/** The placement as it is in the doc right now (for event handlers). */
export function placedGroupsNow(doc: Y.Doc, exceptCardId?: string): PlacedGroup[] {
  const positions = readOpportunityPositions(cardsMap(doc)).filter((p) => p.id !== exceptCardId);
  return placeGroups(listOpportunityGroups(doc), positions);
}
