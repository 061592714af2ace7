/**
 * Questionnaires, server side (issue 12): the facilitator starts a shipped questionnaire, each
 * person's answers are held here and in storage (never in the doc, never sent to anyone else), and
 * the facilitator's reveal writes them into the doc in one change — anonymised (no names, ids
 * renumbered by aggregate.ts `anonymise`) when the run is anonymous. Like private writing, every
 * change runs in the control service's per-workshop queue, so no save slips in after a reveal.
 */
import type * as Y from 'yjs';
import {
  questionnaireRefSchema,
  saveAnswersSchema,
  startQuestionnaireSchema,
  type MyAnswers,
  type QuestionnaireRun,
  type QuestionnaireTurnout,
} from '../../shared/control/questionnaires';
import type { Role } from '../../shared/domain/workshop';
import {
  addQuestionnaire,
  writeRevealedAnswers,
  type RevealedResponse,
  type WriteReport,
} from '../../shared/doc/questionnaires';
import { copyTemplate } from '../../shared/questionnaire/adapt';
import {
  aggregateQuestionnaire,
  anonymise,
  type QuestionnaireAggregate,
} from '../../shared/questionnaire/aggregate';
import { markRevealed } from '../../shared/doc/questionnaireDiscussion';
import { readWorkshopLanguage } from '../../shared/doc/regions';
import type { Language } from '../../shared/i18n/languages';
import {
  answerSchema,
  findQuestion,
  validateAnswer,
  questionnaireSchema,
  type Answer,
} from '../../shared/questionnaire/schema';
import { questionnaireTemplate, SELF_ASSESSMENT } from '../../shared/questionnaire/shipped';
import type { Identities, IdentityRow, QuestionnaireStore } from '../storage/storage';
import type { ControlService } from './controlService';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; code?: string };
/** Applies a server-made change to a workshop's doc (RoomRegistry.change). */
export type DocChanger = (workshopId: string, change: (doc: Y.Doc) => void) => Promise<void>;

/**
 * A workshop's doc as the questionnaire services use it: `change` applies a server-made change
 * (stored, then relayed: RoomRegistry.change); `read` only reads (RoomRegistry.withDocument), so a
 * lookup never opens a change on the room.
 */
export interface WorkshopDocs {
  change: DocChanger;
  read<T>(workshopId: string, read: (doc: Y.Doc) => T): Promise<T>;
}

export interface Caller {
  role: Role;
  identityId: string | null;
}

export class QuestionnaireService {
  private readonly listeners = new Set<
    (workshopId: string, runs: QuestionnaireTurnout[]) => void
  >();

  constructor(
    private readonly storage: QuestionnaireStore & Identities,
    private readonly control: ControlService,
    private readonly docs: WorkshopDocs,
    private readonly now: () => number = Date.now,
  ) {}

  /** Called with every run's turnout after a start, a person's first answer and a reveal. */
  onTurnout(listener: (workshopId: string, runs: QuestionnaireTurnout[]) => void): void {
    this.listeners.add(listener);
  }

  start(workshopId: string, caller: Caller, raw: unknown): Promise<Reply<QuestionnaireTurnout>> {
    if (caller.role !== 'facilitator') return refuse('only facilitators can start a questionnaire');
    const parsed = startQuestionnaireSchema.safeParse(raw);
    if (!parsed.success) return refuse(firstIssue('invalid questionnaire start', parsed.error));
    const { templateId, anonymous, respondentIds, liveResults } = parsed.data;
    return this.control.exclusive(workshopId, async (): Promise<Reply<QuestionnaireTurnout>> => {
      const refused = await this.control.refusal(workshopId);
      if (refused) return { ok: false, error: refused };
      const people = await this.storage.listIdentities(workshopId);
      if (respondentIds) {
        const known = new Set(people.filter((p) => !p.removed).map((p) => p.id));
        const unknown = respondentIds.find((id) => !known.has(id));
        if (unknown) return { ok: false, error: `no person "${unknown}" in this workshop` };
      }
      const runs = await this.runs(workshopId);
      const questionnaireId = freshId(templateId, runs);
      // In the workshop's language (English when the template has no translation in it).
      const language: Language = await this.docs.read(workshopId, readWorkshopLanguage);
      const template = questionnaireTemplate(templateId, language);
      const definition = copyTemplate(template, {
        id: questionnaireId,
        ...(anonymous === undefined ? {} : { anonymous }),
      });
      const run: QuestionnaireRun = {
        questionnaireId,
        templateId,
        anonymous: definition.anonymous,
        respondentIds: respondentIds ? [...new Set(respondentIds)] : null,
        status: 'open',
        liveResults: liveResults ?? templateId !== SELF_ASSESSMENT.templateId,
        startedAt: this.now(),
        definition,
      };
      // The questionnaire itself is not private: everyone's panel reads it from the doc.
      await this.docs.change(workshopId, (doc) => addQuestionnaire(doc, definition, run.startedAt));
      await this.storage.putQuestionnaireRun(workshopId, questionnaireId, JSON.stringify(run));
      const turnout = await this.announce(workshopId, people);
      return { ok: true, value: turnout.find((t) => t.questionnaireId === questionnaireId)! };
    });
  }

