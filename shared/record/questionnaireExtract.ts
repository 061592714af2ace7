/**
 * doc → record for questionnaires (see questionnaireSchema.ts). Reads only through the
 * questionnaire accessors of shared/doc, which already skip definitions and answers that do not
 * validate and never return a name for an anonymous questionnaire; on top of that the answers are
 * passed through `responsesFor`, so an anonymous questionnaire's respondents are renumbered by the
 * content of their answers (neither an identity id nor the order people answered in can show).
 *
 * Names follow the record's rule for people: a named questionnaire's respondent appears by name
 * only when they agreed to appear by name in the record (asked when joining); otherwise their
 * answers stay, under their opaque respondent id, without the name.
 *
 * Nothing is made up: a questionnaire whose answers are not in the doc is "not-revealed" with no
 * answers and no aggregate, an unanswered question has no entry, and a statistic that cannot be
 * computed is null.
 */
import type * as Y from 'yjs';
import { readCoachNotes, revealedAt } from '../doc/questionnaireDiscussion';
import { listQuestionnaires, readResponses } from '../doc/questionnaires';
import { aggregateQuestionnaire, responsesFor } from '../questionnaire/aggregate';
import {
  allQuestions,
  questionnaireIdSchema,
  type Questionnaire,
  type Response,
} from '../questionnaire/schema';
import { SELF_ASSESSMENT } from '../questionnaire/shipped';
import { selfAssessmentSummary } from '../questionnaire/views';
import type { RecordQuestionnaire } from './questionnaireSchema';

export function extractQuestionnaires(
  doc: Y.Doc,
  /** Identity ids of the people who agreed to appear by name in the record. */
  namedWithConsent: ReadonlySet<string>,
): RecordQuestionnaire[] {
  const withConsent = (response: Response): Response => {
    if (response.name === undefined || namedWithConsent.has(response.respondentId)) return response;
    const { name: _name, ...rest } = response;
    return rest;
  };
  return listQuestionnaires(doc).map((definition) => {
    const id = definition.id;
    const at = revealedAt(doc, id);
    const responses = responsesFor(
      definition,
      readResponses(doc, id).map(keyedById).map(withConsent),
    );
    // Answers in the doc are visible to everyone, so they count as revealed even when the doc
    // does not say when (a questionnaire revealed before revealedAt was written).
    const revealed = at !== undefined || responses.length > 0;
    return {
      definition,
      status: revealed ? 'revealed' : 'not-revealed',
      revealedAt: at === undefined ? null : isoOrNull(at),
      responses,
      aggregate: revealed ? finiteAggregate(definition, responses) : null,
      coachNotes: coachNotes(doc, definition),
      selfAssessment: isSelfAssessment(definition)
        ? responses.map((response) => ({
            respondentId: response.respondentId,
            ...(response.name === undefined ? {} : { name: response.name }),
            ...selfAssessmentSummary(definition, response),
          }))
        : null,
    };
  });
}

/** A copy of the shipped self-assessment (or the template itself, run as it is). */
export function isSelfAssessment(definition: Questionnaire): boolean {
  return (
    definition.basedOn?.id === SELF_ASSESSMENT.templateId ||
    definition.id === SELF_ASSESSMENT.templateId
  );
}

/**
 * Answers under a key that is not a question id (a peer may write any key) cannot be named in the
 * record: left out, like any other value that is not an answer.
 */
function keyedById(response: Response): Response {
  const answers = Object.fromEntries(
    Object.entries(response.answers).filter(
      ([key]) => questionnaireIdSchema.safeParse(key).success,
    ),
  );
  return { ...response, answers };
}

function finiteAggregate(definition: Questionnaire, responses: Response[]) {
  const aggregate = aggregateQuestionnaire(definition, responses);
  // Huge numbers can sum to Infinity: a mean that cannot be computed is not set, not a number.
  const finite = (value: number | null) =>
    value !== null && Number.isFinite(value) ? value : null;
  return {
    ...aggregate,
    questions: aggregate.questions.map((q) => {
      if (q.type === 'number') {
        return {
          ...q,
          min: finite(q.min),
          max: finite(q.max),
          mean: finite(q.mean),
          median: finite(q.median),
        };
      }
      if (q.type === 'likert') return { ...q, mean: finite(q.mean) };
      return q;
    }),
  };
}

/** The coach's notes in question order, then notes on questions since removed (by id). */
function coachNotes(doc: Y.Doc, definition: Questionnaire) {
  const notes = readCoachNotes(doc, definition.id);
  const order = new Map(allQuestions(definition).map(({ question }, i) => [question.id, i]));
  return Object.entries(notes)
    .filter(([questionId]) => questionId.length >= 1 && questionId.length <= 64)
    .sort(
      ([a], [b]) =>
        (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) ||
        (a < b ? -1 : a > b ? 1 : 0),
    )
    .map(([questionId, text]) => ({ questionId, text }));
}

function isoOrNull(ms: number): string | null {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
