/**
 * What a questionnaire's discussion adds to its entry in the doc (issue 12), beside the
 * definition and answers of shared/doc/questionnaires.ts:
 *
 *   questionnaires.<id>
 *     revealedAt:  number                    when the answers became visible (absent: still held
 *                                            by the server, or a questionnaire never revealed)
 *     focus:       string                    the question being discussed (the wall shows it);
 *                                            absent: none chosen
 *     notes:       Y.Map<questionId, string> the coach's notes, one per question; a question
 *                                            without a note has no entry
 *
 * All three are written by the server only (the write gate refuses client writes to the
 * questionnaires root): a facilitator's command arrives on the control plane, is checked, and the
 * server applies it here.
 */
import * as Y from 'yjs';
import { findQuestion } from '../questionnaire/schema';
import { getQuestionnaire, questionnairesMap } from './questionnaires';

/** A coach note's length limit, in characters. */
export const COACH_NOTE_MAX = 5000;

function entryOf(doc: Y.Doc, questionnaireId: string): Y.Map<unknown> | undefined {
  const entry = questionnairesMap(doc).get(questionnaireId);
  return entry instanceof Y.Map ? entry : undefined;
}

export type DiscussionResult = { ok: true } | { ok: false; error: string };

/** Marks a questionnaire's answers as revealed (kept when already set). */
export function markRevealed(doc: Y.Doc, questionnaireId: string, at: number): boolean {
  const entry = entryOf(doc, questionnaireId);
  if (!entry) return false;
  if (typeof entry.get('revealedAt') !== 'number') entry.set('revealedAt', at);
  return true;
}

export function revealedAt(doc: Y.Doc, questionnaireId: string): number | undefined {
  const at = entryOf(doc, questionnaireId)?.get('revealedAt');
  return typeof at === 'number' && Number.isFinite(at) ? at : undefined;
}

/** Sets the question under discussion; `null` clears it. */
export function setFocus(
  doc: Y.Doc,
  questionnaireId: string,
  questionId: string | null,
): DiscussionResult {
  const entry = entryOf(doc, questionnaireId);
  const questionnaire = getQuestionnaire(doc, questionnaireId);
  if (!entry || !questionnaire)
    return { ok: false, error: `no questionnaire "${questionnaireId}"` };
  if (questionId === null) {
    entry.delete('focus');
    return { ok: true };
  }
  if (!findQuestion(questionnaire, questionId)) {
    return { ok: false, error: `no question "${questionId}"` };
  }
  entry.set('focus', questionId);
  return { ok: true };
}

/** The question under discussion, when it still exists. */
export function readFocus(doc: Y.Doc, questionnaireId: string): string | undefined {
  const focus = entryOf(doc, questionnaireId)?.get('focus');
  const questionnaire = getQuestionnaire(doc, questionnaireId);
  if (typeof focus !== 'string' || !questionnaire) return undefined;
  return findQuestion(questionnaire, focus) ? focus : undefined;
}

/** Sets the coach's note on a question; blank text removes it (a note not written is absent). */
export function setCoachNote(
  doc: Y.Doc,
  questionnaireId: string,
  questionId: string,
  text: string,
): DiscussionResult {
  const entry = entryOf(doc, questionnaireId);
  const questionnaire = getQuestionnaire(doc, questionnaireId);
  if (!entry || !questionnaire)
    return { ok: false, error: `no questionnaire "${questionnaireId}"` };
  if (!findQuestion(questionnaire, questionId)) {
    return { ok: false, error: `no question "${questionId}"` };
  }
  if (typeof text !== 'string') return { ok: false, error: 'a note is text' };
  if (text.length > COACH_NOTE_MAX) {
    return { ok: false, error: `a note has at most ${COACH_NOTE_MAX} characters` };
  }
  doc.transact(() => {
    let notes = entry.get('notes');
    if (!(notes instanceof Y.Map)) {
      if (!text.trim()) return;
      notes = new Y.Map<unknown>();
      entry.set('notes', notes);
    }
    const map = notes as Y.Map<unknown>;
    if (text.trim()) map.set(questionId, text);
    else map.delete(questionId);
  });
  return { ok: true };
}

/** The coach's notes by question id (non-text values a peer may have written are skipped). */
export function readCoachNotes(doc: Y.Doc, questionnaireId: string): Record<string, string> {
  const notes = entryOf(doc, questionnaireId)?.get('notes');
  const out: Record<string, string> = {};
  if (!(notes instanceof Y.Map)) return out;
  for (const [questionId, text] of notes.entries()) {
    if (typeof text === 'string' && text.trim()) out[questionId] = text.slice(0, COACH_NOTE_MAX);
  }
  return out;
}