  /** Saves some of the caller's answers (see saveAnswersSchema); the ack carries all of theirs. */
  save(workshopId: string, caller: Caller, raw: unknown): Promise<Reply<MyAnswers>> {
    const { identityId } = caller;
    if (!identityId) return refuse('join as a person to answer');
    const parsed = saveAnswersSchema.safeParse(raw);
    if (!parsed.success) return refuse(firstIssue('invalid answers', parsed.error));
    const { questionnaireId, answers } = parsed.data;
    return this.control.exclusive(workshopId, async (): Promise<Reply<MyAnswers>> => {
      const refused = await this.control.refusal(workshopId);
      if (refused) return { ok: false, error: refused };
      const run = (await this.runs(workshopId)).find((r) => r.questionnaireId === questionnaireId);
      if (run?.status !== 'open') return { ok: false, error: 'that questionnaire is not open' };
      const people = await this.storage.listIdentities(workshopId);
      if (!eligible(run, people).includes(identityId)) {
        return { ok: false, error: 'this questionnaire is not for you' };
      }
      const definition = run.definition;
      const held = await this.heldAnswers(workshopId, questionnaireId);
      const mine = { ...(held.get(identityId) ?? {}) };
      for (const [questionId, value] of Object.entries(answers)) {
        const question = findQuestion(definition, questionId);
        if (!question) return { ok: false, error: `no question "${questionId}"` };
        if (value === null) {
          delete mine[questionId];
          continue;
        }
        const check = validateAnswer(question, value);
        if (!check.ok) return { ok: false, error: `question "${questionId}": ${check.error}` };
        mine[questionId] = check.answer;
      }
      const hadAnswered = Object.keys(held.get(identityId) ?? {}).length > 0;
      await this.storage.putHeldAnswers(
        workshopId,
        questionnaireId,
        identityId,
        JSON.stringify(mine),
      );
      // Turnout changes with a person's first answer (or last cleared); live results with any.
      if (run.liveResults || hadAnswered !== Object.keys(mine).length > 0) {
        await this.announce(workshopId, people);
      }
      return { ok: true, value: { questionnaireId, answers: mine } };
    });
  }

  /** The caller's held answers to an open run (none when they have not answered). */
  mine(workshopId: string, caller: Caller, raw: unknown): Promise<Reply<MyAnswers>> {
    const { identityId } = caller;
    if (!identityId) return refuse('join as a person to answer');
    const parsed = questionnaireRefSchema.safeParse(raw);
    if (!parsed.success) return refuse(firstIssue('invalid request', parsed.error));
    const { questionnaireId } = parsed.data;
    return this.control.exclusive(workshopId, async (): Promise<Reply<MyAnswers>> => {
      const run = (await this.runs(workshopId)).find((r) => r.questionnaireId === questionnaireId);
      if (run?.status !== 'open') return { ok: false, error: 'that questionnaire is not open' };
      const held = await this.heldAnswers(workshopId, questionnaireId);
      return { ok: true, value: { questionnaireId, answers: held.get(identityId) ?? {} } };
    });
  }

  /**
   * Closes a run and writes its held answers into the doc in one change (each person's answers
   * under their identity id with their name, or anonymised), then forgets them.
   */
  reveal(workshopId: string, caller: Caller, raw: unknown): Promise<Reply<WriteReport>> {
    if (caller.role !== 'facilitator') return refuse('only facilitators can reveal answers');
    const parsed = questionnaireRefSchema.safeParse(raw);
    if (!parsed.success) return refuse(firstIssue('invalid request', parsed.error));
    const { questionnaireId } = parsed.data;
    return this.control.exclusive(workshopId, async (): Promise<Reply<WriteReport>> => {
      const refused = await this.control.refusal(workshopId);
      if (refused) return { ok: false, error: refused };
      const run = (await this.runs(workshopId)).find((r) => r.questionnaireId === questionnaireId);
      if (run?.status !== 'open') return { ok: false, error: 'that questionnaire is not open' };
      const people = await this.storage.listIdentities(workshopId);
      const names = new Map(people.map((p) => [p.id, p.name] as const));
      const held = await this.heldAnswers(workshopId, questionnaireId);
      const responses = [...held]
        .filter(([, answers]) => Object.keys(answers).length > 0)
        .map(([identityId, answers]) => ({ respondentId: identityId, answers }));
      const revealed: RevealedResponse[] = run.anonymous
        ? anonymise(responses)
        : responses.map((r) => ({ ...r, name: names.get(r.respondentId) ?? '' }));
      let report: WriteReport = { written: 0, refused: [] };
      const revealedAt = this.now();
      await this.docs.change(workshopId, (doc) => {
        report = writeRevealedAnswers(doc, questionnaireId, revealed);
        markRevealed(doc, questionnaireId, revealedAt);
      });
      const closed: QuestionnaireRun = { ...run, status: 'revealed', revealedAt };
      await this.storage.putQuestionnaireRun(workshopId, questionnaireId, JSON.stringify(closed));
      await this.storage.clearHeldAnswers(workshopId, questionnaireId);
      await this.announce(workshopId, people);
      return { ok: true, value: report };
    });
  }

