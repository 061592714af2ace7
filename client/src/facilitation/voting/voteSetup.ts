/**
 * What the facilitator chooses from when opening a vote, and the check of the "Start a vote" form:
 * the candidate transformative activities by default, or the cards of the board on screen.
 */
import type * as Y from 'yjs';
import { openVoteSchema } from '@shared/control/votes';
import { byCreation, DEFAULT_BOARD_ID, listActivities, listCards } from '@shared/doc';
import type { ActivityStatus } from '@shared/domain/s3';
import type { BoardKind } from '@shared/templates/templates';

export const DEFAULT_BUDGET = 5;
export const DEFAULT_MAX_PER_CARD = 3;

export interface VoteCandidate {
  id: string;
  title: string;
  /** Activities only. */
  status: ActivityStatus | null;
}

/** The doc's board id of a board kind (the notes board is the workshop's default board). */
export function boardIdOf(board: BoardKind): string {
  return board === 'notes' ? DEFAULT_BOARD_ID : board;
}

export function activityCandidates(doc: Y.Doc): VoteCandidate[] {
  return listActivities(doc)
    .sort(byCreation)
    .map((a) => ({ id: a.id, title: a.title, status: a.status }));
}

/** Every card by the board it sits on (doc board id), oldest first. */
export function candidatesByBoard(doc: Y.Doc): Map<string, VoteCandidate[]> {
  const byBoard = new Map<string, VoteCandidate[]>();
  for (const card of listCards(doc).sort(byCreation)) {
    const list = byBoard.get(card.boardId) ?? [];
    list.push({ id: card.id, title: card.title, status: null });
    byBoard.set(card.boardId, list);
  }
  return byBoard;
}

/** Preselected: the activities still candidates, else every card offered. */
export function defaultChoice(candidates: readonly VoteCandidate[]): string[] {
  const open = candidates.filter((c) => c.status === 'candidate');
  return (open.length > 0 ? open : candidates).map((c) => c.id);
}

export interface VoteForm {
  title: string;
  cardIds: string[];
  /** As typed: the number inputs may be empty or out of range. */
  budget: string;
  maxPerCard: string;
}

export type VoteFormField = 'title' | 'cards' | 'budget' | 'maxPerCard';
export type VoteFormErrors = Partial<Record<VoteFormField, 'required' | 'range' | 'aboveBudget'>>;

export type CheckedVoteForm =
  | {
      ok: true;
      command: {
        type: 'vote:open';
        title: string;
        cardIds: string[];
        budget: number;
        maxPerCard: number;
      };
    }
  | { ok: false; errors: VoteFormErrors };

const asNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** Validates the form with the server's own schema; errors are per field, as codes to word. */
export function checkVoteForm(form: VoteForm): CheckedVoteForm {
  const parsed = openVoteSchema.safeParse({
    type: 'vote:open',
    title: form.title,
    cardIds: form.cardIds,
    budget: asNumber(form.budget),
    maxPerCard: asNumber(form.maxPerCard),
  });
  if (parsed.success) return { ok: true, command: parsed.data };
  const errors: VoteFormErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path[0];
    if (path === 'cardIds') errors.cards = 'required';
    else if (path === 'title') errors.title = 'range';
    else if (path === 'budget') errors.budget = 'range';
    else if (path === 'maxPerCard') {
      errors.maxPerCard = issue.code === 'custom' ? 'aboveBudget' : 'range';
    }
  }
  return { ok: false, errors };
}
