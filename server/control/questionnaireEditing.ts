/**
 * A facilitator adapts the workshop's copy of a questionnaire (issue 12): reword, add, remove or
 * move a question, one checked edit at a time (shared/questionnaire/adapt.ts holds the rules).
 * The adapted definition replaces the doc's (a higher version) and the run's, which answers are
 * checked against. Answers are never deleted or moved by an edit: after the reveal, answers left
 * without a question stay in the doc (the record reports them); while the run is open, a question
 * somebody already answered can only be reworded with the same meaning, since a held answer
 * without its question would not survive the reveal.
 */
import { adaptQuestionnaireSchema, type AdaptResult } from '../../shared/control/questionnaires';
import {
  getQuestionnaire,
  readResponses,
  updateQuestionnaire,
} from '../../shared/doc/questionnaires';
import {
  addQuestion,
  moveQuestion,
  removeQuestion,
  rewordQuestion,
  type EditResult,
} from '../../shared/questionnaire/adapt';
import type { Question, Questionnaire, Response } from '../../shared/questionnaire/schema';
import type { ControlService } from './controlService';
import {
  firstIssue,
  refuse,
  type Caller,
  type WorkshopDocs,
  type QuestionnaireService,
  type Reply,
} from './questionnaireService';

type Edit = ReturnType<typeof adaptQuestionnaireSchema.parse>['edit'];

export class QuestionnaireEditing {
  constructor(
    private readonly runs: QuestionnaireService,
    private readonly control: ControlService,
    private readonly docs: WorkshopDocs,
  ) {}

  adapt(workshopId: string, caller: Caller, raw: unknown): Promise<Reply<AdaptResult>> {
    if (caller.role !== 'facilitator') return refuse('only facilitators adapt a questionnaire');
    const parsed = adaptQuestionnaireSchema.safeParse(raw);
    if (!parsed.success) return refuse(firstIssue('invalid edit', parsed.error));
    const { questionnaireId, edit } = parsed.data;
    return this.control.exclusive(workshopId, async (): Promise<Reply<AdaptResult>> => {
      const refused = await this.control.refusal(workshopId);
      if (refused) return { ok: false, error: refused };
      const run = await this.runs.findRun(workshopId, questionnaireId);
      if (!run) return { ok: false, error: 'no such questionnaire' };
      let current: Questionnaire = run.definition;
      let responses: Response[];
      if (run.status === 'open') {
        const held = await this.runs.heldAnswers(workshopId, questionnaireId);
        responses = [...held].map(([respondentId, answers]) => ({ respondentId, answers }));
        const answered =
          'questionId' in edit && responses.some((r) => edit.questionId in r.answers);
        if (
          answered &&
          (edit.op === 'remove' || (edit.op === 'reword' && edit.meaning === 'changed'))
        ) {
          return {
            ok: false,
            error:
              'somebody already answered this question: change its meaning or remove it after the reveal',
          };
        }
      } else {
        // After the reveal the doc is where answers and the definition live.
        const inDoc = await this.docs.read(workshopId, (doc) => ({
          definition: getQuestionnaire(doc, questionnaireId),
          responses: readResponses(doc, questionnaireId),
        }));
        if (inDoc.definition && inDoc.definition.version > current.version)
          current = inDoc.definition;
        responses = inDoc.responses;
      }
      const result = applyEdit(current, edit, responses);
      if (!result.ok) {
        // Rewording an answered question: the facilitator says whether its meaning changed.
        return {
          ok: false,
          error: result.error,
          ...(result.needsDecision ? { code: 'needs-decision' } : {}),
        };
      }
      const adapted = result.questionnaire;
      await this.docs.change(workshopId, (doc) => {
        updateQuestionnaire(doc, adapted);
      });
      await this.runs.saveRun(workshopId, { ...run, definition: adapted });
      const questionId =
        result.renamed?.to ?? (edit.op === 'add' ? lastAdded(current, adapted) : undefined);
      return {
        ok: true,
        value: {
          version: adapted.version,
          orphaned: result.orphaned.length,
          ...(questionId ? { questionId } : {}),
        },
      };
    });
  }
}

function applyEdit(q: Questionnaire, edit: Edit, responses: Response[]): EditResult {
  switch (edit.op) {
    case 'reword': {
      const hint = edit.hint === undefined ? {} : { hint: edit.hint.trim() || undefined };
      const options = edit.meaning ? { meaning: edit.meaning } : {};
      return rewordQuestion(q, edit.questionId, { text: edit.text, ...hint }, responses, options);
    }
    case 'remove':
      return removeQuestion(q, edit.questionId, responses);
    case 'move':
      return moveQuestion(q, edit.questionId, { sectionId: edit.sectionId, index: edit.index });
    case 'add': {
      const question: Question = {
        id: freshQuestionId(q, responses),
        text: edit.text,
        ...(edit.hint?.trim() ? { hint: edit.hint.trim() } : {}),
        answer: edit.answer,
      };
      return addQuestion(q, question, { sectionId: edit.sectionId }, responses);
    }
  }
}

/** "own-1", "own-2", …: never an id a question or an answer uses. */
function freshQuestionId(q: Questionnaire, responses: Response[]): string {
  const used = new Set<string>();
  for (const section of q.sections) for (const question of section.questions) used.add(question.id);
  for (const response of responses) for (const id of Object.keys(response.answers)) used.add(id);
  for (let n = 1; ; n++) if (!used.has(`own-${n}`)) return `own-${n}`;
}

function lastAdded(before: Questionnaire, after: Questionnaire): string | undefined {
  const had = new Set(before.sections.flatMap((s) => s.questions.map((q) => q.id)));
  return after.sections.flatMap((s) => s.questions.map((q) => q.id)).find((id) => !had.has(id));
}
