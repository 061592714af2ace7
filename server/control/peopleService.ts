/**
 * The people of each workshop: who joined (stored), who is online and whose hand is up (in memory:
 * a restart lowers every hand and the reconnecting sockets bring presence back).
 *
 * Promoting and removing are stored first; then everyone who must act on it is told: the relay and
 * the control plane close that person's connections (a removed identity's token is refused from
 * then on; a promoted one carries on with its new role). Every other change to the list (rename,
 * readmission, hands, presence) is announced through `onListChanged` so the control plane
 * broadcasts the list;
 * presence changes are coalesced per workshop, so 150 people arriving at once send a few lists,
 * not 150.
 */
import { handSetSchema, peopleCommandSchema, type HandState } from '../../shared/control/people';
import type { Identity, Participant } from '../../shared/domain/identity';
import type { Grant } from '../auth/access';
import type { Identities } from '../storage/storage';

export type PeopleChange = {
  workshopId: string;
  identityId: string;
  change: 'promoted' | 'removed';
  participants: Participant[];
  /** Made by this process (false: heard from another process serving the workshop). */
  here: boolean;
};
export type HandListener = (
  workshopId: string,
  identityId: string,
  raisedAt: number | null,
) => void;
type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
export type PeopleReply = Reply<Participant[]>;

export interface PeopleOptions {
  /** How long presence changes are gathered before the list is broadcast (ms). */
  presenceDelayMs?: number;
}

const PRESENCE_DELAY_MS = 300;

/** Per-workshop maps, created on first use and dropped when empty. */
class WorkshopMaps<V> {
  private readonly byWorkshop = new Map<string, Map<string, V>>();
  get(workshopId: string, key: string): V | undefined {
    return this.byWorkshop.get(workshopId)?.get(key);
  }
  set(workshopId: string, key: string, value: V): void {
    let map = this.byWorkshop.get(workshopId);
    if (!map) this.byWorkshop.set(workshopId, (map = new Map()));
    map.set(key, value);
  }
  /** True when there was something to delete. */
  delete(workshopId: string, key: string): boolean {
    const map = this.byWorkshop.get(workshopId);
    const deleted = map?.delete(key) ?? false;
    if (map?.size === 0) this.byWorkshop.delete(workshopId);
    return deleted;
  }
}

export class PeopleService {
  private readonly listeners = new Set<(change: PeopleChange) => void>();
  private readonly listListeners = new Set<(workshopId: string) => void>();
  /** Open control-plane connections per person. */
  private readonly connections = new WorkshopMaps<number>();
  /** When each raised hand went up (server clock). */
  private readonly hands = new WorkshopMaps<number>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly presenceDelayMs: number;
  private readonly handListeners = new Set<HandListener>();
  private onlineEverywhere: ((workshopId: string) => Promise<Set<string>>) | null = null;

  constructor(
    private readonly storage: Identities,
    options: PeopleOptions = {},
  ) {
    this.presenceDelayMs = options.presenceDelayMs ?? PRESENCE_DELAY_MS;
  }

