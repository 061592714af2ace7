/**
 * Locks, enforced where edits arrive: a participant's document update that touches a locked board
 * (or any update while the whole workshop is locked) is refused by the relay. Facilitators are never
 * locked out; projectors cannot write at all.
 */
import { boardsTouchedBy } from '../../shared/doc/boardsTouched';
import type { UpdateGate } from '../sync/room';
import type { ControlService } from './controlService';

/** The lock gate of one workshop's room. */
export function lockGate(control: ControlService, workshopId: string): UpdateGate {
  return (role, update, doc) => {
    if (role !== 'participant') return true;
    const locks = control.peek(workshopId)?.locks;
    if (!locks || (!locks.workshop && locks.boards.length === 0)) return true;
    if (locks.workshop) return false;
    const locked = new Set<string>(locks.boards);
    try {
      for (const board of boardsTouchedBy(doc, update)) if (locked.has(board)) return false;
    } catch {
      return true; // unreadable: the relay's own validation rejects it
    }
    return true;
  };
}
