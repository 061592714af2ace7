/**
 * Adapting a template for one workshop (pure functions: each takes a questionnaire and returns a
 * new one, never changing its input).
 *
 * Copying: `copyTemplate` makes the workshop's own questionnaire: a new id, version 1, and
 * `basedOn: { id, version }` of the template, so the record keeps which template version was used.
 * Every successful edit after that bumps `version` by one; the result is always re-validated.
 *
 * The rules once answers exist (decided here; docs/questionnaires.md repeats them):
 *   1. Answers are keyed by question id and are never deleted or moved by an edit. An edit that
 *      leaves answers without a question that fits them reports them as `orphaned` (they stay in
 *      the doc under their old question id, and `orphanedAnswers` finds them again later).
 *   2. Changing what a person READ when answering — the question's text, a likert label, the
 *      label of an option that stays — on a question with answers needs an explicit
 *      `meaning`: 'same' (a typo or clarification: the id and its answers stay) or 'changed'
 *      (a new question: it gets a new id, the old answers are reported as orphaned). Without it
 *      the edit is refused with `needsDecision`. Hints, examples and sum-up flags change freely.
 *   3. Changing the answer type or its constraints keeps the id when every existing answer still
 *      fits (e.g. an option added, a longer text allowed). When some do not fit, the edit is
 *      refused listing them in `incompatible`, unless `meaning: 'changed'` — then the question gets
 *      a new id and all its old answers are reported as orphaned. Nothing is converted (a likert 4
 *      never becomes "4" in a text answer): that would invent what the person did not say.
 *   4. Removing an answered question (or a section holding one) is allowed; its answers are
 *      reported as orphaned.
 *   5. A new id is never one that answers already use, so orphaned answers never attach to a new
 *      question: "<id>~2", "<id>~3", … unless the caller gives one.
 */
import type { z } from 'zod';
import {
  allQuestions,
  findQuestion,
  questionnaireSchema,
  questionSchema,
  sectionSchema,
  validateAnswer,
  type Answer,
  type AnswerType,
  type Question,
  type Questionnaire,
  type Response,
  type Section,
} from './schema';

export interface OrphanedAnswer {
  respondentId: string;
  questionId: string;
  answer: unknown;
  reason: string;
}

export type EditResult =
  | {
      ok: true;
      questionnaire: Questionnaire;
      /** Answers left without a question that fits them (kept where they are; shown to the editor). */
      orphaned: OrphanedAnswer[];
      /** When the edited question got a new id (rule 2/3 with meaning 'changed'). */
      renamed?: { from: string; to: string };
    }
  | {
      ok: false;
      error: string;
      /** Rule 2: the question has answers and its wording changes; say whether the meaning did. */
      needsDecision?: boolean;
      /** Rule 3: answers that would not fit the new answer type. */
      incompatible?: OrphanedAnswer[];
    };

export interface CopyOptions {
  /** The workshop questionnaire's id. */
  id: string;
  title?: string;
  anonymous?: boolean;
}

/** The workshop's own copy of a template: version 1, `basedOn` the template's id and version. */
export function copyTemplate(template: Questionnaire, options: CopyOptions): Questionnaire {
  const copy: Questionnaire = {
    ...structuredClone(template),
    id: options.id,
    version: 1,
    basedOn: { id: template.id, version: template.version },
    anonymous: options.anonymous ?? template.anonymous,
  };
  if (options.title !== undefined) copy.title = options.title;
  return questionnaireSchema.parse(copy);
}

/**
 * Changes the title, description or anonymity. Making a named questionnaire anonymous hides the
 * names it has (readers never return them); making an anonymous one named shows names only for
 * answers written after the change — earlier answers were stored without any.
 */
export function updateDetails(
  q: Questionnaire,
  patch: Partial<Pick<Questionnaire, 'title' | 'description' | 'anonymous'>>,
): EditResult {
  const next: Questionnaire = { ...q, version: q.version + 1 };
  if (patch.title !== undefined) next.title = patch.title;
  if (patch.anonymous !== undefined) next.anonymous = patch.anonymous;
  if ('description' in patch) {
    if (patch.description === undefined) delete next.description;
    else next.description = patch.description;
  }
  const parsed = questionnaireSchema.safeParse(next);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  return { ok: true, questionnaire: parsed.data, orphaned: [] };
}

