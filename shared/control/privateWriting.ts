/**
 * Private writing ("brainwriting"): during a round, each person drafts cards only they can see. The
 * drafts are held by the server (never in the Y.Doc, never broadcast) until the facilitator reveals
 * the round: then every draft is published to the round's board as a card of that board's type,
 * with its author's name shown or hidden as the facilitator chose.
 */
import { z } from 'zod';
import { BOARD_KINDS } from '../templates/templates';

export const DRAFT_TEXT_MAX = 500;
export const DRAFTS_PER_PERSON_MAX = 50;

export const privateRoundSchema = z.object({
  id: z.string().min(1).max(64),
  board: z.enum(BOARD_KINDS),
  /** What to write about (shown to everyone). */
  prompt: z.string().max(300),
  /** For the action list: the activity the drafted actions are for. */
  activityId: z.string().max(64).nullable(),
  status: z.enum(['open', 'revealed']),
  openedAt: z.number(),
  revealedAt: z.number().nullable(),
  /** As chosen at the reveal; null while open. */
  showAuthors: z.boolean().nullable(),
  /** How many drafts were published at the reveal. */
  published: z.number().int().min(0).nullable(),
});
export type PrivateRound = z.infer<typeof privateRoundSchema>;

const draftIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a draft id is 1–64 letters, digits, - or _');

/** `draft:put`: creates or replaces one of the sender's drafts in the open round. */
export const putDraftSchema = z.object({
  roundId: z.string().min(1).max(64),
  draftId: draftIdSchema,
  text: z.string().max(DRAFT_TEXT_MAX, `a draft is at most ${DRAFT_TEXT_MAX} characters`),
});
export type PutDraft = z.infer<typeof putDraftSchema>;

/** `draft:delete`: removes one of the sender's drafts. */
export const deleteDraftSchema = z.object({
  roundId: z.string().min(1).max(64),
  draftId: draftIdSchema,
});

/** One of my drafts, as the server holds it. */
export interface Draft {
  draftId: string;
  text: string;
  updatedAt: number;
}

/** `draft:mine` answer: the sender's own drafts in the open round, oldest first. */
export interface MyDrafts {
  roundId: string;
  drafts: Draft[];
}

/** What everyone may know while a round is open: how many drafts, by how many people (no text). */
export interface DraftProgress {
  roundId: string;
  drafts: number;
  authors: number;
}