  /** The run, for the discussion commands (questionnaireDiscussion.ts). */
  findRun(workshopId: string, questionnaireId: string): Promise<QuestionnaireRun | undefined> {
    return this.runs(workshopId).then((runs) =>
      runs.find((r) => r.questionnaireId === questionnaireId),
    );
  }

  /** Is this person asked by the run (removed people are not)? */
  async asks(workshopId: string, run: QuestionnaireRun, identityId: string): Promise<boolean> {
    return eligible(run, await this.storage.listIdentities(workshopId)).includes(identityId);
  }

  /** Every run's turnout (counts only), for a client that connects. */
  turnout(workshopId: string): Promise<QuestionnaireTurnout[]> {
    return this.control.exclusive(workshopId, async () =>
      this.turnoutOf(workshopId, await this.storage.listIdentities(workshopId)),
    );
  }

  private async announce(workshopId: string, people: IdentityRow[]) {
    const turnout = await this.turnoutOf(workshopId, people);
    for (const listener of this.listeners) listener(workshopId, turnout);
    return turnout;
  }

  private async turnoutOf(
    workshopId: string,
    people: IdentityRow[],
  ): Promise<QuestionnaireTurnout[]> {
    const out: QuestionnaireTurnout[] = [];
    for (const run of await this.runs(workshopId)) {
      const asked = eligible(run, people);
      let answered = 0;
      let results: QuestionnaireAggregate | undefined;
      if (run.status === 'open') {
        const held = await this.heldAnswers(workshopId, run.questionnaireId);
        answered = asked.filter((id) => Object.keys(held.get(id) ?? {}).length > 0).length;
        if (run.liveResults) {
          // Only the people still asked count; the aggregate itself never says who.
          const responses = asked.map((id) => ({ respondentId: id, answers: held.get(id) ?? {} }));
          results = aggregateQuestionnaire(run.definition, responses);
        }
      }
      out.push({
        questionnaireId: run.questionnaireId,
        templateId: run.templateId,
        anonymous: run.anonymous,
        status: run.status,
        respondentIds: asked,
        answered,
        liveResults: run.liveResults ?? false,
        ...(results ? { results } : {}),
      });
    }
    return out;
  }

  private async runs(workshopId: string): Promise<QuestionnaireRun[]> {
    return (await this.storage.listQuestionnaireRuns(workshopId)).flatMap((row) => {
      const run = parseJson(row.json) as QuestionnaireRun | undefined;
      const definition = questionnaireSchema.safeParse(run?.definition);
      return run && definition.success ? [{ ...run, definition: definition.data }] : [];
    });
  }

  /** Saves a run's changed state (questionnaireEditing.ts: an adapted definition). */
  async saveRun(workshopId: string, run: QuestionnaireRun): Promise<void> {
    await this.storage.putQuestionnaireRun(workshopId, run.questionnaireId, JSON.stringify(run));
    await this.announce(workshopId, await this.storage.listIdentities(workshopId));
  }

  /** Held answers of an open run, by person. */
  async heldAnswers(workshopId: string, questionnaireId: string) {
    const held = new Map<string, Record<string, Answer>>();
    for (const row of await this.storage.listHeldAnswers(workshopId, questionnaireId)) {
      const raw = parseJson(row.json);
      const answers: Record<string, Answer> = {};
      if (raw && typeof raw === 'object') {
        for (const [questionId, value] of Object.entries(raw)) {
          const answer = answerSchema.safeParse(value);
          if (answer.success) answers[questionId] = answer.data;
        }
      }
      held.set(row.identityId, answers);
    }
    return held;
  }
}

/** The people asked by a run, removed people left out. */
function eligible(run: QuestionnaireRun, people: IdentityRow[]): string[] {
  const present = people.filter((p) => !p.removed);
  if (run.respondentIds) {
    const ids = new Set(present.map((p) => p.id));
    return run.respondentIds.filter((id) => ids.has(id));
  }
  return present.filter((p) => p.role === 'participant').map((p) => p.id);
}

function freshId(templateId: string, runs: QuestionnaireRun[]): string {
  const taken = new Set(runs.map((r) => r.questionnaireId));
  for (let n = 1; ; n++) {
    const id = `${templateId}-${n}`;
    if (!taken.has(id)) return id;
  }
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

export function refuse<T>(error: string): Promise<Reply<T>> {
  return Promise.resolve({ ok: false, error });
}

export function firstIssue(
  what: string,
  error: { issues: { path: PropertyKey[]; message: string }[] },
): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return `${what}: ${where}${issue?.message ?? ''}`;
}