  /** Promotions and removals (the relay and control plane act on them). */
  onChange(listener: (change: PeopleChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Any other change to a workshop's list: broadcast `participants(workshopId)`. */
  onListChanged(listener: (workshopId: string) => void): () => void {
    this.listListeners.add(listener);
    return () => this.listListeners.delete(listener);
  }

  /** Everyone who joined and was not removed, in joining order, with presence and hands. */
  async participants(workshopId: string): Promise<Participant[]> {
    const [all, online] = await Promise.all([
      this.storage.listIdentities(workshopId),
      // Unanswered (Redis down): this process's own count is the best there is.
      this.onlineEverywhere ? this.onlineEverywhere(workshopId).catch(() => null) : null,
    ]);
    return all
      .filter((i) => !i.removed)
      .map(({ workshopId: _w, removed: _r, ...identity }) => ({
        ...identity,
        online: online
          ? online.has(identity.id)
          : (this.connections.get(workshopId, identity.id) ?? 0) > 0,
        handRaisedAt: this.hands.get(workshopId, identity.id) ?? null,
      }));
  }

  /**
   * Several processes: who is online is asked of all of them (the control plane's sockets across
   * the cluster), not counted here; hands raised elsewhere arrive through `applyHand`.
   */
  joinCluster(onlineEverywhere: (workshopId: string) => Promise<Set<string>>): void {
    this.onlineEverywhere = onlineEverywhere;
  }

  /** Hands raised or lowered here (another process keeps its copy with `applyHand`). */
  onHand(listener: HandListener): () => void {
    this.handListeners.add(listener);
    return () => this.handListeners.delete(listener);
  }

  /** A hand raised (raisedAt) or lowered (null) on another process: kept, not announced again. */
  applyHand(workshopId: string, identityId: string, raisedAt: number | null): void {
    if (raisedAt === null) this.hands.delete(workshopId, identityId);
    else this.hands.set(workshopId, identityId, raisedAt);
  }

  private lowerHand(workshopId: string, identityId: string): boolean {
    if (!this.hands.delete(workshopId, identityId)) return false;
    for (const listener of this.handListeners) listener(workshopId, identityId, null);
    return true;
  }

  /** Whom the facilitators removed, in joining order: they can be let back in. */
  async removed(workshopId: string): Promise<Identity[]> {
    const all = await this.storage.listIdentities(workshopId);
    return all
      .filter((i) => i.removed)
      .map(({ workshopId: _w, removed: _r, ...identity }) => identity);
  }

  async participant(workshopId: string, identityId: string): Promise<Participant | null> {
    return (await this.participants(workshopId)).find((p) => p.id === identityId) ?? null;
  }

  /** A control-plane socket of this person connected. */
  connected(workshopId: string, identityId: string): void {
    const count = this.connections.get(workshopId, identityId) ?? 0;
    this.connections.set(workshopId, identityId, count + 1);
    if (count === 0) this.announceSoon(workshopId);
  }

  disconnected(workshopId: string, identityId: string): void {
    const count = this.connections.get(workshopId, identityId) ?? 0;
    if (count > 1) {
      this.connections.set(workshopId, identityId, count - 1);
    } else if (this.connections.delete(workshopId, identityId)) {
      this.announceSoon(workshopId);
    }
  }

  /** `hand:set` from a person: raising twice keeps their place in the queue. */
  setHand(workshopId: string, grant: Grant, raw: unknown): Reply<HandState> {
    if (!grant.identityId) return { ok: false, error: 'join the workshop to raise your hand' };
    const parsed = handSetSchema.safeParse(raw);
    if (!parsed.success)
      return { ok: false, error: 'invalid payload: raised must be true or false' };
    const current = this.hands.get(workshopId, grant.identityId) ?? null;
    if (parsed.data.raised && current === null) {
      const raisedAt = Date.now();
      this.hands.set(workshopId, grant.identityId, raisedAt);
      for (const listener of this.handListeners) listener(workshopId, grant.identityId, raisedAt);
      this.announce(workshopId);
      return { ok: true, value: { handRaisedAt: raisedAt } };
    }
    if (!parsed.data.raised && current !== null) {
      this.lowerHand(workshopId, grant.identityId);
      this.announce(workshopId);
    }
    return { ok: true, value: { handRaisedAt: parsed.data.raised ? current : null } };
  }

  /** `PATCH /me`: a person changes their name (already validated). */
  async rename(workshopId: string, identityId: string, name: string): Promise<Participant | null> {
    if (!(await this.storage.updateIdentity(workshopId, identityId, { name }))) return null;
    this.announce(workshopId);
    return this.participant(workshopId, identityId);
  }

  /** A `people:command` (facilitators only). */
  async apply(workshopId: string, grant: Grant, raw: unknown): Promise<PeopleReply> {
    if (grant.role !== 'facilitator') {
      return { ok: false, error: 'only facilitators can run the workshop' };
    }
    const parsed = peopleCommandSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'invalid command' };
    const command = parsed.data;
    if (command.type === 'hand:lower') {
      const person = await this.participant(workshopId, command.identityId);
      if (!person) return { ok: false, error: 'no such person in this workshop' };
      if (this.lowerHand(workshopId, command.identityId)) this.announce(workshopId);
      return { ok: true, value: await this.participants(workshopId) };
    }
    if (command.type === 'participant:readmit') return this.readmit(workshopId, command.identityId);
    if (command.identityId === grant.identityId && command.type === 'participant:remove') {
      return { ok: false, error: 'you cannot remove yourself' };
    }
    const patch =
      command.type === 'participant:remove' ? { removed: true } : { role: 'facilitator' as const };
    if (!(await this.storage.updateIdentity(workshopId, command.identityId, patch))) {
      return { ok: false, error: 'no such person in this workshop' };
    }
    if (command.type === 'participant:remove') this.lowerHand(workshopId, command.identityId);
    const participants = await this.participants(workshopId);
    const change: PeopleChange = {
      workshopId,
      identityId: command.identityId,
      change: command.type === 'participant:remove' ? 'removed' : 'promoted',
      participants,
      here: true,
    };
    for (const listener of this.listeners) listener(change);
    return { ok: true, value: participants };
  }

  /**
   * A promotion or removal stored by another process: this process acts on its own connections
   * of that person (the list was broadcast by the process that made the change).
   */
  async applyChange(
    workshopId: string,
    identityId: string,
    change: PeopleChange['change'],
  ): Promise<void> {
    if (change === 'removed') this.hands.delete(workshopId, identityId);
    const participants = await this.participants(workshopId);
    const event: PeopleChange = { workshopId, identityId, change, participants, here: false };
    for (const listener of this.listeners) listener(event);
  }

  /**
   * Un-removes a person: their old identity token works again (they come back as who they were)
   * and their device may join again. Nothing was connected, so only the list changes.
   */
  private async readmit(workshopId: string, identityId: string): Promise<PeopleReply> {
    const person = (await this.storage.listIdentities(workshopId)).find((i) => i.id === identityId);
    if (!person) return { ok: false, error: 'no such person in this workshop' };
    if (person.removed) {
      await this.storage.updateIdentity(workshopId, identityId, { removed: false });
      this.announce(workshopId);
    }
    return { ok: true, value: await this.participants(workshopId) };
  }

  /** Stops pending announcements (server shutdown). */
  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  /** Now (a pending presence announcement is folded into this one). */
  private announce(workshopId: string): void {
    const timer = this.pending.get(workshopId);
    if (timer) clearTimeout(timer);
    this.pending.delete(workshopId);
    for (const listener of this.listListeners) listener(workshopId);
  }

  /** Within presenceDelayMs, once for every change in that window. */
  private announceSoon(workshopId: string): void {
    if (this.pending.has(workshopId)) return;
    const timer = setTimeout(() => this.announce(workshopId), this.presenceDelayMs);
    timer.unref?.();
    this.pending.set(workshopId, timer);
  }
}
