/**
 * Publishing a private-writing round: every draft becomes a card of its board's type, in one
 * transaction, so everyone sees the round appear at once. Authors are named on the card
 * (`createdBy`) only when the facilitator chose to show them.
 */
import type * as Y from 'yjs';
import type { BoardKind } from '../templates/templates';
import { createAction } from './actions';
import { createActivity } from './activities';
import { createCapacity } from './capacities';
import { CARD_HEIGHT_ESTIMATE, CARD_WIDTH, createCard, listCards, DEFAULT_BOARD_ID } from './cards';
import { createOpportunity, OPPORTUNITY_BOARD } from './opportunities';
import { listRegions } from './regions';

export interface PublishedDraft {
  text: string;
  authorName: string;
  /** The author's region: a capacity drafted by someone from a region starts in that region. */
  authorRegionId: string;
}

export interface PublishOptions {
  board: BoardKind;
  showAuthors: boolean;
  /** For the action list: the activity the actions are for. */
  activityId: string | null;
}

/** Publishes the drafts (empty ones are skipped); returns the new cards' ids. */
export function publishDrafts(
  doc: Y.Doc,
  drafts: readonly PublishedDraft[],
  { board, showAuthors, activityId }: PublishOptions,
): string[] {
  const ids: string[] = [];
  const regionIds = new Set(listRegions(doc).map((r) => r.id));
  doc.transact(() => {
    // The free boards get a grid of places below what is already there (the others list cards).
    const freeBoard = board === 'notes' ? DEFAULT_BOARD_ID : OPPORTUNITY_BOARD;
    const places = gridPlaces(doc, freeBoard, drafts.length);
    drafts.forEach((draft, i) => {
      const title = draft.text.trim();
      if (!title) return;
      const createdBy = showAuthors ? draft.authorName : '';
      switch (board) {
        case 'capacity-map': {
          const regionId = regionIds.has(draft.authorRegionId) ? draft.authorRegionId : '';
          ids.push(createCapacity(doc, { title, createdBy, regionId }));
          break;
        }
        case 'opportunity-board': {
          const place = places[i]!;
          ids.push(createOpportunity(doc, { title, createdBy, x: place.x, y: place.y }));
          break;
        }
        case 'activity-canvas':
          ids.push(createActivity(doc, { title, createdBy }));
          break;
        case 'action-list':
          if (activityId) ids.push(createAction(doc, { activityId, title, createdBy }));
          break;
        case 'notes': {
          const place = places[i]!;
          ids.push(createCard(doc, { title, createdBy, x: place.x, y: place.y, color: 'yellow' }));
          break;
        }
      }
    });
  });
  return ids;
}

/** A grid of places below the cards already on a free board, five cards a row. */
function gridPlaces(doc: Y.Doc, boardId: string, count: number): { x: number; y: number }[] {
  const existing = listCards(doc, boardId);
  const top = existing.length
    ? Math.max(...existing.map((c) => c.y)) + CARD_HEIGHT_ESTIMATE + 48
    : 0;
  const left = existing.length ? Math.min(...existing.map((c) => c.x)) : 0;
  return Array.from({ length: count }, (_, i) => ({
    x: left + (i % 5) * (CARD_WIDTH + 16),
    y: top + Math.floor(i / 5) * (CARD_HEIGHT_ESTIMATE + 16),
  }));
}
