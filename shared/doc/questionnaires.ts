/**
 * Questionnaires in the workshop doc, with the answers people have made visible:
 *
 *   doc.getMap('questionnaires')     Y.Map<questionnaireId, Y.Map> — one entry per questionnaire
 *     definition:  Questionnaire     plain object (shared/questionnaire/schema.ts), replaced whole
 *                                    by an edit; an older version never replaces a newer one
 *     createdAt:   number           ms since epoch (the list's order)
 *     answers:     Y.Map<respondentId, Y.Map<questionId, Answer>>
 *                                    one Y.Map per respondent, one entry per ANSWERED question
 *                                    (plain tagged answers: { type: 'likert', value: 4 }); a
 *                                    question nobody answered has no entry, never a default
 *     respondents: Y.Map<respondentId, { name: string }>
 *                                    who answered — named questionnaires only; an anonymous
 *                                    questionnaire's respondents are never written here
 *
 * Privacy: while a phase keeps answers private, they are held by the server like private-writing
 * drafts (server/control/privateWritingService.ts) and are NOT in the doc; at the reveal the server
 * writes them here with `writeRevealedAnswers` (one transaction, so everyone sees them at once).
 * For an anonymous questionnaire the server passes respondent ids that are not identity ids
 * (random per respondent) and no names; `readResponses` never returns names for it, and
 * aggregate.ts `responsesFor` renumbers respondents.
 *
 * Concurrency: answers of different respondents, and different questions of one respondent, merge.
 * A respondent's Y.Map is made by the first write for them; two peers making it at the same time
 * would keep only one of the two maps, so it is made by one writer: the server at the reveal, or
 * `ensureRespondent` when a person starts a live (not private) questionnaire.
 *
 * Every write validates (the definition against questionnaireSchema, each answer against its
 * question); readers tolerate anything a peer may have written (invalid definitions and answers
 * that are not answers at all are skipped; answers that no longer fit an edited question are
 * returned and left to aggregate.ts / adapt.ts orphanedAnswers to report).
 */
import * as Y from 'yjs';
import { aggregateQuestionnaire, type QuestionnaireAggregate } from '../questionnaire/aggregate';
import {
  answerSchema,
  findQuestion,
  questionnaireSchema,
  validateAnswer,
  type Answer,
  type AnswerCheck,
  type Questionnaire,
  type Response,
} from '../questionnaire/schema';
import { numberOr } from './meta';

export const QUESTIONNAIRES_ROOT = 'questionnaires';
const NAME_MAX = 100;

export function questionnairesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(QUESTIONNAIRES_ROOT);
}

function entryOf(doc: Y.Doc, questionnaireId: string): Y.Map<unknown> | undefined {
  const entry = questionnairesMap(doc).get(questionnaireId);
  return entry instanceof Y.Map ? entry : undefined;
}

function readDefinition(entry: Y.Map<unknown>): Questionnaire | undefined {
  const parsed = questionnaireSchema.safeParse(entry.get('definition'));
  return parsed.success ? parsed.data : undefined;
}

function childMap(entry: Y.Map<unknown>, key: string): Y.Map<unknown> | undefined {
  const value = entry.get(key);
  return value instanceof Y.Map ? value : undefined;
}

/** Adds a questionnaire (a copy of a template, adapt.ts). Throws when invalid or the id is taken. */
export function addQuestionnaire(doc: Y.Doc, questionnaire: Questionnaire, createdAt = Date.now()) {
  const definition = questionnaireSchema.parse(questionnaire);
  const map = questionnairesMap(doc);
  if (map.has(definition.id)) throw new Error(`questionnaire "${definition.id}" already exists`);
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    entry.set('definition', definition);
    entry.set('createdAt', createdAt);
    entry.set('answers', new Y.Map());
    entry.set('respondents', new Y.Map());
    map.set(definition.id, entry);
  });
}

/**
 * Replaces a questionnaire's definition by an edited one (adapt.ts). Its answers stay as they are.
 * False when there is no such questionnaire or the stored version is not older.
 */
