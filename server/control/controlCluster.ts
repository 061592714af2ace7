/**
 * The control plane across processes (REDIS_URL): what this process tells the others and what it
 * takes in from them. Separate because a single process never runs it, and because it is the one
 * place that keeps what is only in memory (the lock gate's state cache, hands, who is online) in
 * step between processes.
 */
import type { Logger } from '../log';
import type { ControlServer } from './controlServer';
import type { ControlService } from './controlService';
import type { PeopleService } from './peopleService';

/**
 * Several processes: this one tells the others what changed here and takes in what changed there.
 * Control state, ballots, drafts and people are in the shared database; what is only in memory
 * (the state cache the lock gate reads, hands, who is online) is kept in step here.
 */
export function joinCluster(
  io: ControlServer,
  control: ControlService,
  people: PeopleService,
  log: Logger,
): void {
  const failed = (what: string, workshopId: string) => (err: unknown) =>
    log.error({ err, workshopId }, `${what} from another process failed`);
  control.joinCluster();
  people.joinCluster(async (workshopId) => {
    const sockets = await io.in(workshopId).fetchSockets();
    return new Set(sockets.flatMap((s) => (s.data.identityId ? [s.data.identityId] : [])));
  });
  people.onHand((workshopId, identityId, raisedAt) =>
    io.serverSideEmit('hand:changed', workshopId, identityId, raisedAt),
  );
  io.on(
    'control:changed',
    (workshopId) =>
      void control.refresh(workshopId).catch(failed('reloading the control state', workshopId)),
  );
  io.on('hand:changed', (workshopId, identityId, raisedAt) =>
    people.applyHand(workshopId, identityId, raisedAt),
  );
  io.on(
    'people:changed',
    (workshopId, identityId, change) =>
      void people
        .applyChange(workshopId, identityId, change)
        .catch(failed('acting on a people change', workshopId)),
  );
}
