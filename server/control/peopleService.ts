/**
 * Promoting and removing people. The change is stored first; then everyone who must act on it is
 * told: the relay and the control plane close that person's connections (a removed identity's
 * token is refused from then on; a promoted one reconnects with its new role).
 */
import { peopleCommandSchema } from '../../shared/control/people';
import type { Participant } from '../../shared/domain/identity';
import type { Grant } from '../auth/access';
import type { Storage } from '../storage/storage';

export type PeopleChange = {
  workshopId: string;
  identityId: string;
  change: 'promoted' | 'removed';
  participants: Participant[];
};
export type PeopleReply = { ok: true; value: Participant[] } | { ok: false; error: string };

export class PeopleService {
  private readonly listeners = new Set<(change: PeopleChange) => void>();

  constructor(private readonly storage: Storage) {}

  onChange(listener: (change: PeopleChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async participants(workshopId: string): Promise<Participant[]> {
    const all = await this.storage.listIdentities(workshopId);
    return all
      .filter((i) => !i.removed)
      .map(({ workshopId: _w, removed: _r, ...participant }) => participant);
  }

  async apply(workshopId: string, grant: Grant, raw: unknown): Promise<PeopleReply> {
    if (grant.role !== 'facilitator') {
      return { ok: false, error: 'only facilitators can run the workshop' };
    }
    const parsed = peopleCommandSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'invalid command' };
    const command = parsed.data;
    if (command.identityId === grant.identityId && command.type === 'participant:remove') {
      return { ok: false, error: 'you cannot remove yourself' };
    }
    const patch =
      command.type === 'participant:remove' ? { removed: true } : { role: 'facilitator' as const };
    if (!(await this.storage.updateIdentity(workshopId, command.identityId, patch))) {
      return { ok: false, error: 'no such person in this workshop' };
    }
    const participants = await this.participants(workshopId);
    const change: PeopleChange = {
      workshopId,
      identityId: command.identityId,
      change: command.type === 'participant:remove' ? 'removed' : 'promoted',
      participants,
    };
    for (const listener of this.listeners) listener(change);
    return { ok: true, value: participants };
  }
}