export function updateQuestionnaire(doc: Y.Doc, questionnaire: Questionnaire): boolean {
  const definition = questionnaireSchema.parse(questionnaire);
  const entry = entryOf(doc, definition.id);
  if (!entry) return false;
  const current = readDefinition(entry);
  if (current && current.version >= definition.version) return false;
  entry.set('definition', definition);
  return true;
}

export function getQuestionnaire(doc: Y.Doc, questionnaireId: string): Questionnaire | undefined {
  const entry = entryOf(doc, questionnaireId);
  return entry ? readDefinition(entry) : undefined;
}

/** Every questionnaire with a valid definition, oldest first. */
export function listQuestionnaires(doc: Y.Doc): Questionnaire[] {
  const out: { q: Questionnaire; at: number }[] = [];
  for (const entry of questionnairesMap(doc).values()) {
    if (!(entry instanceof Y.Map)) continue;
    const q = readDefinition(entry);
    if (q) out.push({ q, at: numberOr(entry.get('createdAt'), 0) });
  }
  return out.sort((a, b) => a.at - b.at || a.q.id.localeCompare(b.q.id)).map((x) => x.q);
}

/** One person's answers as revealed by the server; `answers` as received (validated here). */
export interface RevealedResponse {
  respondentId: string;
  /** Ignored for an anonymous questionnaire. */
  name?: string;
  answers: Record<string, unknown>;
}

export interface RefusedAnswer {
  respondentId: string;
  questionId: string;
  error: string;
}

export interface WriteReport {
  /** Answers written. */
  written: number;
  /** Answers not written, with why (no such question, not fitting it): reported, never guessed. */
  refused: RefusedAnswer[];
}

/**
 * Writes revealed answers, in one transaction. Each answer is checked against its question; those
 * that do not fit are refused and reported. An answer a person did not give is not written (and an
 * earlier answer of theirs to that question stays). Throws when the questionnaire does not exist.
 */
export function writeRevealedAnswers(
  doc: Y.Doc,
  questionnaireId: string,
  responses: readonly RevealedResponse[],
): WriteReport {
  const entry = entryOf(doc, questionnaireId);
  const questionnaire = entry && readDefinition(entry);
  if (!entry || !questionnaire) throw new Error(`no questionnaire "${questionnaireId}"`);
  const report: WriteReport = { written: 0, refused: [] };
  doc.transact(() => {
    for (const response of responses) {
      if (!validRespondentId(response.respondentId)) {
        for (const questionId of Object.keys(response.answers)) {
          report.refused.push({
            respondentId: String(response.respondentId),
            questionId,
            error: 'invalid respondent id',
          });
        }
        continue;
      }
      const checked: [string, Answer][] = [];
      for (const [questionId, raw] of Object.entries(response.answers)) {
        const question = findQuestion(questionnaire, questionId);
        const check: AnswerCheck = question
          ? validateAnswer(question, raw)
          : { ok: false, error: `no question "${questionId}"` };
        if (check.ok) checked.push([questionId, check.answer]);
        else
          report.refused.push({
            respondentId: response.respondentId,
            questionId,
            error: check.error,
          });
      }
      if (checked.length === 0) continue;
      const answers = respondentAnswers(entry, response.respondentId, true)!;
      for (const [questionId, answer] of checked) answers.set(questionId, answer);
      report.written += checked.length;
      if (!questionnaire.anonymous) nameRespondent(entry, response.respondentId, response.name);
    }
  });
  return report;
}

/**
 * Makes a respondent's (empty) answer map, so that later answers from several devices merge;
 * for live questionnaires, called by one writer when the person starts answering.
 */
export function ensureRespondent(
  doc: Y.Doc,
  questionnaireId: string,
  respondentId: string,
  name?: string,
): boolean {
  const entry = entryOf(doc, questionnaireId);
  const questionnaire = entry && readDefinition(entry);
  if (!entry || !questionnaire || !validRespondentId(respondentId)) return false;
  doc.transact(() => {
    respondentAnswers(entry, respondentId, true);
    if (!questionnaire.anonymous) nameRespondent(entry, respondentId, name);
  });
  return true;
}

