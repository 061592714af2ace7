/**
 * What a client may write, enforced where edits arrive. Decided by what the update writes
 * (shared/doc/boardsTouched.ts), never by where a card is now:
 *   - `voteResults` are the server's (written at a reveal from the secret ballots): no client
 *     writes them, facilitators included, so the record's totals are the server's tally;
 *   - `meta` (title, template, field, language, sources) and `regions` are the workshop settings,
 *     the facilitator's;
 *   - a participant writes nothing on a locked board (a card's old and new board and type both
 *     count), and nothing at all while the whole workshop is locked;
 *   - while any lock holds, a participant's update whose changes cannot be placed is refused (it
 *     could be anywhere).
 * Projectors cannot write at all (the relay drops their updates before any gate).
 */
import { updateFootprint } from '../../shared/doc/boardsTouched';
import type { UpdateGate } from '../sync/room';
import type { ControlService } from './controlService';

export const SETTINGS_REASON = 'only facilitators change the workshop settings';
export const SERVER_ONLY_REASON = 'vote results are written by the server only';
export const QUESTIONNAIRES_REASON = 'questionnaires are written by the server only';

/** Roots only the facilitator's clients write. */
const SETTINGS_ROOTS = ['meta', 'regions'];
/**
 * Roots only the server writes. `questionnaires` (issue 12): definitions are written when a
 * facilitator starts a run, answers at the reveal and after it through checked commands
 * (server/control/questionnaireDiscussion.ts), so no client can touch anyone else's answers.
 */
const SERVER_ROOTS: Record<string, string> = {
  voteResults: SERVER_ONLY_REASON,
  questionnaires: QUESTIONNAIRES_REASON,
};

/** The write gate of one workshop's room. */
export function writeGate(control: ControlService, workshopId: string): UpdateGate {
  return (role, update, doc) => {
    const locks = role === 'participant' ? control.peek(workshopId)?.locks : undefined;
    if (locks?.workshop) return false;
    let footprint;
    try {
      footprint = updateFootprint(doc, update);
    } catch {
      return 'malformed update'; // the relay decoded it already; refuse rather than guess
    }
    for (const [root, reason] of Object.entries(SERVER_ROOTS)) {
      if (footprint.roots.has(root)) return reason;
    }
    if (role !== 'participant') return true;
    if (SETTINGS_ROOTS.some((root) => footprint.roots.has(root))) return SETTINGS_REASON;
    if (!locks || locks.boards.length === 0) return true;
    if (footprint.unresolved) return false;
    const locked = new Set<string>(locks.boards);
    for (const board of footprint.boards) if (locked.has(board)) return false;
    return true;
  };
}
