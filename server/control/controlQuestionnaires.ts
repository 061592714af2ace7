/**
 * The questionnaire commands on the control plane (issue 12): starting, answering, revealing,
 * discussing and adapting a questionnaire, and its turnout. Separate from the control plane's
 * facilitation commands because they are served by their own services and joined onto each
 * connection on their own.
 */
import type { Ack, ClientToServerEvents } from '../../shared/control/events';
import type { Logger } from '../log';
import type { ControlServer, ControlSocket } from './controlServer';
import type { QuestionnaireDiscussion } from './questionnaireDiscussion';
import type { QuestionnaireEditing } from './questionnaireEditing';
import type { Caller, QuestionnaireService, Reply } from './questionnaireService';

type QuestionnaireEvent = Extract<keyof ClientToServerEvents, `questionnaire:${string}`>;
type AckValue<E extends QuestionnaireEvent> = ClientToServerEvents[E] extends (
  payload: unknown,
  ack: (reply: Ack<infer T>) => void,
) => void
  ? T
  : never;
/** Every questionnaire event a client sends, with what answers it. */
type QuestionnaireCommands = {
  [E in QuestionnaireEvent]: (caller: Caller, payload: unknown) => Promise<Reply<AckValue<E>>>;
};

/** Serves the questionnaire commands and broadcasts their turnout (issue 12). */
export function serveQuestionnaires(
  io: ControlServer,
  service: QuestionnaireService,
  after: { discussion: QuestionnaireDiscussion; editing: QuestionnaireEditing },
  log: Logger,
) {
  service.onTurnout((workshopId, runs) => io.to(workshopId).emit('questionnaire:turnout', runs));
  io.on('connection', (socket) => serveQuestionnaireSocket(socket, service, after, log));
}

/** The role and identity are read at each command (a promotion changes them). */
function serveQuestionnaireSocket(
  socket: ControlSocket,
  service: QuestionnaireService,
  { discussion, editing }: { discussion: QuestionnaireDiscussion; editing: QuestionnaireEditing },
  log: Logger,
) {
  const { workshopId } = socket.data;
  const handle =
    <T>(run: (caller: Caller, payload: unknown) => Promise<Reply<T>>) =>
    (payload: unknown, ack: (reply: Reply<T>) => void) => {
      if (typeof ack !== 'function') return;
      run({ role: socket.data.role, identityId: socket.data.identityId }, payload)
        .then(ack)
        .catch((err: unknown) => {
          log.error({ err, workshopId }, 'questionnaire command failed');
          ack({ ok: false, error: 'server error' });
        });
    };
  // One line per command: the event and the service method that answers it.
  const commands = {
    'questionnaire:start': (c, p) => service.start(workshopId, c, p),
    'questionnaire:save': (c, p) => service.save(workshopId, c, p),
    'questionnaire:mine': (c, p) => service.mine(workshopId, c, p),
    'questionnaire:reveal': (c, p) => service.reveal(workshopId, c, p),
    'questionnaire:revise': (c, p) => discussion.revise(workshopId, c, p),
    'questionnaire:note': (c, p) => discussion.note(workshopId, c, p),
    'questionnaire:focus': (c, p) => discussion.focus(workshopId, c, p),
    'questionnaire:adapt': (c, p) => editing.adapt(workshopId, c, p),
  } satisfies QuestionnaireCommands;
  const entries = Object.entries(commands) as [
    QuestionnaireEvent,
    (caller: Caller, payload: unknown) => Promise<Reply<unknown>>,
  ][];
  for (const [event, run] of entries) {
    // Each entry is checked against its event's ack above; the loop cannot keep that pairing.
    socket.on(event, handle(run) as never);
  }
  service
    .turnout(workshopId)
    .then((runs) => runs.length && socket.emit('questionnaire:turnout', runs))
    .catch((err: unknown) => log.error({ err, workshopId }, 'could not count questionnaires'));
}
