/**
 * The workshop's questionnaires as the doc holds them (shared/doc/questionnaires.ts and
 * questionnaireDiscussion.ts): each definition with the answers revealed so far, the coach's notes
 * and the question under discussion. One deep subscription to the questionnaires root: answers,
 * notes and focus all live under it, and a questionnaire board shows all of them at once.
 */
import type * as Y from 'yjs';
import { readCoachNotes, readFocus, revealedAt } from '@shared/doc/questionnaireDiscussion';
import { listQuestionnaires, questionnairesMap, readResponses } from '@shared/doc/questionnaires';
import type { Questionnaire, Response } from '@shared/questionnaire/schema';
import { useYValue } from '@client/sync/useY';

export interface QuestionnaireInDoc {
  definition: Questionnaire;
  /** Answers visible to everyone: none before the reveal. */
  responses: Response[];
  notes: Record<string, string>;
  focus: string | undefined;
  revealedAt: number | undefined;
}

function readAll(root: Y.Map<unknown>): QuestionnaireInDoc[] {
  const doc = root.doc;
  if (!doc) return [];
  return listQuestionnaires(doc).map((definition) => ({
    definition,
    responses: readResponses(doc, definition.id),
    notes: readCoachNotes(doc, definition.id),
    focus: readFocus(doc, definition.id),
    revealedAt: revealedAt(doc, definition.id),
  }));
}

const NONE: QuestionnaireInDoc[] = [];

/** Every questionnaire in the doc, oldest first. */
export function useQuestionnaireDoc(doc: Y.Doc): QuestionnaireInDoc[] {
  return useYValue(questionnairesMap(doc) as Y.Map<unknown>, readAll, {
    deep: true,
    fallback: NONE,
  });
}
