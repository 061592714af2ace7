/** React access to the current vote, this person's ballot and the revealed results in the doc. */
import { useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import type { VoteResult, VoteSession } from '@shared/control/votes';
import {
  cardsMap,
  cardTitle,
  listRegions,
  listVoteResults,
  regionsArray,
  removedCardsMap,
  voteResultsMap,
  type CardMap,
} from '@shared/doc';
import type { Region } from '@shared/domain/s3';
import { useYValue } from '@client/sync/useY';
import { useControl, useControlState, useRoom } from '@client/connection/control';
import { ballotStoreFor, EMPTY_BALLOT, type BallotStore, type BallotView } from './ballotStore';
import { latestBadges, type CardBadge } from './results';

const noop = () => () => {};

export function useCurrentVote(): VoteSession | null {
  return useControlState()?.vote ?? null;
}

export function useBallotStore(): BallotStore | null {
  const control = useControl();
  return control ? ballotStoreFor(control) : null;
}

export function useBallot(): BallotView {
  const store = useBallotStore();
  return useSyncExternalStore(store?.subscribe ?? noop, () => store?.getView() ?? EMPTY_BALLOT);
}

/** The workshop's doc, from the room the page shares (null until its sync starts). */
export function useWorkshopDoc(): Y.Doc | null {
  return useRoom().doc;
}

const readResults = (map: Y.Map<VoteResult>): VoteResult[] =>
  map.doc ? listVoteResults(map.doc) : [];

/** Every revealed vote, oldest first. */
export function useVoteResults(doc: Y.Doc | null): VoteResult[] {
  return useYValue(doc ? voteResultsMap(doc) : undefined, readResults, { fallback: [] });
}

const readBadges = (map: Y.Map<VoteResult>) => latestBadges(readResults(map));
const NO_BADGES = new Map<string, CardBadge>();

/** The latest revealed rank of each card. */
export function useCardBadges(doc: Y.Doc | null): Map<string, CardBadge> {
  return useYValue(doc ? voteResultsMap(doc) : undefined, readBadges, { fallback: NO_BADGES });
}

const readRegions = (regions: Y.Array<Region>) => (regions.doc ? listRegions(regions.doc) : []);

export function useRegions(doc: Y.Doc | null): Region[] {
  return useYValue(doc ? regionsArray(doc) : undefined, readRegions, { fallback: [] });
}

export interface CardLabel {
  title: string;
  removed: boolean;
}

const readTitles = (cards: Y.Map<CardMap>): Map<string, string> => {
  const titles = new Map<string, string>();
  cards.forEach((card, id) => {
    const text = card instanceof Y.Map ? cardTitle(card) : undefined;
    titles.set(id, text?.toString() ?? '');
  });
  return titles;
};
const NO_TITLES = new Map<string, string>();

/** Titles of cards by id, kept current; a deleted card reads from its tombstone, marked removed. */
export function useCardLabels(doc: Y.Doc | null): (cardId: string) => CardLabel {
  const titles = useYValue(doc ? cardsMap(doc) : undefined, readTitles, {
    deep: true,
    fallback: NO_TITLES,
  });
  return (cardId) => {
    const title = titles.get(cardId);
    if (title !== undefined) return { title, removed: false };
    const tombstone = doc ? removedCardsMap(doc).get(cardId) : undefined;
    return { title: tombstone?.title ?? '', removed: true };
  };
}