// ---------------------------------------------------------------------------------------------
// Questions

export interface QuestionPlace {
  sectionId: string;
  /** Position in the section; the end when absent. */
  index?: number;
}

/** Adds a question. Its id must be new: used by no question and no existing answer. */
export function addQuestion(
  q: Questionnaire,
  question: Question,
  place: QuestionPlace,
  responses: readonly Response[] = [],
): EditResult {
  const valid = questionSchema.safeParse(question);
  if (!valid.success) return { ok: false, error: firstIssue(valid.error) };
  if (usedIds(q, responses).has(valid.data.id)) {
    return { ok: false, error: `question id "${valid.data.id}" is already used` };
  }
  return withSections(q, [], (sections) => {
    const section = sections.find((s) => s.id === place.sectionId);
    if (!section) return `no section "${place.sectionId}"`;
    insertAt(section.questions, valid.data, place.index);
    return null;
  });
}

/** Removes a question; its answers are reported as orphaned (rule 4). */
export function removeQuestion(
  q: Questionnaire,
  questionId: string,
  responses: readonly Response[] = [],
): EditResult {
  if (!findQuestion(q, questionId)) return { ok: false, error: `no question "${questionId}"` };
  const orphaned = answersTo(responses, questionId, 'the question was removed');
  return withSections(q, orphaned, (sections) => {
    for (const section of sections) {
      section.questions = section.questions.filter((question) => question.id !== questionId);
    }
    return null;
  });
}

/** Moves a question to another place (same or another section). Answers are unaffected. */
export function moveQuestion(q: Questionnaire, questionId: string, to: QuestionPlace): EditResult {
  const question = findQuestion(q, questionId);
  if (!question) return { ok: false, error: `no question "${questionId}"` };
  return withSections(q, [], (sections) => {
    const target = sections.find((s) => s.id === to.sectionId);
    if (!target) return `no section "${to.sectionId}"`;
    for (const section of sections) {
      section.questions = section.questions.filter((x) => x.id !== questionId);
    }
    insertAt(target.questions, structuredClone(question), to.index);
    return null;
  });
}

export type QuestionPatch = Partial<Omit<Question, 'id'>>;

export interface EditOptions {
  /** Rules 2 and 3: whether an answered question keeps its meaning. */
  meaning?: 'same' | 'changed';
  /** The id to give the question when it becomes a new one; "<id>~N" when absent. */
  newId?: string;
}

/**
 * Changes a question's text, hint, examples, sum-up flag and/or answer type, following the rules in
 * this module's header. `hint: undefined` / `examples: undefined` in the patch remove them.
 */
