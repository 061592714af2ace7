/**
 * The questionnaire commands on the control plane (issue 12): starting, answering, revealing,
 * discussing and adapting a questionnaire, and its turnout. Separate from the control plane's
 * facilitation commands because they are served by their own services and joined onto each
 * connection on their own.
 */
import type { Logger } from '../log';
import type { ControlServer, ControlSocket } from './controlServer';
import type { QuestionnaireDiscussion } from './questionnaireDiscussion';
import type { QuestionnaireEditing } from './questionnaireEditing';
import type { Caller, QuestionnaireService, Reply } from './questionnaireService';

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
  socket.on(
    'questionnaire:start',
    handle((c, p) => service.start(workshopId, c, p)),
  );
  socket.on(
    'questionnaire:save',
    handle((c, p) => service.save(workshopId, c, p)),
  );
  socket.on(
    'questionnaire:mine',
    handle((c, p) => service.mine(workshopId, c, p)),
  );
  socket.on(
    'questionnaire:reveal',
    handle((c, p) => service.reveal(workshopId, c, p)),
  );
  socket.on(
    'questionnaire:revise',
    handle((c, p) => discussion.revise(workshopId, c, p)),
  );
  socket.on(
    'questionnaire:note',
    handle((c, p) => discussion.note(workshopId, c, p)),
  );
  socket.on(
    'questionnaire:focus',
    handle((c, p) => discussion.focus(workshopId, c, p)),
  );
  socket.on(
    'questionnaire:adapt',
    handle((c, p) => editing.adapt(workshopId, c, p)),
  );
  service
    .turnout(workshopId)
    .then((runs) => runs.length && socket.emit('questionnaire:turnout', runs))
    .catch((err: unknown) => log.error({ err, workshopId }, 'could not count questionnaires'));
}
