/**
 * What a participant may write, enforced where edits arrive. Decided by what the update writes
 * (shared/doc/boardsTouched.ts), never by where a card is now:
 *   - `meta` (title, template, field, language, sources) is the facilitator's;
 *   - nothing on a locked board (a card's old and new board and type both count), and nothing at
 *     all while the whole workshop is locked;
 *   - while any lock holds, an update whose changes cannot be placed is refused (it could be
 *     anywhere).
 * Facilitators are never refused here; projectors cannot write at all (the relay drops theirs).
 */
import { updateFootprint } from '../../shared/doc/boardsTouched';
import type { UpdateGate } from '../sync/room';
import type { ControlService } from './controlService';

export const META_REASON = 'only facilitators change the workshop settings';

/** The write gate of one workshop's room. */
export function participantWriteGate(control: ControlService, workshopId: string): UpdateGate {
  return (role, update, doc) => {
    if (role !== 'participant') return true;
    const locks = control.peek(workshopId)?.locks;
    if (locks?.workshop) return false;
    let footprint;
    try {
      footprint = updateFootprint(doc, update);
    } catch {
      return 'malformed update'; // the relay decoded it already; refuse rather than guess
    }
    if (footprint.roots.has('meta')) return META_REASON;
    if (!locks || locks.boards.length === 0) return true;
    if (footprint.unresolved) return false;
    const locked = new Set<string>(locks.boards);
    for (const board of footprint.boards) if (locked.has(board)) return false;
    return true;
  };
}
