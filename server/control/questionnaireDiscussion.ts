/**
 * After a questionnaire's reveal (issue 12): the coach's notes and the question under discussion
 * (facilitators), and each respondent's further work on their own answers in the doc (the
 * self-assessment's summaries). Clients never write the questionnaires root themselves (the write
 * gate refuses it): these commands are checked here and the server makes the change, so a
 * participant can only ever touch their own answers, and an anonymous run's answers nobody's.
 */
import type * as Y from 'yjs';
import {
  coachNoteSchema,
  questionFocusSchema,
  reviseAnswerSchema,
} from '../../shared/control/questionnaires';
import {
  setCoachNote,
  setFocus,
  type DiscussionResult,
} from '../../shared/doc/questionnaireDiscussion';
import { ensureRespondent, setAnswer } from '../../shared/doc/questionnaires';
import type { Identities } from '../storage/storage';
import type { ControlService } from './controlService';
import {
  firstIssue,
  refuse,
  type Caller,
  type WorkshopDocs,
  type QuestionnaireService,
  type Reply,
} from './questionnaireService';

export class QuestionnaireDiscussion {
  constructor(
    private readonly runs: QuestionnaireService,
    private readonly people: Identities,
    private readonly control: ControlService,
    private readonly docs: WorkshopDocs,
  ) {}

  /** A respondent changes one of their own revealed answers (named runs only). */
  revise(workshopId: string, caller: Caller, raw: unknown): Promise<Reply<null>> {
    const { identityId } = caller;
    if (!identityId) return refuse('join as a person to answer');
    const parsed = reviseAnswerSchema.safeParse(raw);
    if (!parsed.success) return refuse(firstIssue('invalid answer', parsed.error));
    const { questionnaireId, questionId, answer } = parsed.data;
    return this.control.exclusive(workshopId, async (): Promise<Reply<null>> => {
      const refused = await this.control.refusal(workshopId);
      if (refused) return { ok: false, error: refused };
      const run = await this.runs.findRun(workshopId, questionnaireId);
      if (!run) return { ok: false, error: 'no such questionnaire' };
      if (run.status !== 'revealed') {
        return { ok: false, error: 'answers are saved privately until the reveal' };
      }
      if (run.anonymous) return { ok: false, error: 'anonymous answers cannot be changed' };
      if (!(await this.runs.asks(workshopId, run, identityId))) {
        return { ok: false, error: 'this questionnaire is not for you' };
      }
      const people = await this.people.listIdentities(workshopId);
      const name = people.find((p) => p.id === identityId)?.name;
      let result: Reply<null> = { ok: true, value: null };
      await this.docs.change(workshopId, (doc) => {
        ensureRespondent(doc, questionnaireId, identityId, name);
        const check = setAnswer(
          doc,
          questionnaireId,
          identityId,
          questionId,
          answer === null ? undefined : answer,
        );
        if (!check.ok) result = { ok: false, error: `question "${questionId}": ${check.error}` };
      });
      return result;
    });
  }

  /** The coach's note on a question. */
  note(workshopId: string, caller: Caller, raw: unknown): Promise<Reply<null>> {
    if (caller.role !== 'facilitator') return refuse('only facilitators write coach notes');
    const parsed = coachNoteSchema.safeParse(raw);
    if (!parsed.success) return refuse(firstIssue('invalid note', parsed.error));
    const { questionnaireId, questionId, text } = parsed.data;
    return this.inDoc(workshopId, questionnaireId, (doc) =>
      setCoachNote(doc, questionnaireId, questionId, text),
    );
  }

  /** The question under discussion, which the wall shows. */
  focus(workshopId: string, caller: Caller, raw: unknown): Promise<Reply<null>> {
    if (caller.role !== 'facilitator') return refuse('only facilitators choose the question');
    const parsed = questionFocusSchema.safeParse(raw);
    if (!parsed.success) return refuse(firstIssue('invalid question', parsed.error));
    const { questionnaireId, questionId } = parsed.data;
    return this.inDoc(workshopId, questionnaireId, (doc) =>
      setFocus(doc, questionnaireId, questionId),
    );
  }

  private inDoc(
    workshopId: string,
    questionnaireId: string,
    change: (doc: Y.Doc) => DiscussionResult,
  ): Promise<Reply<null>> {
    return this.control.exclusive(workshopId, async (): Promise<Reply<null>> => {
      const refused = await this.control.refusal(workshopId);
      if (refused) return { ok: false, error: refused };
      if (!(await this.runs.findRun(workshopId, questionnaireId))) {
        return { ok: false, error: 'no such questionnaire' };
      }
      let result: Reply<null> = { ok: true, value: null };
      await this.docs.change(workshopId, (doc) => {
        const done = change(doc);
        if (!done.ok) result = { ok: false, error: done.error };
      });
      return result;
    });
  }
}
