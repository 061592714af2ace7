/**
 * Private writing, server side: each person's drafts of the open round, held here and in storage
 * (never in the doc, never broadcast), and published to the board when the facilitator reveals.
 * Draft changes run in the control service's per-workshop queue, so none can slip in after a reveal.
 */
import {
  deleteDraftSchema,
  DRAFTS_PER_PERSON_MAX,
  putDraftSchema,
  type Draft,
  type DraftProgress,
  type MyDrafts,
  type PrivateRound,
} from '../../shared/control/privateWriting';
import type { PublishedDraft } from '../../shared/doc/publishDrafts';
import type { Drafts, Identities } from '../storage/storage';
import type { ControlService } from './controlService';

export type DraftReply = { ok: true; value: MyDrafts } | { ok: false; error: string };
type HeldDraft = Draft & { identityId: string };
/** Writes the published drafts into the workshop's doc; resolves with how many cards were made. */
export type Publisher = (
  workshopId: string,
  round: PrivateRound,
  drafts: PublishedDraft[],
) => Promise<number>;

const PROGRESS_EVERY_MS = 300;

export class PrivateWritingService {
  /** The open round's drafts per workshop, loaded from storage on first use. */
  private readonly held = new Map<string, { roundId: string; drafts: Map<string, HeldDraft> }>();
  private readonly progressListeners = new Set<(workshopId: string, p: DraftProgress) => void>();
  private readonly progressTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly storage: Drafts & Identities,
    private readonly control: ControlService,
    private readonly publisher: Publisher,
    private readonly now: () => number = Date.now,
  ) {
    control.onPrivateRound({
      reveal: (workshopId, round) => this.publish(workshopId, round),
      discard: (workshopId) => this.discard(workshopId),
    });
  }

  onProgress(listener: (workshopId: string, progress: DraftProgress) => void): void {
    this.progressListeners.add(listener);
  }

  put(workshopId: string, identityId: string | null, raw: unknown): Promise<DraftReply> {
    if (!identityId) return Promise.resolve({ ok: false, error: 'join as a person to write' });
    const parsed = putDraftSchema.safeParse(raw);
    if (!parsed.success) return Promise.resolve({ ok: false, error: firstIssue(parsed.error) });
    const { roundId, draftId, text } = parsed.data;
    return this.control.exclusive(workshopId, async (): Promise<DraftReply> => {
      const refused = await this.control.refusal(workshopId);
      if (refused) return { ok: false, error: refused };
      const held = await this.openRound(workshopId, roundId);
      if (!held) return { ok: false, error: 'that private-writing round is not open' };
      const existing = held.drafts.get(draftId);
      if (existing && existing.identityId !== identityId) {
        return { ok: false, error: 'that draft is not yours' };
      }
      if (!existing && this.countOf(held.drafts, identityId) >= DRAFTS_PER_PERSON_MAX) {
        return { ok: false, error: `at most ${DRAFTS_PER_PERSON_MAX} drafts each` };
      }
      const draft: HeldDraft = { draftId, text, updatedAt: this.now(), identityId };
      const json = JSON.stringify({ draftId, text, updatedAt: draft.updatedAt });
      if (
        !(await this.storage.putDraft(workshopId, roundId, { draftId, identityId, draft: json }))
      ) {
        return { ok: false, error: 'that draft is not yours' };
      }
      held.drafts.set(draftId, draft);
      if (!existing) this.scheduleProgress(workshopId);
      return { ok: true, value: this.mineOf(held, identityId) };
    });
  }

  remove(workshopId: string, identityId: string | null, raw: unknown): Promise<DraftReply> {
    if (!identityId) return Promise.resolve({ ok: false, error: 'join as a person to write' });
    const parsed = deleteDraftSchema.safeParse(raw);
    if (!parsed.success) return Promise.resolve({ ok: false, error: firstIssue(parsed.error) });
    const { roundId, draftId } = parsed.data;
    return this.control.exclusive(workshopId, async (): Promise<DraftReply> => {
      const held = await this.openRound(workshopId, roundId);
      if (!held) return { ok: false, error: 'that private-writing round is not open' };
      if (held.drafts.get(draftId)?.identityId !== identityId) {
        return { ok: false, error: 'no such draft of yours' };
      }
      await this.storage.deleteDraft(workshopId, roundId, draftId, identityId);
      held.drafts.delete(draftId);
      this.scheduleProgress(workshopId);
      return { ok: true, value: this.mineOf(held, identityId) };
    });
  }

  /** The sender's own drafts in the open round (null when no round is open). */
  async mine(workshopId: string, identityId: string | null): Promise<MyDrafts | null> {
    const round = (await this.control.get(workshopId)).privateRound;
    if (!identityId || round?.status !== 'open') return null;
    return this.control.exclusive(workshopId, async () => {
      const held = await this.openRound(workshopId, round.id);
      return held ? this.mineOf(held, identityId) : null;
    });
  }

  /** Counts only: how many drafts by how many people (null when no round is open). */
  async progress(workshopId: string): Promise<DraftProgress | null> {
    const round = (await this.control.get(workshopId)).privateRound;
    if (round?.status !== 'open') return null;
    const held = await this.control.exclusive(workshopId, () =>
      this.openRound(workshopId, round.id),
    );
    return held ? this.progressOf(held) : null;
  }

  /** The held drafts of round `roundId` if it is the open one. Runs inside the workshop's queue. */
  private async openRound(workshopId: string, roundId: string) {
    const round = (await this.control.stateInQueue(workshopId)).privateRound;
    if (round?.status !== 'open' || round.id !== roundId) return null;
    const cached = this.held.get(workshopId);
    // With other processes, drafts may have been written there: storage is read every time.
    if (cached?.roundId === roundId && !this.control.clustered) return cached;
    const drafts = new Map<string, HeldDraft>();
    for (const row of await this.storage.listDrafts(workshopId, roundId)) {
      const draft = parseDraft(row.draft);
      if (draft)
        drafts.set(row.draftId, { ...draft, draftId: row.draftId, identityId: row.identityId });
    }
    const held = { roundId, drafts };
    this.held.set(workshopId, held);
    return held;
  }

  /** Called by the control service, inside the queue, when the facilitator reveals a round. */
  private async publish(workshopId: string, round: PrivateRound): Promise<number> {
    const held =
      this.held.get(workshopId)?.roundId === round.id && !this.control.clustered
        ? this.held.get(workshopId)!
        : null;
    const rows = held
      ? [...held.drafts.values()]
      : (await this.storage.listDrafts(workshopId, round.id)).flatMap((row) => {
          const draft = parseDraft(row.draft);
          return draft ? [{ ...draft, draftId: row.draftId, identityId: row.identityId }] : [];
        });
    const people = new Map(
      (await this.storage.listIdentities(workshopId)).map((p) => [p.id, p] as const),
    );
    // Grouped by author (each person's ideas together), in the order they were first written.
    const byAuthor = new Map<string, HeldDraft[]>();
    for (const draft of rows) {
      if (!draft.text.trim()) continue;
      byAuthor.set(draft.identityId, [...(byAuthor.get(draft.identityId) ?? []), draft]);
    }
    const published: PublishedDraft[] = [...byAuthor.values()].flat().map((draft) => ({
      text: draft.text,
      authorName: people.get(draft.identityId)?.name ?? '',
      authorRegionId: people.get(draft.identityId)?.regionId ?? '',
    }));
    const count = published.length ? await this.publisher(workshopId, round, published) : 0;
    await this.discard(workshopId);
    return count;
  }

  private async discard(workshopId: string): Promise<void> {
    await this.storage.clearDrafts(workshopId);
    this.held.delete(workshopId);
  }

  private mineOf(held: { roundId: string; drafts: Map<string, HeldDraft> }, identityId: string) {
    const drafts = [...held.drafts.values()]
      .filter((d) => d.identityId === identityId)
      .map(({ draftId, text, updatedAt }) => ({ draftId, text, updatedAt }));
    return { roundId: held.roundId, drafts };
  }

  private countOf(drafts: Map<string, HeldDraft>, identityId: string): number {
    let n = 0;
    for (const d of drafts.values()) if (d.identityId === identityId) n++;
    return n;
  }

  private progressOf(held: { roundId: string; drafts: Map<string, HeldDraft> }): DraftProgress {
    const authors = new Set([...held.drafts.values()].map((d) => d.identityId));
    return { roundId: held.roundId, drafts: held.drafts.size, authors: authors.size };
  }

  /** Tells the room the counts, at most every PROGRESS_EVERY_MS (a room of 150 typing at once). */
  private scheduleProgress(workshopId: string): void {
    if (this.progressTimers.has(workshopId)) return;
    this.progressTimers.set(
      workshopId,
      setTimeout(() => {
        this.progressTimers.delete(workshopId);
        const held = this.held.get(workshopId);
        if (!held) return;
        const progress = this.progressOf(held);
        for (const listener of this.progressListeners) listener(workshopId, progress);
      }, PROGRESS_EVERY_MS),
    );
  }

  close(): void {
    for (const timer of this.progressTimers.values()) clearTimeout(timer);
    this.progressTimers.clear();
  }
}

function parseDraft(json: string): Draft | null {
  try {
    const value = JSON.parse(json) as Partial<Draft>;
    if (typeof value.text !== 'string') return null;
    return {
      draftId: String(value.draftId ?? ''),
      text: value.text,
      updatedAt: typeof value.updatedAt === 'number' ? value.updatedAt : 0,
    };
  } catch {
    return null;
  }
}

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return `invalid draft: ${where}${issue?.message ?? ''}`;
}