export function editQuestion(
  q: Questionnaire,
  questionId: string,
  patch: QuestionPatch,
  responses: readonly Response[] = [],
  options: EditOptions = {},
): EditResult {
  const before = findQuestion(q, questionId);
  if (!before) return { ok: false, error: `no question "${questionId}"` };
  const merged: Question = {
    ...structuredClone(before),
    ...structuredClone(patch),
    id: questionId,
  };
  for (const key of ['hint', 'examples', 'sumUp'] as const) {
    if (key in patch && patch[key] === undefined) delete merged[key];
  }
  // checked before the answers are checked against it (a patch may come from anywhere)
  const valid = questionSchema.safeParse(merged);
  if (!valid.success) return { ok: false, error: firstIssue(valid.error) };
  const after = valid.data;
  // the answers that fit the question as it is (any others are orphaned already)
  const existing = answersTo(responses, questionId, '').filter(
    (a) => validateAnswer(before, a.answer).ok,
  );
  let becomesNew = false;
  if (existing.length > 0) {
    const incompatible = existing
      .map((a) => ({ ...a, check: validateAnswer(after, a.answer) }))
      .filter((a) => !a.check.ok)
      .map(({ check, ...a }) => ({ ...a, reason: check.ok ? '' : check.error }));
    if (incompatible.length > 0) {
      if (options.meaning !== 'changed') {
        return {
          ok: false,
          error: `${incompatible.length} answer(s) to "${questionId}" would not fit the new answer type; make it a new question (meaning 'changed') or keep the type`,
          incompatible,
        };
      }
      becomesNew = true;
    } else if (wordingChanged(before, after)) {
      if (!options.meaning) {
        return {
          ok: false,
          needsDecision: true,
          error: `"${questionId}" has ${existing.length} answer(s) and its wording changes: say whether its meaning stays the same or changed`,
        };
      }
      becomesNew = options.meaning === 'changed';
    }
  }
  if (!becomesNew) {
    return withSections(q, [], (sections) => replaceQuestion(sections, questionId, after));
  }
  const newId = options.newId ?? nextId(questionId, usedIds(q, responses));
  if (usedIds(q, responses).has(newId)) {
    return { ok: false, error: `question id "${newId}" is already used` };
  }
  const orphaned = existing.map((a) => ({
    ...a,
    reason: `the question changed; it is now "${newId}"`,
  }));
  const result = withSections(q, orphaned, (sections) =>
    replaceQuestion(sections, questionId, { ...after, id: newId }),
  );
  return result.ok ? { ...result, renamed: { from: questionId, to: newId } } : result;
}

/** Rewords a question (its text, and optionally hint and examples). See editQuestion. */
export function rewordQuestion(
  q: Questionnaire,
  questionId: string,
  wording: Pick<QuestionPatch, 'text' | 'hint' | 'examples'>,
  responses: readonly Response[] = [],
  options: EditOptions = {},
): EditResult {
  return editQuestion(q, questionId, wording, responses, options);
}

/** Changes a question's answer type or its constraints. See editQuestion. */
export function changeAnswerType(
  q: Questionnaire,
  questionId: string,
  answer: AnswerType,
  responses: readonly Response[] = [],
  options: EditOptions = {},
): EditResult {
  return editQuestion(q, questionId, { answer }, responses, options);
}

// ---------------------------------------------------------------------------------------------
// Sections

export function addSection(q: Questionnaire, raw: Section, index?: number): EditResult {
  const valid = sectionSchema.safeParse(raw);
  if (!valid.success) return { ok: false, error: firstIssue(valid.error) };
  const section = valid.data;
  if (q.sections.some((s) => s.id === section.id)) {
    return { ok: false, error: `section id "${section.id}" is already used` };
  }
  const ids = usedIds(q, []);
  const clash = section.questions.find((question) => ids.has(question.id));
  if (clash) return { ok: false, error: `question id "${clash.id}" is already used` };
  return withSections(q, [], (sections) => {
    insertAt(sections, section, index);
    return null;
  });
}

/** Removes a section and its questions; their answers are reported as orphaned (rule 4). */
export function removeSection(
  q: Questionnaire,
  sectionId: string,
  responses: readonly Response[] = [],
): EditResult {
  const section = q.sections.find((s) => s.id === sectionId);
  if (!section) return { ok: false, error: `no section "${sectionId}"` };
  const orphaned = section.questions.flatMap((question) =>
    answersTo(responses, question.id, 'its section was removed'),
  );
  return withSections(q, orphaned, (sections) => {
    const i = sections.findIndex((s) => s.id === sectionId);
    sections.splice(i, 1);
    return sections.length === 0 ? 'a questionnaire keeps at least one section' : null;
  });
}

/** Changes a section's title, subtitle or description (`undefined` removes subtitle/description). */
export function updateSection(
  q: Questionnaire,
  sectionId: string,
  patch: Partial<Pick<Section, 'title' | 'subtitle' | 'description'>>,
): EditResult {
  return withSections(q, [], (sections) => {
    const section = sections.find((s) => s.id === sectionId);
    if (!section) return `no section "${sectionId}"`;
    if (patch.title !== undefined) section.title = patch.title;
    for (const key of ['subtitle', 'description'] as const) {
      if (!(key in patch)) continue;
      const value = patch[key];
      if (value === undefined) delete section[key];
      else section[key] = value;
    }
    return null;
  });
}

