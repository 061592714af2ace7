/**
 * Questionnaires on the control connection (issue 12): the runs' turnout (status and how many have
 * answered, never the answers), my own held answers, and the facilitator's start and reveal. The
 * server alone holds anyone's answers until the reveal.
 */
import type { Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@shared/control/events';
import type {
  AdaptQuestionnaire,
  AdaptResult,
  MyAnswers,
  QuestionnaireTurnout,
  StartQuestionnaire,
} from '@shared/control/questionnaires';
import { socketRequest } from './socketRequest';

export class QuestionnaireChannel {
  private runs: QuestionnaireTurnout[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>) {
    socket.on('questionnaire:turnout', (runs) => {
      this.runs = runs;
      for (const listener of this.listeners) listener();
    });
  }

  getRuns = (): QuestionnaireTurnout[] => this.runs;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(request: StartQuestionnaire): Promise<Ack<QuestionnaireTurnout>> {
    return socketRequest<QuestionnaireTurnout>(this.socket, 'questionnaire:start', request);
  }

  /** Saves the answers sent (null clears one); the ack carries all of mine. */
  save(questionnaireId: string, answers: Record<string, unknown>): Promise<Ack<MyAnswers>> {
    return socketRequest<MyAnswers>(this.socket, 'questionnaire:save', {
      questionnaireId,
      answers,
    });
  }

  mine(questionnaireId: string): Promise<Ack<MyAnswers>> {
    return socketRequest<MyAnswers>(this.socket, 'questionnaire:mine', { questionnaireId });
  }

  /** After a named reveal: one of my own answers, in the doc (null clears it). */
  revise(questionnaireId: string, questionId: string, answer: unknown): Promise<Ack<null>> {
    return socketRequest<null>(this.socket, 'questionnaire:revise', {
      questionnaireId,
      questionId,
      answer,
    });
  }

  /** Facilitator: the coach's note on a question (blank removes it). */
  note(questionnaireId: string, questionId: string, text: string): Promise<Ack<null>> {
    return socketRequest<null>(this.socket, 'questionnaire:note', {
      questionnaireId,
      questionId,
      text,
    });
  }

  /** Facilitator: the question under discussion (null for none). */
  focus(questionnaireId: string, questionId: string | null): Promise<Ack<null>> {
    return socketRequest<null>(this.socket, 'questionnaire:focus', { questionnaireId, questionId });
  }

  /** Facilitator: one edit of the workshop's copy (code 'needs-decision': ask about meaning). */
  adapt(questionnaireId: string, edit: AdaptQuestionnaire['edit']): Promise<Ack<AdaptResult>> {
    return socketRequest<AdaptResult>(this.socket, 'questionnaire:adapt', {
      questionnaireId,
      edit,
    });
  }

  reveal(questionnaireId: string): Promise<Ack<{ written: number; refused: unknown[] }>> {
    return socketRequest(this.socket, 'questionnaire:reveal', { questionnaireId });
  }
}