/**
 * Sets one answer of one respondent (after the reveal, or in a live questionnaire); `undefined`
 * clears it back to "not answered". Never throws on bad input: the check says what is wrong.
 */
export function setAnswer(
  doc: Y.Doc,
  questionnaireId: string,
  respondentId: string,
  questionId: string,
  raw: unknown,
): AnswerCheck | { ok: true; answer: undefined } {
  const entry = entryOf(doc, questionnaireId);
  const questionnaire = entry && readDefinition(entry);
  if (!entry || !questionnaire)
    return { ok: false, error: `no questionnaire "${questionnaireId}"` };
  if (!validRespondentId(respondentId)) return { ok: false, error: 'invalid respondent id' };
  const question = findQuestion(questionnaire, questionId);
  if (!question) return { ok: false, error: `no question "${questionId}"` };
  if (raw === undefined) {
    respondentAnswers(entry, respondentId, false)?.delete(questionId);
    return { ok: true, answer: undefined };
  }
  const check = validateAnswer(question, raw);
  if (check.ok) {
    doc.transact(() => respondentAnswers(entry, respondentId, true)!.set(questionId, check.answer));
  }
  return check;
}

/**
 * Everyone's answers to a questionnaire, sorted by respondent id. Values that are not answers at
 * all are skipped; answers that no longer fit their (edited) question are kept (see header).
 * Names only for named questionnaires.
 */
export function readResponses(doc: Y.Doc, questionnaireId: string): Response[] {
  const entry = entryOf(doc, questionnaireId);
  const questionnaire = entry && readDefinition(entry);
  const answersMap = entry && childMap(entry, 'answers');
  if (!entry || !questionnaire || !answersMap) return [];
  const names = childMap(entry, 'respondents');
  const out: Response[] = [];
  for (const [respondentId, value] of answersMap.entries()) {
    if (!(value instanceof Y.Map)) continue;
    const answers: Record<string, Answer> = {};
    for (const [questionId, raw] of value.entries()) {
      const parsed = answerSchema.safeParse(raw);
      if (parsed.success) answers[questionId] = parsed.data;
    }
    if (Object.keys(answers).length === 0) continue;
    const response: Response = { respondentId, answers };
    const name = questionnaire.anonymous ? undefined : nameOf(names?.get(respondentId));
    if (name) response.name = name;
    out.push(response);
  }
  return out.sort((a, b) => (a.respondentId < b.respondentId ? -1 : 1));
}

/** The live results of a questionnaire (no names; see aggregate.ts). */
export function readAggregate(
  doc: Y.Doc,
  questionnaireId: string,
): QuestionnaireAggregate | undefined {
  const questionnaire = getQuestionnaire(doc, questionnaireId);
  if (!questionnaire) return undefined;
  return aggregateQuestionnaire(questionnaire, readResponses(doc, questionnaireId));
}

function respondentAnswers(
  entry: Y.Map<unknown>,
  respondentId: string,
  create: boolean,
): Y.Map<unknown> | undefined {
  let answers = childMap(entry, 'answers');
  if (!answers) {
    if (!create) return undefined;
    answers = new Y.Map();
    entry.set('answers', answers);
  }
  const existing = answers.get(respondentId);
  if (existing instanceof Y.Map) return existing;
  if (!create) return undefined;
  const made = new Y.Map<unknown>();
  answers.set(respondentId, made);
  return made;
}

function nameRespondent(entry: Y.Map<unknown>, respondentId: string, name: string | undefined) {
  const trimmed = name?.trim().slice(0, NAME_MAX);
  if (!trimmed) return;
  let names = childMap(entry, 'respondents');
  if (!names) {
    names = new Y.Map();
    entry.set('respondents', names);
  }
  if (nameOf(names.get(respondentId)) !== trimmed) names.set(respondentId, { name: trimmed });
}

function nameOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const name = (value as { name?: unknown }).name;
  return typeof name === 'string' && name.trim() ? name.slice(0, NAME_MAX) : undefined;
}

function validRespondentId(id: string): boolean {
  return typeof id === 'string' && id.length > 0 && id.length <= 128;
}