export function moveSection(q: Questionnaire, sectionId: string, index: number): EditResult {
  return withSections(q, [], (sections) => {
    const i = sections.findIndex((s) => s.id === sectionId);
    if (i < 0) return `no section "${sectionId}"`;
    const [section] = sections.splice(i, 1);
    insertAt(sections, section!, index);
    return null;
  });
}

// ---------------------------------------------------------------------------------------------
// Answers and the questionnaire

/**
 * Answers with no question that fits them: their question is gone, or they do not fit its answer
 * type any more. For the editor (what the change left behind) and for the record.
 */
export function orphanedAnswers(
  q: Questionnaire,
  responses: readonly Response[],
): OrphanedAnswer[] {
  const out: OrphanedAnswer[] = [];
  for (const response of responses) {
    for (const [questionId, answer] of Object.entries(response.answers)) {
      const question = findQuestion(q, questionId);
      const check = question ? validateAnswer(question, answer) : null;
      if (check?.ok) continue;
      out.push({
        respondentId: response.respondentId,
        questionId,
        answer,
        reason: check ? check.error : 'no such question',
      });
    }
  }
  return out;
}

/** A question id not used by any question or answer: "<base>~2", "<base>~3", … */
export function freshQuestionId(
  q: Questionnaire,
  responses: readonly Response[],
  base: string,
): string {
  const used = usedIds(q, responses);
  return used.has(base) ? nextId(base, used) : base;
}

function nextId(id: string, used: ReadonlySet<string>): string {
  const base = id.replace(/~\d+$/, '');
  for (let n = 2; ; n++) {
    const candidate = `${base}~${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

function usedIds(q: Questionnaire, responses: readonly Response[]): Set<string> {
  const ids = new Set(allQuestions(q).map(({ question }) => question.id));
  for (const response of responses) for (const id of Object.keys(response.answers)) ids.add(id);
  return ids;
}

function answersTo(
  responses: readonly Response[],
  questionId: string,
  reason: string,
): OrphanedAnswer[] {
  return responses
    .filter((r) => Object.hasOwn(r.answers, questionId))
    .map((r) => ({
      respondentId: r.respondentId,
      questionId,
      answer: r.answers[questionId] as Answer,
      reason,
    }));
}

/** What a person read changed: the text, a likert label, or the label of an option that stays. */
function wordingChanged(before: Question, after: Question): boolean {
  if (before.text !== after.text) return true;
  const a = before.answer;
  const b = after.answer;
  if (a.type === 'likert' && b.type === 'likert') return a.labels.some((l, i) => l !== b.labels[i]);
  if ('options' in a && 'options' in b) {
    const labels = new Map(b.options.map((o) => [o.id, o.label]));
    return a.options.some((o) => labels.has(o.id) && labels.get(o.id) !== o.label);
  }
  return false;
}

function replaceQuestion(sections: Section[], questionId: string, next: Question): string | null {
  for (const section of sections) {
    const i = section.questions.findIndex((question) => question.id === questionId);
    if (i >= 0) {
      section.questions[i] = next;
      return null;
    }
  }
  return `no question "${questionId}"`;
}

function insertAt<T>(list: T[], value: T, index: number | undefined): void {
  const at = index === undefined ? list.length : Math.max(0, Math.min(list.length, index));
  list.splice(at, 0, value);
}

/** Applies a change to a copy of the sections, bumps the version and re-validates. */
function withSections(
  q: Questionnaire,
  orphaned: OrphanedAnswer[],
  change: (sections: Section[]) => string | null,
): EditResult {
  const sections = structuredClone(q.sections);
  const error = change(sections);
  if (error) return { ok: false, error };
  const parsed = questionnaireSchema.safeParse({ ...q, sections, version: q.version + 1 });
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  return { ok: true, questionnaire: parsed.data, orphaned };
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || 'questionnaire'}: ${issue.message}`;
}
